"""Any document file as `Text`: its format told from its bytes, its text in numbered lines.

The format is taken from what the file holds, not from its name: councils publish saved
web pages as .txt and .doc, and PDFs without an extension. Each format keeps what a person
reads, top to bottom: one paragraph, heading, list item or table row (cells joined by
" | ") a line, white space folded, no empty lines. Anything that is not a readable document
raises `UnreadableDocument` with one line saying why, so that a batch can report every bad
file together instead of stopping at the first library error.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import charset_normalizer
import docx
import lxml.html
import pypdfium2
from lxml import etree

from loaders.ingest.text import Format, Text, UnreadableDocument

MAX_BYTES = 50 * 1024 * 1024
"""Larger files are refused unread: no council document needs more, and a bigger file is
more likely an archive or a scan than a text worth extracting."""
MAX_UNZIPPED = 500 * 1024 * 1024
"""A .docx is a zip archive: this caps what it may expand to, against zip bombs."""
MIN_WORDS = 3
"""Fewer words than this is not a document, whatever the format says."""

BINARY = "not a document: looks like binary data"

_CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class _Content:
    """What one format's reader found: the lines, and what the format itself states."""

    lines: list[str]
    title: str | None = None
    encoding: str | None = None
    pages: tuple[int, ...] = ()


def read(path: Path) -> Text:
    """The document at `path` as numbered lines; UnreadableDocument says why it is not one."""
    data = _load(path)
    content, file_format = _read_bytes(data)
    if not content.lines:
        raise UnreadableDocument(_NOTHING_TO_READ[file_format])
    words = 0
    for line in content.lines:
        words += len(line.split())
        if words >= MIN_WORDS:
            break
    else:
        raise UnreadableDocument(f"too little text to be a document ({_count(words, 'word')})")
    return Text(
        lines=tuple(content.lines),
        format=file_format,
        original=path.name,
        checksum=hashlib.sha256(data).hexdigest(),
        title=content.title,
        encoding=content.encoding,
        pages=content.pages,
    )


_NOTHING_TO_READ: dict[Format, str] = {
    "pdf": "PDF has no text layer (scanned?)",
    "html": "HTML page has no visible text",
    "docx": "Word document has no text",
    "text": "empty file: only white space",
}


