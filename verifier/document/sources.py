"""Source texts: read once, decoded carefully, split into sentences, figures found once.

A SourceDoc is everything the checker needs about one file: the text, its
figures (each with line and column), and sentence boundaries, so claims look
figures up instead of rescanning text.
"""
from __future__ import annotations

import bisect
import codecs
import errno
import hashlib
import re
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Location, SourceError
from .reading import TooDense, read_figures
from ..numbers.figure import Figure

# A news page is 5-50 KB; the cap stops a stray dump or a hostile file from taking minutes of
# figure-finding and gigabytes of memory. $VERIFIER_MAX_SOURCE_MB raises it for a real archive.
MAX_SOURCE_BYTES = 32 * 1024 * 1024
MAX_SOURCE_ENV = "VERIFIER_MAX_SOURCE_MB"
# The checker reads each figure's sentence, so a source costs the sum, over its figures, of their sentences'
# lengths: 5,000 figures in one 10,000-character "sentence" are 50 million characters to read. The densest real
# source we hold needs 73,000 (one per character of text); beyond this limit the check would take minutes.
MAX_FIGURE_CONTEXT = 20_000_000
_HAN = re.compile(r"[\u3400-\u9fff]")
# A sentence ends after CJK/ASCII terminal punctuation, at a line break, or after
# an English full stop followed by space (so 1.5 and U.S. stay whole).
# Every branch starts with its character, so the regex engine skips to candidates at C speed; the lookbehinds
# come after the '.' they look behind (a '.' after a lower-case letter, digit or quote, not in U.S.A.).
# An HTML block tag (<p>, </p>, <li>, <tr>, <h2>…) in a page kept as text also ends one: a paragraph of a
# scraped article is not one sentence with the image links before it. Table cells (<td>) stay in their row.
_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’\"』」)]*|\n+|\.(?<=[a-z0-9%)\"”’]\.)(?<![A-Z]\.[A-Z]\.)(?=\s)"
                           r"|<(?i:/?(?:p|div|li|ul|ol|tr|h[1-6]|section|article|blockquote|figure|table)\b)[^<>]{0,500}>")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Found:
    """A figure in a source, with where a person finds it."""

    figure: Figure
    line: int
    col: int
    sentence: int          # index into SourceDoc.sentences


class SourceDoc:
    """One decoded source text with figures, sentences and a line index."""

    def __init__(self, path: str, text: str, lang: str = "", sha256: str = "", encoding: str = "utf-8",
                 figures: list[Figure] | None = None, sentences: list[tuple[int, int]] | None = None, layout=None):
        self.path = path
        if layout is not None:
            self._layout = layout          # decoded from the cache: a warm run does not read the Markdown again
        self.text = text
        self.lang = lang or guess_lang(text)
        self.sha256 = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.encoding = encoding
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.sentences = split_sentences(text) if sentences is None else sentences
        self._sentence_starts = [s for s, _ in self.sentences]
        try:
            figures = read_figures(self.layout.masked, text, bound_scale()) if figures is None else figures
        except TooDense as exc:
            raise dense_error(self, exc) from None
        self.found = tuple(Found(f, *self.line_col(f.start), self.sentence_index(f.start)) for f in figures)
        self._check_context()

    def _check_context(self) -> None:
        """SourceError when reading every figure's sentence would cost more than MAX_FIGURE_CONTEXT."""
        limit, total, per = int(MAX_FIGURE_CONTEXT * bound_scale()), 0, {}
        for f in self.found:
            per[f.sentence] = per.get(f.sentence, 0) + 1
            start, end = self.sentences[f.sentence]
            total += end - start
        if total > limit:
            worst = max(per, key=lambda i: per[i] * (self.sentences[i][1] - self.sentences[i][0]))
            start, end = self.sentences[worst]
            raise SourceError(self.location(start), "source has more figures per sentence than a real document",
                              found=f"{len(self.found):,} figures whose sentences add up to {total:,} characters; "
                                    f"this sentence alone holds {per[worst]:,} figures in {end - start:,} characters",
                              expected=f"at most {limit:,} characters of figure sentences",
                              hint="the checker reads each figure's sentence: end sentences or lines in the text, "
                                   "or split it into several sources")

    @property
    def layout(self):
        """Headings, tables with their labels, and the text with non-prose blanked (verifier.markdown)."""
        if "_layout" not in self.__dict__:
            from .markdown import read_layout
            self._layout = read_layout(self.text)
        return self._layout

    @property
    def index(self):
        """Figures by kind/unit and folded sentences (verifier.index.FigureIndex), built on first use."""
        if "_index" not in self.__dict__:
            from .index import FigureIndex
            self._index = FigureIndex(self)
        return self._index

    @property
    def prose(self) -> str:
        """The text with HTML markup blanked, offsets kept (reading.blank_markup): what scope rules read."""
        if "_prose" not in self.__dict__:
            from .reading import blank_markup
            self._prose = blank_markup(self.text)
        return self._prose

    @property
    def ranks(self) -> tuple:
        """Places in an order (8th, 第3名), read only when a claim asks for one (verifier.numbers.ranks)."""
        if "_ranks" not in self.__dict__:
            from ..numbers.ranks import find_ranks
            self._ranks = tuple(Found(replace(f, text=self.text[f.start:f.end]), *self.line_col(f.start),
                                      self.sentence_index(f.start)) for f in find_ranks(self.layout.masked))
        return self._ranks

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a string offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def location(self, offset: int) -> Location:
        return Location(self.path, *self.line_col(offset))

    def sentence_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]


