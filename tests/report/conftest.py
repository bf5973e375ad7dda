"""Builders for report tests: assessments made with the domain, and PDF text read back."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from homecheck.domain.assessment import Answer, Assessment, read_file
from homecheck.domain.content import Area, Checklist, Item, Text, checklist

DATE = "2025-11-25"
EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def squash(text: str) -> str:
    """Text without any whitespace: line wrapping in the PDF cannot then break a comparison."""
    return "".join(text.split())


def pages_text(pdf: bytes) -> list[str]:
    """The extracted text of every page."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def jpeg(seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small JPEG that differs per seed (different bytes, so a different image in the PDF)."""
    image = Image.new("RGB", size, ((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256))
    ImageDraw.Draw(image).rectangle([size[0] // 4, size[1] // 4, size[0] // 2, size[1] // 2],
                                    fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()


def photo_name(data: bytes) -> str:
    """The stored name of a photo, as homecheck.store.photos gives it."""
    return hashlib.sha256(data).hexdigest()[:16] + ".jpg"


def image_counts(pdf: bytes) -> list[int]:
    """How many times each page draws an image (the same photo twice counts twice)."""
    counts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page["/Resources"].get("/XObject", {})
        images = {name.encode() for name, ref in resources.items()
                  if ref.get_object().get("/Subtype") == "/Image"}
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        counts.append(sum(1 for name in re.findall(rb"(/[^\s/]+) Do", data) if name in images))
    return counts


def make_assessment(
    content: Checklist,
    hazards: Iterable[str] = (),
    ok: Iterable[str] = (),
    notes: dict[str, str] | None = None,
    **fields: Any,
) -> Assessment:
    """An assessment with the given items answered "hazard" or "ok" (others left open)."""
    fields.setdefault("date", DATE)
    fields.setdefault("client", "Mevrouw Jansen")
    assessment = Assessment.new(content, **fields)
    for item_id in ok:
        assessment.answers[item_id] = Answer("ok")
    for item_id in hazards:
        assessment.answers[item_id] = Answer("hazard", note=(notes or {}).get(item_id, ""))
    return assessment


def all_hazards(content: Checklist, **fields: Any) -> Assessment:
    """Every item of every area is a hazard: the longest real action list."""
    return make_assessment(content, hazards=[item.id for item in content.items()], **fields)


def all_ok(content: Checklist, **fields: Any) -> Assessment:
    """Every item checked and fine: no hazard at all."""
    return make_assessment(content, ok=[item.id for item in content.items()], **fields)


def follow_up(content: Checklist) -> tuple[Assessment, Assessment]:
    """The therapist visit example and the next one seven weeks later: three hazards fixed,
    one new."""
    before = read_file(EXAMPLES / "therapist-visit.json", content)
    after = read_file(EXAMPLES / "therapist-visit.json", content)
    after.date = "2027-01-12"
    for item_id in ("stairs.rail_full_length", "living.walking_path_blocked",
                    "bedroom.no_lamp_within_reach"):
        after.answers[item_id] = Answer("ok")
    after.answers["kitchen.slippery_floor_or_mat"] = Answer("hazard")
    return before, after


def synthetic_checklist(actions: int, per_area: int = 20) -> Checklist:
    """A made-up checklist with ``actions`` items, for layout tests bigger than the real one."""
    real = checklist()
    source = next(iter(real.sources))
    areas = []
    for a in range(-(-actions // per_area)):
        area_id = f"area{a}"
        count = min(per_area, actions - a * per_area)
        items = tuple(
            Item(
                id=f"{area_id}.item{i}",
                area=area_id,
                severity=(i % 3) + 1,
                helpers=("handyman", "family"),
                sources=(source,),
                question=Text({"nl": f"Vraag {i}?", "en": f"Question {i}?"}),
                why=Text({"nl": f"Waarom {a}-{i}.", "en": f"Why {a}-{i}."}),
                fix=Text({"nl": f"Oplossing {a}-{i}.", "en": f"Fix {a}-{i}."}),
            )
            for i in range(count)
        )
        title = Text({"nl": f"Ruimte {a}", "en": f"Room {a}"})
        areas.append(Area(area_id, title, title, True, items))
    return Checklist(areas=tuple(areas), sources=real.sources)


@pytest.fixture(scope="session")
def content() -> Checklist:
    """The shipped checklist."""
    return checklist()


@pytest.fixture(scope="session")
def render() -> Callable[..., bytes]:
    """render_pdf, imported once (the import is what a Qt-free test must be able to do)."""
    from homecheck.report.pdf import render_pdf

    return render_pdf
