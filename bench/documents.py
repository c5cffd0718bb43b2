"""Documents made for measuring ingestion: PDFs written with PDFium itself, so that no PDF
writer is needed to build them."""

from __future__ import annotations

import ctypes
import io
from collections.abc import Sequence

import pypdfium2
import pypdfium2.raw as pdfium_raw


def make_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with each page's lines set top to bottom in Helvetica (a font every reader
    has, so nothing is embedded)."""
    pdf = pypdfium2.PdfDocument.new()
    for lines in pages:
        page = pdf.new_page(595, 842)
        for number, line in enumerate(lines):
            text = pdfium_raw.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(10))
            wide = (line + "\x00").encode("utf-16-le")
            pdfium_raw.FPDFText_SetText(
                text, (ctypes.c_ushort * (len(wide) // 2)).from_buffer_copy(wide)
            )
            pdfium_raw.FPDFPageObj_Transform(text, 1, 0, 0, 1, 50, 800 - 13 * number)
            pdfium_raw.FPDFPage_InsertObject(page.raw, text)
        page.gen_content()
        page.close()
    out = io.BytesIO()
    pdf.save(out)
    pdf.close()
    return out.getvalue()


def minutes_pack(lines: Sequence[str], pages: int, per_page: int = 55) -> bytes:
    """A meeting pack of `pages` pages: the minutes' lines, repeated as far as needed, under
    a running header and above a page number, as council packs are printed."""
    body = [lines[i % len(lines)] for i in range(pages * per_page)]
    return make_pdf(
        [
            [
                "Public document pack",
                *body[p * per_page : (p + 1) * per_page],
                f"Page {p + 1} of {pages}",
            ]
            for p in range(pages)
        ]
    )