def extract(text: str) -> tuple[list[Figure], list[tuple[int, int]], object]:
    """What reading a source costs, and what the cache keeps: its figures, its sentences and its layout."""
    from .markdown import read_layout
    layout = read_layout(text)
    return read_figures(layout.masked, text, bound_scale()), split_sentences(text), layout


def bound_scale() -> float:
    """How far $VERIFIER_MAX_SOURCE_MB raises the size cap: the figure bounds grow with it, never shrink."""
    return max(1.0, max_source_bytes() / MAX_SOURCE_BYTES)


def dense_error(doc_or_path, exc: TooDense, text: str = "") -> SourceError:
    """The located message for a TooDense source."""
    if isinstance(doc_or_path, SourceDoc):
        where = doc_or_path.location(exc.offset)
    else:
        line = text.count("\n", 0, exc.offset) + 1
        where = Location(doc_or_path, line, exc.offset - (text.rfind("\n", 0, exc.offset) + 1) + 1)
    return SourceError(where, exc.what, found=exc.found, expected=exc.expected,
                       hint="a news page holds hundreds of numbers, each a few characters long: this looks like "
                            f"generated data; split it into several sources, or raise {MAX_SOURCE_ENV}=<megabytes> "
                            "(the bounds grow with it)")


# A line that is a block of its own (heading, table row, list item, quote, fence) or starts one.
_BLOCK_LINE = re.compile(r"[ \t]*(?:#|\||>|[-*+][ \t]|\d{1,3}[.)、][ \t]|```|~~~|<|$)")


def _soft_wrap(text: str, newline: int) -> bool:
    """A single newline inside a paragraph of prose (hard-wrapped text, as Markdown sources often are):
    the sentence goes on. Not after a block line or before one, and not in a run of newlines."""
    if text.startswith("\n", newline + 1) or newline == 0:
        return False
    line_start = text.rfind("\n", 0, newline) + 1
    if _BLOCK_LINE.match(text, line_start) or _BLOCK_LINE.match(text, newline + 1):
        return False
    before = text[line_start:newline].rstrip()
    return bool(before) and before[-1] not in ":："


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, covering every figure."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "\n" and _soft_wrap(text, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out or [(0, len(text))]


def guess_lang(text: str) -> str:
    sample = text[:20000]
    han = len(_HAN.findall(sample))
    return "zh" if han and han * 10 >= len(sample.strip() or "x") else "en"


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """Decode bytes as a person's editor would: BOM first, then UTF-8, then GB18030.

    UTF-16/32 need their BOM (without one, the zero bytes of ASCII text are
    refused as binary). Text that decodes but holds NUL characters is refused
    too: no news page contains them, and they break every tool downstream.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding == "utf-8-sig":     # this codec counts offsets after the BOM
                    exc.start, exc.end = exc.start + len(bom), exc.end + len(bom)
                raise _bad_bytes(data, shown, encoding, exc) from None
            _refuse_nul_text(text, shown, encoding)
            return text, encoding
    if b"\x00" in data:
        offset = data.index(b"\x00")
        line, col = _byte_line_col(data, offset)
        hint = "convert the file to UTF-8 text"
        if _looks_like_utf16(data):
            hint = "this looks like UTF-16 without a BOM; re-save it as UTF-8 (or UTF-16 with a BOM)"
        raise SourceError(Location(shown, line, col), "source contains NUL bytes (binary file?)",
                          found=f"NUL at byte {offset}", expected="a text file (UTF-8, UTF-16 with BOM, or GB18030)",
                          hint=hint)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _bad_bytes(data, shown, "utf-8", utf8_error) from None
    if _HAN.search(text):
        return text.removeprefix("\ufeff"), "gb18030"      # GB18030's own BOM is 84 31 95 33
    raise _bad_bytes(data, shown, "utf-8", utf8_error)


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return len(sample) >= 4 and max(even, odd) >= len(sample) // 4 and min(even, odd) <= len(sample) // 40


def _refuse_nul_text(text: str, shown: str, encoding: str) -> None:
    if "\x00" not in text:
        return
    offset = text.index("\x00")
    head = normalise_newlines(text[:offset])
    line = head.count("\n") + 1
    col = len(head) - (head.rfind("\n") + 1) + 1
    raise SourceError(Location(shown, line, col), f"source contains NUL characters ({encoding})",
                      found=f"U+0000 at character {offset}", expected="text without NUL characters",
                      hint="this is probably not a text file")


def _byte_line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as the decoded text counts them) of a byte offset."""
    head = normalise_newlines(data[:offset].decode("utf-8", "replace"))
    return head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1