def _load(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UnreadableDocument("not a file")
        if size > MAX_BYTES:
            raise UnreadableDocument(
                f"too large: {size / 2**20:.1f} MB (the limit is {MAX_BYTES // 2**20} MB)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"cannot open: {error.strerror or error}") from None
    if not data:
        raise UnreadableDocument("empty file")
    return data


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# Formats ---------------------------------------------------------------------------------

_NOT_DOCUMENTS = (
    (b"\x89PNG\r\n\x1a\n", "not a document: a PNG image"),
    (b"\xff\xd8\xff", "not a document: a JPEG image"),
    (b"GIF8", "not a document: a GIF image"),
    (b"II*\x00", "not a document: a TIFF image (a scan?)"),
    (b"MM\x00*", "not a document: a TIFF image (a scan?)"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "not supported: an Office 97-2003 file (.doc, .xls, .ppt); save it as .docx or PDF",
    ),
    (b"{\\rtf", "not supported: RTF; save it as .docx or PDF"),
)


def _read_bytes(data: bytes) -> tuple[_Content, Format]:
    """Tell the format from the content: a PDF header in the first kilobyte (where readers
    look for it), a zip archive holding word/document.xml, known non-document signatures;
    anything else is decoded as text and read as HTML when it opens with markup."""
    if b"%PDF-" in data[:1024]:
        return _pdf(data), "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _docx(data), "docx"
    for signature, reason in _NOT_DOCUMENTS:
        if data.startswith(signature):
            raise UnreadableDocument(reason)
    text, encoding, bom = _decode(data)
    if _HTML_START.match(text[:4096]):
        declared = _declared_charset(text[:4096])
        if declared and not bom and declared != codecs.lookup(encoding).name:
            text, encoding = _redecode(data, declared) or (text, encoding)
        return _html(text, encoding), "html"
    return _Content(_plain_lines(text), encoding=encoding), "text"


# Text ------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WINDOWS_ONLY = re.compile(rb"[\x80-\x9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_BINARY_SHARE = 0.01
"""Share of control characters beyond which decoded bytes are taken for binary data: real
text has none, or a stray one; a decoded image or archive has one in ten, and NUL bytes,
which no text file holds."""


def _decode(data: bytes) -> tuple[str, str, bool]:
    """The text, its encoding, and whether a byte order mark said so.

    Without a mark, UTF-8 is tried first (strict, so Windows-1252 bytes never pass as it);
    then the legacy encoding of English-language documents: Windows-1252 when the file uses
    its curly quotes, dashes or euro (bytes 0x80-0x9F), else Latin-1, which reads the other
    bytes identically. Only what neither reads cleanly goes to charset-normalizer, which
    recognises other encodings (UTF-16 without a mark, other scripts) and binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="replace")), codec, True
    legacy = "windows-1252" if _WINDOWS_ONLY.search(data) else "iso-8859-1"
    for codec in ("utf-8", legacy):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text, codec, False
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise UnreadableDocument(BINARY)
    return _checked(str(match)), match.encoding, False


def _redecode(data: bytes, codec: str) -> tuple[str, str] | None:
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if _looks_binary(text) else (text, codec)


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > 1 + len(sample) * _BINARY_SHARE


def _checked(text: str) -> str:
    if _looks_binary(text):
        raise UnreadableDocument(BINARY)
    return text


def _plain_lines(text: str) -> list[str]:
    """Every line break (CRLF, CR, LF, form feed) ends a line; empty lines are dropped, as
    in the other formats, so extractors see one shape of text whatever the file was. A
    table drawn with pipes ("|Present: |Roger Berl, ... |") reads as a table of the other
    formats does."""
    lines = [_fold(line) for line in text.splitlines()]
    return [row for line in lines if line for row in _pipe_row(line)]


_PIPE_ROW = re.compile(r"^\|(?P<cells>.*)\|$")
_RULE_CELL = re.compile(r"^:?-{3,}:?$")
"""A cell of the rule under a pipe table's header: "---", ":---:"."""


def _pipe_row(line: str) -> list[str]:
    """A line as a row when it is drawn as one, opening and closing with a pipe; its rule
    line ("|---|---|") and a row of empty cells are no lines at all."""
    row = _PIPE_ROW.match(line)
    if row is None:
        return [line]
    cells = [cell.strip() for cell in row["cells"].split("|")]
    if all(_RULE_CELL.match(cell) or not cell for cell in cells):
        return []
    return _joined_row(cells)


_SYMBOL_FONT_BULLETS = "\uf06e\uf071\uf076\uf0a1\uf0a7\uf0a8\uf0b7\uf0d8\uf0d9\uf0e0\uf0fc"
"""Bullets set in the Symbol or Wingdings font, which a PDF or Word file may keep as the
font's private code points rather than as "•"."""
_INVISIBLE = {
    **{code: " " for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]},
    **dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None),
    **dict.fromkeys(map(ord, _SYMBOL_FONT_BULLETS), "•"),
}
"""Control characters read as a space; soft hyphens, zero-width characters and stray
byte order marks, which print as nothing, are removed so words stay whole; symbol-font
bullets read as bullets."""


def _fold(text: str) -> str:
    return " ".join(text.translate(_INVISIBLE).split())


# HTML ------------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*"
    r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|table|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(r"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_WHATWG_CHARSETS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
"""As browsers read them: a page declaring Latin-1 or ASCII is Windows-1252."""

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
})  # fmt: skip
_INVISIBLE_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "select", "button", "svg", "math",
    "iframe", "object", "embed", "canvas", "audio", "video", "map", "title",
})  # fmt: skip
_CHROME_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "cookie",
    "cookies", "footer", "skip", "skiplink", "skiplinks",
})  # fmt: skip
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_HTML_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)
"""huge_tree lifts libxml2's limits on depth and text size, which would silently cut a page
short; the file size limit bounds the work instead."""


def _declared_charset(head: str) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1)).name
    except LookupError:
        return None
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a page decoded as ASCII-compatible text cannot be UTF-16
    return _WHATWG_CHARSETS.get(name, name)


