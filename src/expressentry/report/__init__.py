"""Client reports: one self-contained HTML file of a profile's score, chances and dates.

Needs the ``report`` extra (Jinja2): ``pip install "expressentry[report]"``. The
core library imports without it; :func:`report_html` says what to install if
it is missing.
"""

from __future__ import annotations

from expressentry.report.render import report_html

__all__ = ["report_html"]
