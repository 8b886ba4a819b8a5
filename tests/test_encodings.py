"""Source encodings and line ends: read right, or refused with a message naming the file.

Tables, not loops of ifs: each row is one way a news page reaches us on disk
(UTF-8 from the web, UTF-8 with a BOM from Windows Notepad, UTF-16 from Word's
"Unicode text", GB18030/GBK from Chinese portals and old CMSs; LF, CRLF, old-Mac
CR, or a mix after copy-paste). Whatever the bytes, a figure on line 3 column 5
is reported at 3:5: columns count characters of the decoded line, never bytes,
never a BOM, never the CR of a CRLF.
"""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from verifier.claimsfile.claims import load_claims
from verifier.commands.cli import main
from verifier.errors import ClaimsFileError, SourceError
from verifier.document.sources import read_source

EN = "Quarterly report\nSecond line, no figure\nSaw 12% growth in sales.\n"
ZH = "季度报告\n第二行没有数字\n据报道称12%的增长来自海外。\n"
MIXED = "Quarterly report 季度报告\n第二行 second line\n据报道称12% growth.\n"

GB18030_BOM = b"\x84\x31\x95\x33"


def utf16le_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def utf16be_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


# (id, text, encoder, encoding reported by SourceDoc)
ENCODINGS = [
    ("utf-8 en", EN, lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 zh", ZH, lambda t: t.encode("utf-8"), "utf-8"),
    ("utf-8 mixed", MIXED, lambda t: t.encode("utf-8"), "utf-8"),
    ("ascii", EN, lambda t: t.encode("ascii"), "utf-8"),
    ("utf-8 BOM en", EN, lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-8 BOM zh", ZH, lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16-le BOM en", EN, utf16le_bom, "utf-16"),
    ("utf-16-le BOM zh", ZH, utf16le_bom, "utf-16"),
    ("utf-16-be BOM en", EN, utf16be_bom, "utf-16"),
    ("utf-16-be BOM zh", ZH, utf16be_bom, "utf-16"),
    ("utf-32 BOM zh", ZH, lambda t: t.encode("utf-32"), "utf-32"),
    ("gb18030 zh", ZH, lambda t: t.encode("gb18030"), "gb18030"),
    ("gb18030 mixed", MIXED, lambda t: t.encode("gb18030"), "gb18030"),
    ("gbk zh", ZH, lambda t: t.encode("gbk"), "gb18030"),
    ("gb2312 zh", ZH, lambda t: t.encode("gb2312"), "gb18030"),
    ("gb18030 with its BOM", ZH, lambda t: GB18030_BOM + t.encode("gb18030"), "gb18030"),
]
NEWLINES = [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")]


def _write(tmp_path: Path, data: bytes, name: str = "src.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("newline_id,newline", NEWLINES, ids=[n for n, _ in NEWLINES])
@pytest.mark.parametrize("enc_id,text,encoder,encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_source_reads_and_columns_are_right(tmp_path, enc_id, text, encoder, encoding, newline_id, newline):
    path = _write(tmp_path, encoder(text.replace("\n", newline)))
    doc = read_source(path, "src.txt")
    assert doc.text == text
    assert doc.encoding == encoding
    (found,) = [f for f in doc.found if f.figure.text.startswith("12")]
    assert (found.line, found.col) == (3, 5)
    assert doc.location(found.figure.start).__str__() == "src.txt:3:5"


def test_mixed_line_ends_in_one_file(tmp_path):
    data = "Quarterly report\r\nSecond line\rSaw 12% growth.\nLast line 300 people\r\n".encode("utf-8")
    doc = read_source(_write(tmp_path, data), "src.txt")
    assert doc.text == "Quarterly report\nSecond line\nSaw 12% growth.\nLast line 300 people\n"
    locations = {f.figure.text: (f.line, f.col) for f in doc.found}
    assert locations["12%"] == (3, 5)
    assert [loc for text, loc in locations.items() if text.startswith("300")] == [(4, 11)]


@pytest.mark.parametrize("enc_id,text,encoder,encoding",
                         [e for e in ENCODINGS if "BOM" in e[0]], ids=[e[0] for e in ENCODINGS if "BOM" in e[0]])
def test_bom_does_not_shift_line_one(tmp_path, enc_id, text, encoder, encoding):
    """A figure at the very start of the file is at 1:1, BOM or not."""
    path = _write(tmp_path, encoder("12% at the very start\n" + text))
    doc = read_source(path, "src.txt")
    assert not doc.text.startswith("\ufeff")
    first = doc.found[0]
    assert (first.line, first.col, first.figure.text) == (1, 1, "12%")


def test_sha256_is_of_the_raw_bytes(tmp_path):
    import hashlib
    data = utf16le_bom(ZH.replace("\n", "\r\n"))
    doc = read_source(_write(tmp_path, data), "src.txt")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


# --- refused: (id, bytes, fragments of the message) -------------------------------------
REFUSED = [
    ("NUL in UTF-8 text", b"Revenue rose 12%.\nThe firm\x00 hired 300.\n",
     ["src.txt:2:9", "NUL bytes", "NUL at byte 26", "expected: a text file"]),
    ("UTF-16-LE without BOM", "Saw 12% growth.\n".encode("utf-16-le"),
     ["src.txt:1:2", "NUL bytes", "looks like UTF-16 without a BOM"]),
    ("UTF-16-BE without BOM", "Saw 12% growth.\n".encode("utf-16-be"),
     ["src.txt:1:1", "NUL bytes", "looks like UTF-16 without a BOM"]),
    ("Latin-1 / cp1252", "Line one\nLe café coûte 5% de plus.\n".encode("cp1252"),
     ["src.txt:2:7", "not valid UTF-8", "byte", "e9", "expected: UTF-8, UTF-16 with a BOM, or GB18030"]),
    ("invalid UTF-8 after a UTF-8 BOM", codecs.BOM_UTF8 + b"Saw 12%\n\xff\xfe growth\n",
     ["src.txt:2:1", "not valid UTF-8", "ff", "at offset 11"]),
    ("UTF-16 cut in the middle of a character", utf16le_bom("Line\nSaw 12%") + b"\x41",
     ["src.txt:2:8", "not valid UTF-16", "41"]),
    ("UTF-16 lone surrogate", utf16le_bom("Saw ") + b"\x00\xd8" + "12%".encode("utf-16-le"),
     ["src.txt:1:5", "not valid UTF-16"]),
    ("UTF-16 holding a NUL character", utf16le_bom("Line\nSaw\x00 12%\n"),
     ["src.txt:2:4", "NUL characters"]),
    ("UTF-32 code point out of range", codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00",
     ["src.txt:1:1", "not valid UTF-32"]),
    ("ASCII with control bytes only GB18030 could read", b"\x81\x30" * 3,
     ["src.txt:1:1", "not valid UTF-8"]),
    ("PNG image", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     ["src.txt", "NUL bytes"]),
]


@pytest.mark.parametrize("case_id,data,fragments", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_with_a_clear_message(tmp_path, case_id, data, fragments):
    with pytest.raises(SourceError) as info:
        read_source(_write(tmp_path, data), "src.txt")
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
    assert message.startswith("src.txt")


# --- the whole way through the CLI: evidence line/col in the JSON report ---------------------

def _project(tmp_path: Path, data: bytes, figure: str = "12%") -> Path:
    (tmp_path / "src.txt").write_bytes(data)
    claims = tmp_path / "claims.yaml"
    claims.write_text(f"version: 1\nsources:\n  s: src.txt\nclaims:\n"
                      f"  - id: growth\n    source: s\n    figure: \"{figure}\"\n",
                      encoding="utf-8")
    return claims


CLI_CASES = [(e[0], n[0], e[1], e[2], n[1]) for e in ENCODINGS for n in NEWLINES
             if n[0] == "LF" or e[0] in ("utf-8 zh", "utf-16-le BOM zh", "gb18030 zh", "utf-8 BOM en")]


@pytest.mark.parametrize("enc_id,newline_id,text,encoder,newline", CLI_CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CLI_CASES])
def test_report_location_is_3_5(tmp_path, capsys, enc_id, newline_id, text, encoder, newline):
    claims = _project(tmp_path, encoder(text.replace("\n", newline)))
    code = main(["check", str(claims), "--format", "json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    (claim,) = data["claims"]
    assert claim["verdict"] == "supported", (claim, err)
    assert code == 0
    found = claim["found"][0]
    assert (found["path"], found["line"], found["col"]) == ("src.txt", 3, 5)


def test_refused_source_through_the_cli_names_the_file(tmp_path, capsys):
    claims = _project(tmp_path, "Le café coûte 5%.\n".encode("cp1252"))
    assert main(["check", str(claims)]) == 2
    err = capsys.readouterr().err
    assert "src.txt:1:7: source is not valid UTF-8" in err
    assert "Traceback" not in err


# --- the claims file itself ------------------------------------------------------------------

CLAIMS_TEXT = "version: 1\nsources:\n  s: src.txt\nclaims:\n  - id: growth\n    source: s\n    figure: \"12%\"\n"
CLAIMS_ENCODINGS = [
    ("utf-8", lambda t: t.encode("utf-8")),
    ("utf-8 BOM", lambda t: t.encode("utf-8-sig")),
    ("utf-8 CRLF", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    ("utf-8 CR", lambda t: t.replace("\n", "\r").encode("utf-8")),
    ("utf-16-le BOM", utf16le_bom),
    ("utf-16-be BOM", utf16be_bom),
]


@pytest.mark.parametrize("enc_id,encoder", CLAIMS_ENCODINGS, ids=[c[0] for c in CLAIMS_ENCODINGS])
def test_claims_file_encodings_keep_line_numbers(tmp_path, enc_id, encoder):
    (tmp_path / "src.txt").write_text(EN, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_bytes(encoder(CLAIMS_TEXT.replace('"12%"', '"12%"\n    figur: x')))
    claims_file = load_claims(path)
    (claim,) = claims_file.claims
    assert claim.loc.line == 5
    assert f"{path}:8:5: unknown key 'figur'" in str(claim.error)


@pytest.mark.parametrize("case_id,data,fragments", [
    ("GBK claims file", CLAIMS_TEXT.replace("growth", "增长").encode("gbk"),
     ["claims.yaml:5:9", "is not valid UTF-8", "byte 0xd4 at offset 49", "looks like GBK/GB18030"]),
    ("Latin-1 claims file", CLAIMS_TEXT.replace("growth", "café").encode("latin-1"),
     ["claims.yaml:5:12", "is not valid UTF-8", "byte 0xe9", "save the file as UTF-8"]),
    ("UTF-16 without BOM", CLAIMS_TEXT.encode("utf-16-le"), ["claims.yaml:1:2", "is binary, not YAML"]),
    ("UTF-16 cut short", utf16le_bom(CLAIMS_TEXT) + b"\x00", ["claims.yaml", "is not valid UTF-16"]),
], ids=lambda v: v if isinstance(v, str) else None)
def test_claims_file_bad_encoding(tmp_path, case_id, data, fragments):
    path = tmp_path / "claims.yaml"
    path.write_bytes(data)
    with pytest.raises(ClaimsFileError) as info:
        load_claims(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in:\n{message}"
