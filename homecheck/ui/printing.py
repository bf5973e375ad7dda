"""Printing on every system: the PDF's pages rendered with pypdfium2 and painted on a QPrinter.

Qt's own print dialog picks the printer (Windows, macOS and Linux alike); no `lp`, no QtPdf.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

# Sharper than this makes no visible difference on paper, only bigger print jobs.
MAX_DPI = 300
# pdfium speaks in points: 72 to the inch.
POINTS_PER_INCH = 72
# The paper choices of the save page, by the names report.paper knows them.
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


class PrintError(Exception):
    """The printer could not be used; the message says why in a few words."""


def prepare(printer: QPrinter, paper: str, title: str) -> None:
    """Set the paper and the job's name before the print dialog shows them."""
    printer.setPageSize(QPageSize(PAGE_SIZES.get(paper, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(title)


def _open(pdf: bytes) -> pdfium.PdfDocument:
    """The PDF opened for reading (PrintError when it cannot be read)."""
    try:
        return pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:
        raise PrintError(f"the PDF could not be read ({exc})") from None


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF (PrintError when it cannot be read)."""
    document = _open(pdf)
    try:
        return len(document)
    finally:
        document.close()


def _chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The page indexes (from 0) to print: the range asked for in the dialog, in its order."""
    pages = list(range(count))
    ranges = printer.pageRanges()
    if printer.printRange() == QPrinter.PrintRange.PageRange and not ranges.isEmpty():
        pages = [index for index in pages if ranges.contains(index + 1)]
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


def _page_image(page: pdfium.PdfPage, dpi: int, grayscale: bool) -> QImage:
    """One PDF page as an image at ``dpi`` (white paper, RGB)."""
    bitmap = page.render(
        scale=dpi / POINTS_PER_INCH,
        grayscale=grayscale,
        force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
        rev_byteorder=True,  # RGBx: the same bytes on every machine
    )
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    )
    return image.copy()  # the bitmap's memory goes when it does


def print_pdf(
    pdf: bytes | Path, printer: QPrinter, on_page: Callable[[int, int], None] | None = None
) -> int:
    """Print the pages of a PDF on a printer set up by the print dialog; the pages printed.

    Each page is rendered at the printer's resolution (at most MAX_DPI) and drawn on the whole
    sheet, as large as it fits without changing its shape. The page range, page order, colour
    mode and copies asked for in the dialog are followed. ``on_page(n, total)`` is called before
    each sheet (n from 1), to show progress. PrintError when printing failed.
    """
    document = _open(pdf.read_bytes() if isinstance(pdf, Path) else pdf)
    try:
        pages = _chosen_pages(printer, len(document))
        if not pages:
            return 0
        # A printer that makes copies itself gets one; otherwise (a PDF file) we repeat.
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        dpi = max(1, min(printer.resolution(), MAX_DPI))
        grayscale = printer.colorMode() == QPrinter.ColorMode.GrayScale
        printer.setFullPage(True)  # the PDF has its own margins
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("the printer could not be started")
        printed = 0
        try:
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            for copy in range(copies):
                for n, index in enumerate(pages):
                    if on_page is not None:
                        on_page(printed + 1, copies * len(pages))
                    if (copy or n) and not printer.newPage():
                        raise PrintError("the printer stopped")
                    try:
                        image = _page_image(document[index], dpi, grayscale)
                    except pdfium.PdfiumError as exc:
                        raise PrintError(f"page {index + 1} could not be drawn ({exc})") from None
                    painter.drawImage(_fit(image, sheet), image)
                    printed += 1
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintError("the printer reported an error")
        return printed
    finally:
        document.close()


def _fit(image: QImage, sheet: QRectF) -> QRectF:
    """The largest rectangle of the image's shape centred on the sheet (origin: its corner)."""
    scale = min(sheet.width() / image.width(), sheet.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2, width, height)
