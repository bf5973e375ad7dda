"""Make user text safe to print: strip what a PDF font cannot show, cut it into chunks."""

from __future__ import annotations

import unicodedata

# Long user text is cut into pieces that each fit on a page, so that a piece can travel whole
# with its label: at most this many characters and lines per piece (13 pt text, A4 frame).
CHUNK_CHARS = 1200
CHUNK_LINES = 12
LABEL_MAX = 200
# A note keeps its line breaks, but a line break costs a whole printed line: 10,000 lines of
# one letter would fill 200 pages. So in the PDF only, once a note has had this many short lines
# (under half a printed line), each further short line is joined to the next with JOIN.
KEPT_SHORT_LINES = 30
SHORT_LINE = 40
JOIN = " / "

# Control characters, lone surrogates and unassigned code points (which include U+FFFE/U+FFFF).
_DROPPED = frozenset({"Cc", "Cs", "Cn"})
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}


def clean(text: str) -> str:
    """Return text without control characters, lone surrogates or non-characters (NFC form).

    Tabs become spaces and every kind of line break becomes "\\n"; reportlab cannot encode lone
    surrogates (JSON allows them) and draws control characters as garbage or fails on them.
    """
    if text.isprintable():  # no control, separator or unassigned character: nothing to drop
        return unicodedata.normalize("NFC", text)
    for old, new in _LINE_BREAKS.items():
        text = text.replace(old, new)
    text = text.replace("\t", " ")
    kept = []
    for char in text:
        if char == "\n":
            kept.append(char)
            continue
        if unicodedata.category(char) not in _DROPPED:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def one_line(text: str) -> str:
    """Return cleaned text on one line with single spaces (labels, names, footers)."""
    return " ".join(clean(text).split())


def label(text: str, limit: int = LABEL_MAX) -> str:
    """Return text as a one-line label of at most ``limit`` characters (cut with "…").

    Labels sit in table cells and footers, which cannot split over pages: a client label as
    long as a book would otherwise stop the whole PDF with a LayoutError.
    """
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fold(lines: list[str], kept: int = KEPT_SHORT_LINES, short: int = SHORT_LINE) -> list[str]:
    """Join short lines with JOIN once ``kept`` short lines have had a line of their own.

    A line of ``short`` characters or more always keeps its line break (a paragraph). The
    printed height of a note then grows with its characters, not with its line breaks; every
    word stays, in its order.
    """
    printed: list[list[str]] = []  # the lines of each printed line
    seen = 0
    join = False
    for line in lines:
        if join:
            printed[-1].append(line)
        else:
            printed.append([line])
        if len(line) < short:
            seen += 1
        join = len(line) < short and seen > kept
    return [JOIN.join(parts) for parts in printed]


def _cut(line: str, max_chars: int) -> int:
    """Where a line longer than ``max_chars`` is cut: after its last sentence in reach, else at
    its last space, else (one long word) at ``max_chars``. Not before half of it."""
    for end in (". ", "? ", "! ", " "):
        cut = line.rfind(end, 0, max_chars)
        if cut > max_chars // 2:
            return cut + len(end) - 1  # the full stop stays with its sentence
    return max_chars


def chunks(text: str, max_chars: int = CHUNK_CHARS, max_lines: int = CHUNK_LINES) -> list[str]:
    """Cut cleaned text into pieces of at most ``max_chars`` characters and ``max_lines`` lines.

    Pieces end at a line break, or after a sentence or at a space where there is one (see
    ``_cut``), so words stay whole; empty lines are dropped because a note full of blank lines
    must not fill pages with white space, and many short lines are folded (see ``fold``).
    """
    lines = [" ".join(line.split()) for line in clean(text).split("\n")]
    lines = fold([line for line in lines if line])
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in lines:
        while len(line) > max_chars:
            cut = _cut(line, max_chars)
            if current:
                pieces.append("\n".join(current))
                current, size = [], 0
            pieces.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        if current and (size + len(line) > max_chars or len(current) >= max_lines):
            pieces.append("\n".join(current))
            current, size = [], 0
        if line:
            current.append(line)
            size += len(line) + 1
    if current:
        pieces.append("\n".join(current))
    return pieces
