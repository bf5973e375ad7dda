"""Default file names that say what, who and when: "Actielijst Mevr J 2026-11-24.pdf".

One function for the action list, the answers file, the FHIR export and the paper checklist, so
a therapist with hundreds of clients finds each file back by name. Safe on Windows, macOS and
Linux alike.
"""

from __future__ import annotations

import re

# What Windows refuses in a file name (macOS: ":", Linux: "/"), and control characters.
_UNSAFE = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Long enough for "Mevr. van der Berg-Jansen, Kerkstraat 12"; the rest of the name stays short.
MAX_LABEL = 40


def safe_part(text: str, limit: int = MAX_LABEL) -> str:
    """Text made safe as part of a file name: forbidden characters become spaces, runs of
    spaces one, no dots or spaces at either end (Windows drops those), at most ``limit``
    characters."""
    cleaned = " ".join(_UNSAFE.sub(" ", text).split())
    return cleaned[:limit].strip(" .")


def default_file_name(what: str, client: str, date: str, suffix: str) -> str:
    """ "<what> <client> <date><suffix>": the client label when there is one, the date when it
    is an ISO date ("2026-11-24"; a stored date-time is cut to its date)."""
    day = date[:10] if _ISO_DATE.fullmatch(date[:10]) else ""
    parts = (safe_part(what, 60), safe_part(client), day)
    return " ".join(part for part in parts if part) + suffix
