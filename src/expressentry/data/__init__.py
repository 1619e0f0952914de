"""Data shipped with expressentry; PROVENANCE.md says what each file is and where it is from."""
