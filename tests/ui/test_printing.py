"""Printing a PDF's pages on a QPrinter (here one that writes a PDF file): pages, order, fit."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter

from homecheck.ui.printing import PrintError, page_count, prepare, print_pdf

pytestmark = pytest.mark.gui


def _striped_pdf(pages: int) -> bytes:
    """A PDF whose page n (from 1) is black over its top n tenths: pages tell themselves apart."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.3, 841.9), invariant=True)
    for n in range(1, pages + 1):
        canvas.rect(0, 841.9 * (1 - n / 10), 595.3, 841.9 * n / 10, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _printer(out: Path, paper: str = "A4") -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    prepare(printer, paper, "test")
    printer.setResolution(72)  # small images: a quick test
    return printer


def _stripes(path: Path) -> list[int]:
    """For each printed page, how many tenths of it are black from the top."""
    document = pdfium.PdfDocument(path)
    try:
        found = []
        for n in range(len(document)):
            image = document[n].render(scale=0.2, grayscale=True).to_pil().convert("L")
            column = [image.getpixel((image.width // 2, y)) for y in range(image.height)]
            found.append(round(10 * sum(v < 128 for v in column) / image.height))
        return found
    finally:
        document.close()


def test_every_page_is_printed_in_order(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    assert print_pdf(_striped_pdf(3), _printer(out)) == 3
    assert _stripes(out) == [1, 2, 3]
    assert page_count(out.read_bytes()) == 3


def test_a_file_path_prints_as_its_bytes(tmp_path: Path) -> None:
    source = tmp_path / "list.pdf"
    source.write_bytes(_striped_pdf(2))
    out = tmp_path / "out.pdf"
    assert print_pdf(source, _printer(out)) == 2


def test_range_order_and_copies_from_the_dialog_are_followed(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    printer = _printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    printer.setCopyCount(2)
    progress: list[tuple[int, int]] = []
    assert print_pdf(_striped_pdf(4), printer, lambda n, total: progress.append((n, total))) == 4
    assert _stripes(out) == [3, 2, 3, 2]
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_an_a4_page_on_letter_paper_keeps_its_shape(tmp_path: Path) -> None:
    out = tmp_path / "out.pdf"
    print_pdf(_striped_pdf(1), _printer(out, "letter"))
    document = pdfium.PdfDocument(out)
    width, height = document[0].get_size()
    assert abs(width - 612) < 2 and abs(height - 792) < 2
    image = document[0].render(scale=0.5, grayscale=True).to_pil().convert("L")
    document.close()
    # Fitted by height, centred: white margins left and right, none at the top.
    middle = image.height // 20
    row = [image.getpixel((x, middle)) for x in range(image.width)]
    black = [x for x, v in enumerate(row) if v < 128]
    left, right = black[0], image.width - 1 - black[-1]
    assert left > 2 and abs(left - right) <= 2


@pytest.mark.parametrize("data", [b"", b"not a pdf", b"%PDF-1.4 broken"])
def test_something_that_is_no_pdf_is_a_print_error(tmp_path: Path, data: bytes) -> None:
    out = tmp_path / "out.pdf"
    with pytest.raises(PrintError):
        print_pdf(data, _printer(out))
    with pytest.raises(PrintError):
        page_count(data)
    assert not out.exists()
