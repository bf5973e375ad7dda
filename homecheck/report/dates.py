"""The date as the PDF writes it, in the report's language ("25 november 2025")."""

from __future__ import annotations

import datetime as _dt

from homecheck.i18n import Catalogue
from homecheck.report.text import one_line


def format_date(iso: str, t: Catalogue) -> str:
    """Write an ISO date the way people read it ("25 november 2025"); unknown text stays as is."""
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        return one_line(iso)
    return t("report.date", day=day.day, month=t(f"report.month.{day.month}"), year=day.year)