def _html(text: str, encoding: str) -> _Content:
    """The page's visible text. Its <title> comes first, as it usually names the body and
    the meeting the page is about; then the body, without site chrome (navigation, site
    header and footer, cookie notices), unless that would leave nothing."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError) as error:
        if "empty" in str(error).casefold():
            return _Content([], encoding=encoding)
        raise UnreadableDocument(f"damaged HTML: {error}") from None
    title_element = root.find(".//title")
    title = _fold(title_element.text_content()) if title_element is not None else ""
    body = root.find("body")
    container = body if body is not None else root
    try:
        lines = _html_lines(container, strip_chrome=True) or _html_lines(
            container, strip_chrome=False
        )
    except RecursionError:
        raise UnreadableDocument("HTML tables nested too deeply to read") from None
    if not title:
        heading = container.find(".//h1")
        title = _fold(heading.text_content()) if heading is not None else ""
    elif lines:
        lines.insert(0, title)
    return _Content(lines, title=title or None, encoding=encoding)


class _Lines:
    """Text gathered into lines: fragments join up until a block boundary ends the line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str) -> None:
        self._parts.append(text)

    def end(self) -> None:
        line = _fold("".join(self._parts))
        self._parts.clear()
        if line:
            self.lines.append(line)

    def extend(self, lines: Iterable[str]) -> None:
        self.end()
        self.lines.extend(lines)


_END_BLOCK = object()


def _html_lines(container: lxml.html.HtmlElement, *, strip_chrome: bool) -> list[str]:
    """The lines of everything inside `container`, walked with an explicit stack so deep
    nesting cannot exhaust Python's recursion; only table rows recurse, into their cells."""
    out = _Lines()
    stack: list[object] = [_END_BLOCK]
    for child in reversed(container):
        stack.extend((child.tail or "", child))
    stack.append(container.text or "")
    while stack:
        item = stack.pop()
        if item is _END_BLOCK:
            out.end()
        elif isinstance(item, str):
            out.add(item)
        elif isinstance(item, lxml.html.HtmlElement):
            tag = item.tag
            if not isinstance(tag, str) or _skipped(item, strip_chrome):
                continue
            if tag == "br":
                out.end()
            elif tag == "tr":
                out.extend(_row_lines(item, strip_chrome))
            elif tag == "pre":
                out.extend(line for line in map(_fold, item.text_content().splitlines()) if line)
            else:
                if tag in _BLOCKS:
                    out.end()
                    stack.append(_END_BLOCK)
                for child in reversed(item):
                    stack.extend((child.tail or "", child))
                stack.append(item.text or "")
    return out.lines


def _skipped(element: lxml.html.HtmlElement, strip_chrome: bool) -> bool:
    tag = element.tag
    if tag in _INVISIBLE_TAGS or element.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")):
        return True
    return strip_chrome and tag not in ("html", "body") and _is_chrome(element)


def _is_chrome(element: lxml.html.HtmlElement) -> bool:
    """Site navigation, headers, footers and notices, recognised by tag, landmark role or
    the words of their id and class. A site header or footer inside the page's main content
    is the content's own; and nothing holding the main content or the page's h1 is chrome,
    whatever its class says (pages wrap everything in "has-menu" or "cookie-ok" divs)."""
    tag = element.tag
    if tag == "nav":
        return True
    if tag in ("header", "footer"):
        inside_content = element.xpath(
            "boolean(ancestor::main | ancestor::article | ancestor::section"
            " | ancestor::*[@role='main'])"
        )
        return not inside_content and not _holds_content(element)
    role = element.get("role", "").strip().casefold()
    names = f"{element.get('id', '')} {element.get('class', '')}"
    if role in _CHROME_ROLES or _tokens(names) & _CHROME_WORDS:
        return not _holds_content(element)
    return False


def _holds_content(element: lxml.html.HtmlElement) -> bool:
    return bool(element.xpath("boolean(.//main | .//article | .//h1 | .//*[@role='main'])"))