def _bad_bytes(data: bytes, shown: str, encoding: str, exc: UnicodeDecodeError) -> SourceError:
    head = normalise_newlines(data[: exc.start].decode(encoding, "replace"))   # the codec drops a BOM
    line, col = head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1
    name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
    bad = data[exc.start: min(exc.end, exc.start + 4)]
    return SourceError(Location(shown, line, col), f"source is not valid {name}",
                       found=f"byte{'s' if len(bad) > 1 else ''} {bad.hex(' ')} at offset {exc.start}",
                       expected="UTF-8, UTF-16 with a BOM, or GB18030/GBK Chinese text",
                       hint="re-save the file as UTF-8")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_source(path: Path, shown: str, lang: str = "", extract=None, *, nofollow: bool = False) -> SourceDoc:
    """Read, decode and index one source file, or raise SourceError.

    extract(sha256, text) -> (figures, sentences, layout), if given, replaces find_figures, split_sentences and
    read_layout
    (verifier.cache.FigureCache.extract: the same results, from disk when the source is unchanged).
    """
    import os
    # Opened once, checked on the open descriptor (a file swapped after the check is not read), without
    # blocking (a FIFO), and, for a path the claims file resolved, without following a link swapped in since.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if nofollow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = _open_every_folder_unfollowed(path, flags) if nofollow else os.open(path, flags)
    except FileNotFoundError:
        raise SourceError(Location(shown), "source file not found", expected="an existing text file") from None
    except IsADirectoryError:
        raise SourceError(Location(shown), "source is a directory", expected="a text file") from None
    except (OSError, ValueError) as exc:
        if nofollow and getattr(exc, "errno", None) in (errno.ELOOP, errno.ENOTDIR):
            raise SourceError(Location(shown), "source, or a folder on its path, became a symbolic link after the claims "
                              "file was read",
                              found=str(path), expected="the file that was checked",
                              hint="something changed the folder during the run; run again") from None
        raise SourceError(Location(shown), "cannot open source", found=_reason(exc),
                          expected="an existing, readable text file") from None
    with os.fdopen(fd, "rb") as handle:
        return _read_open(handle, path, shown, lang, extract)


def _open_every_folder_unfollowed(path: Path, flags: int) -> int:
    """Open a resolved path one folder at a time, following no link on the way: a folder swapped for a
    symlink after the claims file was read cannot lead the read out of the project (issue 13). Where the
    platform cannot open relative to a folder, the final component alone is checked."""
    import os
    if os.open not in os.supports_dir_fd or not path.is_absolute():
        return os.open(path, flags)
    folder_flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path.anchor, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for part in path.parts[1:-1]:
            inner = os.open(part, folder_flags, dir_fd=fd)
            os.close(fd)
            fd = inner
        return os.open(path.name, flags, dir_fd=fd)
    finally:
        os.close(fd)


def _read_open(handle, path: Path, shown: str, lang: str, extract) -> SourceDoc:
    import os
    info = os.fstat(handle.fileno())
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(Location(shown), "source is a directory", expected="a text file")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(Location(shown), "source is not a regular file",
                          found="a device, pipe or socket", expected="a text file",
                          hint="devices and pipes are never read: they may never end")
    limit = max_source_bytes()
    if info.st_size > limit:
        raise _too_large(shown, f"{info.st_size:,} bytes", limit)
    try:
        data = handle.read(limit + 1)
    except OSError as exc:
        raise SourceError(Location(shown), "cannot read source", found=_reason(exc),
                          expected="a readable text file") from None
    if len(data) > limit:     # the file grew after stat()
        raise _too_large(shown, f"more than {limit:,} bytes", limit)
    text, encoding = decode(data, shown)
    text = normalise_newlines(text)
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        figures, sentences, layout = extract(sha256, text) if extract is not None else (None, None, None)
    except TooDense as exc:
        raise dense_error(shown, exc, text) from None
    return SourceDoc(shown, text, lang, sha256, encoding, figures, sentences, layout)


def max_source_bytes() -> int:
    """MAX_SOURCE_BYTES, or $VERIFIER_MAX_SOURCE_MB megabytes when set to a positive number."""
    import os
    try:
        value = float(os.environ.get(MAX_SOURCE_ENV, ""))
    except ValueError:
        return MAX_SOURCE_BYTES
    return int(value * 1024 * 1024) if value > 0 else MAX_SOURCE_BYTES


def _too_large(shown: str, found: str, limit: int) -> SourceError:
    return SourceError(Location(shown), "source is too large",
                       found=found, expected=f"at most {limit:,} bytes ({limit / 2**20:g} MiB)",
                       hint=f"a news page is rarely over 1 MB: split an archive into several sources, "
                            f"or raise the limit with {MAX_SOURCE_ENV}=<megabytes>")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
