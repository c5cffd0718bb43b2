"""No input makes ingestion fail with anything but a reason: damaged copies of the corpus's
real files are read or refused as unreadable, and every extractor reads mangled text
without raising. Both properties are checked on many generated inputs (hypothesis,
derandomised so a run is repeatable), and the damages a search of millions of inputs
found are kept as plain tests."""

from __future__ import annotations

import dataclasses
import struct
import zipfile
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govgraph import cli
from loaders.ingest.classify import classify
from loaders.ingest.pipeline import EXTRACTORS
from loaders.ingest.read import read
from loaders.ingest.text import Text, UnreadableDocument
from tests.ingest_corpus import fixtures

GENERATED = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
"""Repeatable runs of a size the suite can afford; no deadline, since a busy machine is
slow, not wrong."""


@cache
def corpus_files() -> list[Path]:
    return [f.path for f in fixtures("tuning")]


@cache
def corpus_texts() -> list[Text]:
    return [read(path) for path in corpus_files()]


@cache
def corpus_lines() -> list[str]:
    """Every line of the corpus, for lines borrowed from other documents."""
    return [line for text in corpus_texts() for line in text.lines]


def damaged(data: bytes, draw: st.DrawFn) -> bytes:
    """`data` with a few bytes overwritten, cut out, put in, or the file cut short: what a
    failed download, a bad disk or a careless editor leaves."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 12))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        how = draw(st.sampled_from(["overwrite", "cut", "insert", "truncate"]))
        if how == "overwrite":
            out[at] = draw(st.integers(0, 255))
        elif how == "cut":
            del out[at : at + draw(st.integers(1, 200))]
        elif how == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=40))
        else:
            del out[at:]
    return bytes(out)


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(corpus_files()))
    suffix = draw(st.sampled_from([path.suffix, path.suffix, ".pdf", ".docx", ".html", ".txt", ""]))
    return f"damaged{suffix}", damaged(path.read_bytes(), draw)


@GENERATED
@given(damaged_files())
def test_a_damaged_file_is_read_or_refused_with_a_reason(
    tmp_path: Path, file: tuple[str, bytes]
) -> None:
    name, data = file
    path = tmp_path / name
    path.write_bytes(data)
    try:
        text = read(path)
    except UnreadableDocument as refusal:
        assert str(refusal).strip()
    else:
        assert text.lines and all(line.strip() for line in text.lines)


LINE_NOISE = [
    "", ":", "-", "•", "1.", "(", ")", "|", " | ", "&", "’", "...", "ACTION:", "Action:",
    "Present:", "Apologies:", "RESOLVED", "Chair", "Cllr", "Owner", "Lead:", "Timescale:",
    "reports to", "a sub-group of", "Item 1", "(a)", "1 January", "2024",
]  # fmt: skip
"""Fragments that start, end or join the layouts the extractors read."""


@st.composite
def mangled_texts(draw: st.DrawFn) -> Text:
    """A corpus document with lines dropped, cut short, swapped, joined to others or
    seeded with the fragments above, and lines of other documents put in."""
    text = draw(st.sampled_from(corpus_texts()))
    lines = list(text.lines)
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        how = draw(st.sampled_from(["drop", "cut", "swap", "join", "seed", "borrow"]))
        if how == "borrow" or not lines:
            lines.insert(at, draw(st.sampled_from(corpus_lines())))
        elif how == "drop":
            del lines[at]
        elif how == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif how == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif how == "join":
            lines[at] = f"{lines[at]} {draw(st.sampled_from(corpus_lines()))}"
        else:
            words = lines[at].split(" ")
            words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(LINE_NOISE)))
            lines[at] = " ".join(words)
    kept = tuple(line for line in (" ".join(line.split()) for line in lines) if line)
    return dataclasses.replace(text, lines=kept or ("Minutes",), pages=())


@GENERATED
@given(mangled_texts())
def test_every_extractor_reads_mangled_text_without_raising(text: Text) -> None:
    classify(text)
    for kind, extract in EXTRACTORS.items():
        facts = extract(text)
        cited = [
            fact.line
            for group in (facts.people, facts.agenda_items, facts.actions, facts.priorities)
            for fact in group
        ]
        assert all(1 <= line <= len(text.lines) for line in cited), kind


def pdf_titled(title_hex: str, line: str) -> bytes:
    """A one-page PDF written out by hand: `line` in Helvetica, and an information
    dictionary whose title is the hex string `title_hex`."""
    stream = f"BT /F1 12 Tf 50 800 Td ({line}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title <%s> >>" % title_hex.encode(),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


HEADING = "Minutes of the Safer Partnership Board held on 3 May 2024 at the Town Hall"


def test_a_pdf_whose_title_does_not_decode_is_read_untitled(tmp_path: Path) -> None:
    """pdfium hands a title over as UTF-16, and a damaged one does not decode; the text
    can still be whole."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(pdf_titled("FEFFD800", HEADING))
    text = read(path)
    assert (text.title, text.lines) == (None, (HEADING,))
    path.write_bytes(pdf_titled("FEFF0041", HEADING))
    assert read(path).title == "A"


def test_a_zip_of_a_version_no_reader_knows_is_a_damaged_archive(tmp_path: Path) -> None:
    """zipfile says NotImplementedError of a version past its own (here 24.0, one damaged
    byte of a Word document's directory)."""
    packed = BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(packed.getvalue())
    directory = data.index(b"PK\x01\x02")
    struct.pack_into("<H", data, directory + 6, 240)  # version needed to extract
    path = tmp_path / "minutes.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableDocument, match="damaged zip archive"):
        read(path)


def test_a_defect_still_reaches_the_user_as_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """What no rule foresaw is still one line, naming the error and asking for a report,
    never a traceback."""

    def broken(_: object) -> int:
        raise KeyError("a surprise")

    monkeypatch.setattr(cli, "_ingest", broken)
    assert cli.main(["ingest", str(tmp_path / "x.txt"), "--into", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert "unexpected KeyError: 'a surprise'" in error and "report" in error