def _tokens(names: str) -> set[str]:
    """Whole words of an id or class: "mgNavigation skip-link" gives mg, navigation, skip
    and link, so "canvas" or "navy-box" inside content does not read as nav."""
    return set(_NOT_ALNUM.split(_WORD_BOUNDARY.sub(" ", names).casefold())) - {""}


def _row_lines(row: lxml.html.HtmlElement, strip_chrome: bool) -> list[str]:
    """A table row. A row of short cells is one line, cells joined by " | " (a <br> inside
    a cell is a space: "SSP<br>36/10" is one item number). A row holding paragraphs (agenda
    tables: number cell, then a cell with the title and minutes) keeps each paragraph a
    line, the short cells before it joined onto its first line. A row with one cell is
    that cell's own lines (layout tables)."""
    cells = [
        cell
        for cell in row
        if isinstance(cell.tag, str)
        and cell.tag in ("td", "th")
        and not _skipped(cell, strip_chrome)
    ]
    rendered = [(_html_lines(cell, strip_chrome=strip_chrome), _has_blocks(cell)) for cell in cells]
    filled = [lines for lines, _ in rendered if lines]
    if len(filled) <= 1:
        return filled[0] if filled else []
    if all(len(lines) <= 1 or not blocks for lines, blocks in rendered):
        return _joined_row([" ".join(lines) for lines, _ in rendered])
    out: list[str] = []
    pending: list[str] = []
    for lines, blocks in rendered:
        if len(lines) <= 1 or not blocks:
            if lines:
                pending.append(" ".join(lines))
            continue
        first, *rest = lines
        out.append(_CELL_SEPARATOR.join([*pending, first]))
        out.extend(rest)
        pending = []
    if pending:
        out.append(_CELL_SEPARATOR.join(pending))
    return out


def _has_blocks(cell: lxml.html.HtmlElement) -> bool:
    return any(
        isinstance(element.tag, str) and element.tag in _BLOCKS
        for element in cell.iterdescendants()
    )


def _joined_row(cells: Sequence[str]) -> list[str]:
    """Cells joined by " | ", empty ones kept so that columns line up from row to row; a
    row with a single filled cell is just that cell (a heading spanning the table)."""
    filled = [cell for cell in cells if cell]
    if len(filled) <= 1:
        return filled
    return [_fold(_CELL_SEPARATOR.join(cells))]


# PDF -------------------------------------------------------------------------------------

_RUNNING_EDGE = 3
"""Running headers and footers are looked for among a page's first and last lines."""
_DIGITS = re.compile(r"\d+")


def _pdf(data: bytes) -> _Content:
    """Page by page, each line as the PDF lays it out, less running headers and footers."""
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise UnreadableDocument(_pdf_problem(error)) from None
    try:
        title = _pdf_title(pdf)
        pages = [_pdf_page_lines(pdf, index) for index in range(len(pdf))]
    except pypdfium2.PdfiumError as error:
        raise UnreadableDocument(_pdf_problem(error)) from None
    finally:
        pdf.close()
    if not pages:
        raise UnreadableDocument("PDF has no pages")
    running = _running_lines(pages)
    kept = [
        (line, number)
        for number, page in enumerate(pages, start=1)
        for position, line in enumerate(page)
        if (number, position) not in running
    ]
    return _Content([line for line, _ in kept], title=title, pages=tuple(n for _, n in kept))


def _pdf_title(pdf: pypdfium2.PdfDocument) -> str | None:
    """The title the PDF's metadata states, if it can be read: a damaged metadata string
    (pdfium hands it over as UTF-16 that does not decode) leaves the document untitled
    rather than unreadable, since its text may be whole."""
    try:
        return _fold(pdf.get_metadata_value("Title")) or None
    except UnicodeDecodeError:
        return None


def _pdf_page_lines(pdf: pypdfium2.PdfDocument, index: int) -> list[str]:
    """get_text_bounded reads the whole page in full Unicode (get_text_range is limited to
    UCS-2) and leaves out text placed outside the page, which no reader sees."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text: str = textpage.get_text_bounded()
        finally:
            textpage.close()
    finally:
        page.close()
    return [line for line in map(_fold, text.splitlines()) if line]


def _pdf_problem(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "password" in message.casefold():
        return "PDF is password-protected"
    return f"damaged PDF: {message}"


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Page 3 of 12" and "Page 4 of 12" have one shape."""
    return _DIGITS.sub("#", line.casefold())


