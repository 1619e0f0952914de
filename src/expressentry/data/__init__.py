"""Data shipped with expressentry (example profiles; later, rounds and NOC lists)."""