def _running_lines(pages: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """(page number, position) of every running header and footer: a line among the first
    or last few of a page that stands there, in the same words or numbered along with the
    pages, on more than half the pages. Only pages with body text between top and bottom
    are looked at, so a page of a few lines loses none; and none in PDFs under three pages,
    too short to tell repetition from chance."""
    if len(pages) < 3:
        return set()
    spots: defaultdict[tuple[bool, str], list[tuple[int, int, str]]] = defaultdict(list)
    for number, page in enumerate(pages, start=1):
        if len(page) <= 2 * _RUNNING_EDGE:
            continue
        for position, line in enumerate(page):
            top = position < _RUNNING_EDGE
            if top or position >= len(page) - _RUNNING_EDGE:
                spots[(top, _shape(line))].append((number, position, line))
    return {
        (number, position)
        for found in spots.values()
        if len({number for number, _, _ in found}) > len(pages) / 2 and _repeats(found)
        for number, position, _ in found
    }


def _repeats(found: Sequence[tuple[int, int, str]]) -> bool:
    """Whether lines of one shape are one running line: the same words on every page, or
    the same but for a number that follows the page ("Page 3 of 12" on page 3, "57" on page
    2 of an extract whose pages were numbered in a longer document)."""
    if len({line for _, _, line in found}) == 1:
        return True
    numbers = [(page, [int(digits) for digits in _DIGITS.findall(line)]) for page, _, line in found]
    return any(
        len({values[index] - page for page, values in numbers}) == 1
        for index in range(len(numbers[0][1]))
    )


# DOCX ------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data: bytes) -> _Content:
    """Paragraphs in body order, tables row by row (each cell's paragraphs joined by a
    space), soft line breaks inside a paragraph splitting it. Text in content controls and
    tracked insertions counts; deleted text, text boxes, headers and footers do not."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        # NotImplementedError: zipfile's word for a version or compression it does not know
        raise UnreadableDocument("not a document: a damaged zip archive") from None
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise UnreadableDocument("not a document: a zip archive without word/document.xml")
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED:
        raise UnreadableDocument(
            f"too large: the Word document unzips to more than {MAX_UNZIPPED // 2**20} MB"
        )
    try:
        document = docx.Document(BytesIO(data))
        title = _fold(document.core_properties.title or "") or None
        lines = list(_docx_blocks(document.element.body))
    except UnreadableDocument:
        raise
    except Exception as error:  # python-docx reports a bad package by many exception types
        message = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise UnreadableDocument(
            f"damaged Word document: {message or type(error).__name__}"
        ) from None
    return _Content(lines, title=title)


def _docx_blocks(container: etree._Element) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield from (line for line in map(_fold, _paragraph_text(child).splitlines()) if line)
        elif child.tag == f"{_W}tbl":
            yield from _docx_table(child)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(content)
        elif child.tag == f"{_W}customXml":
            yield from _docx_blocks(child)


def _paragraph_text(paragraph: etree._Element) -> str:
    """python-docx's Paragraph.text reads only direct runs and hyperlinks; Word also nests
    runs in smart tags (names, dates), fields, content controls and tracked insertions, so
    every run is read, except those in a text box drawn inside the paragraph."""
    runs = paragraph.xpath(".//w:r[not(ancestor::w:txbxContent)]")
    return "".join(str(run.text) for run in runs)


def _docx_table(table: etree._Element) -> Iterator[str]:
    for row in table.iterchildren(f"{_W}tr"):
        yield from _joined_row([_docx_cell(cell) for cell in row.iterchildren(f"{_W}tc")])


def _docx_cell(cell: etree._Element) -> str:
    """The cell's text; empty for a cell that continues a vertical merge, whose text is
    the first cell's and would otherwise be repeated on every row it spans."""
    properties = cell.find(f"{_W}tcPr")
    merge = properties.find(f"{_W}vMerge") if properties is not None else None
    if merge is not None and merge.get(f"{_W}val", "continue") == "continue":
        return ""
    return " ".join(_docx_blocks(cell))
