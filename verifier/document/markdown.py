"""Which parts of a document the audit reads, and the shape of its tables.

README files mix prose with code blocks, URLs, badges, HTML attributes and
numbered lists. Their digits (`width="500em"`, `vllm==0.2.7`, `1.`) are not
claims, so they are blanked out before figures are read. Blanking keeps every
offset, so a figure's line:col is still its place in the original file.

Tables (Markdown pipes and HTML <table>) are read cell by cell: each cell knows
its row label and its column header, which is the strongest evidence there is
that a figure in one language is the same figure in the other.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]*(```+|~~~+)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A page's style sheet and scripts, and a CSS rule left in its text without them (`.wrap&#123;padding:8px;&#125;`).
_STYLE_SCRIPT = re.compile(r"<(style|script)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
_CSS_RULE = re.compile(r"(?:\{|&#123;)(?:\s*[-A-Za-z]+\s*:[^;{}<>\n]*;)+\s*(?:\}|&#125;)")
# An HTML character reference with digits in it: `&#123;` is a brace and `&sup2;` a ², never the number 123 or 2.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{1,30}[0-9]{1,2});")
# A whole-line comment in a code block ('# 使用CPU进行推理，需要约32GB内存', '// needs 16 GB'): its marker, and the text
# after it when that text is a sentence, not commented-out code (no = ( ) { } [ ] ; < > ` $ | \ and a word in it).
_CODE_COMMENT = re.compile(r"^([ \t]*(?:#+|//+)[ \t]*)([^\n]*)$", re.M)
_CODE_SIGN = re.compile(r"[=(){}\[\];<>`$|\\]|^!|^\s*$|://|(?:^|\s)--[A-Za-z]")   # a URL or a --flag: a command
_WORD = re.compile(r"[A-Za-z]{2,}|[\u4e00-\u9fff]")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
# YAML front matter of a Markdown post, between two --- lines (TOML's, between +++ lines).
_FRONT_MATTER = re.compile(r"\ufeff?\s*(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
_KEPT_FIELD = re.compile(r"[ \t]*(?:title|subtitle|description|summary|excerpt)[ \t]*[:=][ \t]*", re.I)
# A BibTeX entry, fenced or not: `@inproceedings{key,` and its `field = {...}` lines (year = {2022} is no figure).
_BIBTEX = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*\{[^\n]*$(?:\n[ \t]*(?:[A-Za-z_-]+[ \t]*=[^\n]*|\}[ \t]*,?)?$)*", re.M)
_DATE_ONLY = re.compile(r"\s*(?:19|20)\d\d[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\d|0?[1-9])\s*")
_NUMBER_ONLY = re.compile(r"\s*[-+~≈]?\d[\d.,]*\s*(?:%|[A-Za-z]{1,3}|[\u4e00-\u9fff]{1,2})?\s*")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"\n]*\")?\)")
# A link's brackets: its words are prose ('more than [235 million websites](…)' is more than 235 million).
_LINK_BRACKET = re.compile(r"\[(?=[^\]\n]*\]\([^)\s]*(?:\s+\"[^\"\n]*\")?\))|\](?=\([^)\s]*(?:\s+\"[^\"\n]*\")?\))")
_REF_DEFINITION = re.compile(r"^[ \t]*\[[^\]\n]+\]:[^\n]*$", re.M)
# A reference-style image (`![树莓派 5 官方配件外壳][7]`), the label of a reference link (`[Debian 12][1]`: its words
# are prose, `[1]` is not) and a footnote mark (`[^2]`).
_IMAGE_REF = re.compile(r"!\[[^\]\n]*\]\[[^\]\n]*\]")
_LINK_LABEL = re.compile(r"(?<=\])\[[^\]\n]+\](?![(:])|\[\^[^\]\n]+\]")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>)\]\"'|，。）]+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG = re.compile(r"</?(?:td|th|tr|br|p|div|li|ul|ol|table|thead|tbody|h\d)\b", re.I)
# A list number, also after the opening tags of a page saved as HTML (`<p>1.《快狗打车没有护城河》`).
_LIST_NUMBER = re.compile(r"^[ \t]*(?:[#>*+\-][ \t]*|<(?:p|li|div|span|strong|b|em|h[1-6])\b[^<>\n]{0,200}>[ \t]*)*"
                          r"(?:\d{1,2}[.)、:：](?!\d)|[（(]\d{1,2}[）)])", re.M | re.I)
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.M)      # '- 120x larger' is not minus 120
_ESCAPE = re.compile(r"\\(?=[%*_#\[\]()|$~`\\])")      # Markdown '35.9\%' is 35.9%
_HEADING = re.compile(r"^(#{1,6})[ \t]+([^\n]*)$", re.M)
# (?:\|[ \t]*)? where `\|?[ \t]*` once stood after spaces: the same lines, but a long run of spaces (a blanked
# code block) is read once, not once per way of splitting it between two [ \t]*
_DELIMITER = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+(?:\|[ \t]*)?$")
_LIST_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,3}[.)])[ \t]+(?=\S)")
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.S | re.I)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table|\Z)", re.S | re.I)
_HTML_CELL = re.compile(r"<(td|th)\b([^>]*)>(.*?)(?=<t[dh]\b|</tr|<tr\b|\Z)", re.S | re.I)
_SPAN = re.compile(r"(rowspan|colspan)\s*=\s*[\"']?(\d+)", re.I)


@dataclass(frozen=True)
class Heading:
    start: int
    level: int
    text: str


@dataclass(frozen=True)
class Cell:
    """One table cell: its span in the text and the labels that say what it measures."""

    start: int
    end: int
    table: int             # index of the table in the document
    row: int               # body row index, 0-based
    col: int
    row_label: str
    col_header: str


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    table: int
    index: int
    label: str


@dataclass(frozen=True)
class Table:
    index: int
    start: int
    end: int
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ListItem:
    """One item of a Markdown list, from its marker to the next item (of any list) or the list's end."""

    start: int
    end: int
    list: int              # index of its list in the document
    position: int          # 0-based place in its list


@dataclass(frozen=True)
class MdList:
    index: int
    start: int
    end: int
    depth: int             # 0 for a top-level list, 1 for a list nested in an item, ...
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Layout:
    """A document as the audit sees it: `masked` has the same length as the text."""

    masked: str
    headings: tuple[Heading, ...]
    tables: tuple[Table, ...]
    cells: tuple[Cell, ...]
    cell_starts: tuple[int, ...] = ()
    lists: tuple[MdList, ...] = ()

    def cell_at(self, offset: int) -> Cell | None:
        i = bisect.bisect_right(self.cell_starts, offset) - 1
        if i >= 0 and self.cells[i].start <= offset < self.cells[i].end:
            return self.cells[i]
        return None

    def section_of(self, offset: int) -> tuple[str, ...]:
        """The headings above `offset`, outermost first: ('Single GPU Training Demo', 'GPT-2')."""
        path: list[tuple[int, str]] = []
        for h in self.headings:
            if h.start > offset:
                break
            path = [p for p in path if p[0] < h.level] + [(h.level, h.text)]
        return tuple(text for _, text in path)

    def list_item_at(self, offset: int) -> ListItem | None:
        """The innermost list item holding `offset`, if any."""
        best = None
        for lst in self.lists:
            if lst.start <= offset < lst.end:
                for item in lst.items:
                    if item.start <= offset < item.end:
                        best = item
        return best

    def row_at(self, offset: int) -> Row | None:
        for table in self.tables:
            if table.start <= offset < table.end:
                for row in table.rows:
                    if row.start <= offset < row.end:
                        return row
        return None


def read_layout(text: str) -> Layout:
    """Blank out what is not prose, and find headings and tables."""
    chars = list(text)

    def blank(start: int, end: int, keep_break: bool = False) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
        if keep_break and end > start:
            chars[start] = "\n"

    front = _FRONT_MATTER.match(text)
    if front:                                  # metadata (categories: - 36kr, date: …) is not the article;
        for line in re.finditer(r"[^\n]*", front.group()):   # its title and summary are
            kept = _KEPT_FIELD.match(line.group())
            blank(line.start(), line.start() + kept.end() if kept else line.end())
    for pattern in (_FENCE, _COMMENT, _STYLE_SCRIPT, _BIBTEX):
        for m in pattern.finditer(text):
            blank(m.start(), m.end())
    for start, end in comment_prose(text):
        chars[start:end] = text[start:end]
    code_free = "".join(chars)
    for pattern in (_INLINE_CODE, _IMAGE, _IMAGE_REF, _LINK_TARGET, _LINK_BRACKET, _LINK_LABEL, _REF_DEFINITION, _URL,
                    _CSS_RULE, _ENTITY):
        for m in pattern.finditer(code_free):
            if pattern is _INLINE_CODE and (_DATE_ONLY.fullmatch(m.group(), 1, len(m.group()) - 1)
                                            or _NUMBER_ONLY.fullmatch(m.group(), 1, len(m.group()) - 1)):
                blank(m.start(), m.start() + 1)        # `2024/9/19`, `48.9`, `32GB`: a figure set in code type
                blank(m.end() - 1, m.end())
                continue
            blank(m.start(), m.end())
    for m in _TAG.finditer(code_free):
        blank(m.start(), m.end(), keep_break=bool(_BLOCK_TAG.match(m.group())))
    for pattern in (_LIST_NUMBER, _BULLET, _ESCAPE):
        for m in pattern.finditer(code_free):
            blank(m.start(), m.end())
    tables, cells = [], []
    for table, table_cells, separators in _markdown_tables(code_free, len(tables)):
        tables.append(table)
        cells.extend(table_cells)
        for start, end in separators:
            blank(start, end, keep_break=True)
    for table, table_cells in _html_tables(text, code_free, len(tables)):
        tables.append(table)
        cells.extend(table_cells)
    masked = "".join(chars)
    headings = tuple(Heading(m.start(), len(m.group(1)), m.group(2).strip("# ").strip())
                     for m in _HEADING.finditer(masked))
    cells.sort(key=lambda c: c.start)
    tables.sort(key=lambda t: t.start)
    tables = [Table(i, t.start, t.end, t.headers, tuple(Row(r.start, r.end, i, r.index, r.label) for r in t.rows))
              for i, t in enumerate(tables)]
    cells = [Cell(c.start, c.end, _table_index(tables, c.start), c.row, c.col, c.row_label, c.col_header)
             for c in cells]
    fences = [(m.start(), m.end()) for m in _FENCE.finditer(text)]
    return Layout(masked, headings, tuple(tables), tuple(cells), tuple(c.start for c in cells),
                  markdown_lists(text, fences))


def markdown_lists(text: str, skip: list[tuple[int, int]] = ()) -> tuple[MdList, ...]:
    """The Markdown lists of `text` (lines in the `skip` spans, fenced code, are none of them).

    A list is a run of items with one indent (give or take a space) and one kind of marker (bullet or number);
    a deeper item opens a nested list. A heading, a table line, or a paragraph after a blank line at the list's own indent or less
    ends the lists open above it.
    """
    found: list[list] = []        # [depth, indent, ordered, item starts, end]
    open_: list[list] = []
    blank_before, pos = False, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if any(a <= start < b for a, b in skip):
            continue
        m = _LIST_ITEM.match(line)
        indent = len((m.group(1) if m else line[:len(line) - len(line.lstrip())]).expandtabs(4))
        if m:
            ordered = m.group(2)[0].isdigit()
            while open_ and (open_[-1][1] > indent + 1 or (abs(open_[-1][1] - indent) <= 1
                                                            and open_[-1][2] != ordered)):
                open_.pop()
            if open_ and abs(open_[-1][1] - indent) <= 1:     # '   - a' then '  - b': one list
                open_[-1][3].append(start)
            else:
                open_.append([len(open_), indent, ordered, [start], 0])
                found.append(open_[-1])
        elif not line.strip():
            blank_before = True
            continue
        elif line.lstrip().startswith(("#", "|")) or (blank_before and open_ and indent <= open_[0][1]):
            open_.clear()
        for entry in open_:
            entry[4] = start + len(line)
        blank_before = False
    starts = sorted(s for entry in found for s in entry[3])
    out = []
    for index, (depth, _, _, items, end) in enumerate(sorted(found, key=lambda e: e[3][0])):
        spans = []
        for k, a in enumerate(items):
            later = starts[bisect.bisect_right(starts, a)] if bisect.bisect_right(starts, a) < len(starts) else end
            spans.append(ListItem(a, min(later, end), index, k))
        out.append(MdList(index, items[0], end, depth, tuple(spans)))
    return tuple(out)


def comment_prose(text: str) -> list[tuple[int, int]]:
    """Spans of fenced code a reader reads as prose: the sentence of a whole-line comment (the requirement
    '# 使用CPU进行推理，需要约32GB内存' is told to the reader; '# model = load(...)' is code switched off)."""
    spans = []
    for fence in _FENCE.finditer(text):
        body = text.find("\n", fence.start(), fence.end()) + 1
        for m in _CODE_COMMENT.finditer(text, body or fence.end(), fence.end()):
            if _WORD.search(m.group(2)) and not _CODE_SIGN.search(m.group(2)):
                spans.append((m.start(2), m.end(2)))
    return spans


def _table_index(tables, offset: int) -> int:
    for t in tables:
        if t.start <= offset < t.end:
            return t.index
    return -1


def clean_cell(text: str) -> str:
    """Cell text without markup: '**MiniCPM-2B**' -> 'MiniCPM-2B'."""
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    text = re.sub(r"[*`]+|(?<![^\W_])_+|_+(?![^\W_])", "", text)      # db_resnet34 keeps its underscore
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


# -- Markdown pipe tables ------------------------------------------------------------

def _split_row(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a pipe-table line; pipes in code or escaped stay."""
    bounds, inside_code, i = [], False, 0
    pipes = []
    while i < len(line):
        ch = line[i]
        if ch == "`":
            inside_code = not inside_code
        elif ch == "\\":
            i += 2
            continue
        elif ch == "|" and not inside_code:
            pipes.append(i)
        i += 1
    stripped = line.strip()
    edges = [-1] + pipes + [len(line)]
    for a, b in zip(edges, edges[1:]):
        segment = line[a + 1:b]
        if not segment.strip() and ((a == -1 and stripped.startswith("|")) or (b == len(line) and stripped.endswith("|"))):
            continue
        left = a + 1 + (len(segment) - len(segment.lstrip()))
        right = b - (len(segment) - len(segment.rstrip()))
        bounds.append((offset + left, offset + max(right, left)))
    return bounds


def _markdown_tables(text: str, first_index: int):
    """Yield (Table, cells, pipe spans) for each pipe table of `text`."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i, index = 1, first_index
    while i < len(lines):
        start, line = lines[i]
        head_start, head = lines[i - 1]
        if not (_DELIMITER.match(line) and "|" in head):
            i += 1
            continue
        header_cells = _split_row(head, head_start)
        headers = tuple(clean_cell(text[a:b]) for a, b in header_cells)
        separators = [(head_start + j, head_start + j + 1) for j, ch in enumerate(head) if ch == "|"]
        separators.append((start, start + len(line)))
        body = []
        j = i + 1
        while j < len(lines) and "|" in lines[j][1] and lines[j][1].strip():
            row_start, row_line = lines[j]
            bounds = _split_row(row_line, row_start)
            body.append((row_start, row_line, bounds, [clean_cell(text[a:b]) for a, b in bounds]))
            separators += [(row_start + k, row_start + k + 1) for k, ch in enumerate(row_line) if ch == "|"]
            j += 1
        label_columns = _label_columns([texts for _, _, _, texts in body])
        rows, cells = [], []
        for row_index, (row_start, row_line, bounds, texts) in enumerate(body):
            label = texts[0] if texts else ""
            rows.append(Row(row_start, row_start + len(row_line) + 1, index, row_index, label))
            for col, (a, b) in enumerate(bounds):
                header = headers[col] if col < len(headers) else ""
                own = max((c for c in label_columns if c <= col), default=0)
                cells.append(Cell(a, b, index, row_index, col, texts[own] if own < len(texts) else label, header))
        table_end = lines[j - 1][0] + len(lines[j - 1][1]) + 1
        yield Table(index, head_start, table_end, headers, tuple(rows)), cells, separators
        index += 1
        i = j + 1


# -- HTML tables -----------------------------------------------------------------------

def _html_tables(text: str, searchable: str, first_index: int):
    """Yield (Table, cells) for each <table>, expanding rowspan and colspan."""
    index = first_index
    for m in _HTML_TABLE.finditer(searchable):
        grid: dict[tuple[int, int], tuple[int, int, str, bool]] = {}
        row_spans = []
        for r, row in enumerate(_HTML_ROW.finditer(text, m.start(), m.end())):
            row_spans.append((row.start(), row.end()))
            col = 0
            for cell in _HTML_CELL.finditer(row.group(0)):
                while (r, col) in grid:
                    col += 1
                spans = dict((k.lower(), int(v)) for k, v in _SPAN.findall(cell.group(2)))
                inner_start = row.start() + cell.start(3)
                inner = cell.group(3)
                inner = inner[: re.search(r"</t[dh]|$", inner, re.I).start()]
                content = (inner_start, inner_start + len(inner), clean_cell(inner), cell.group(1).lower() == "th")
                for dr in range(spans.get("rowspan", 1)):
                    for dc in range(spans.get("colspan", 1)):
                        grid.setdefault((r + dr, col + dc), content)
                col += spans.get("colspan", 1)
        if not row_spans:
            continue
        n_rows = len(row_spans)
        header_rows = 0
        while header_rows < n_rows - 1 and all(v[3] for (r, c), v in grid.items() if r == header_rows) \
                and any(r == header_rows for r, c in grid):
            header_rows += 1
        if header_rows == 0:
            header_rows = 1          # first row of an all-<td> table names the columns
        n_cols = max((c for _, c in grid), default=-1) + 1
        headers = tuple(" ".join(dict.fromkeys(grid[(r, c)][2] for r in range(header_rows) if (r, c) in grid))
                        for c in range(n_cols))
        rows, cells = [], []
        grid_texts = [[grid[(r, c)][2] if (r, c) in grid else "" for c in range(n_cols)] for r in range(n_rows)]
        label_columns = _label_columns(grid_texts[header_rows:])
        for r in range(header_rows, n_rows):
            label = _row_label([grid[(r, c)][2] for c in range(n_cols) if (r, c) in grid])
            body = r - header_rows
            start, end = row_spans[r]
            rows.append(Row(start, end, index, body, label))
            for c in range(n_cols):
                if (r, c) in grid:
                    a, b, _, _ = grid[(r, c)]
                    if start <= a < end:          # a rowspan cell belongs to its first row only
                        own = max((k for k in label_columns if k <= c), default=0)
                        cells.append(Cell(a, b, index, body, c, grid_texts[r][own] if own else label, headers[c]))
        yield Table(index, m.start(), m.end(), headers, tuple(rows)), cells
        index += 1


_DATA = re.compile(r"[-–—]|[~<>≈]?[+\-]?\d[\d.,]*\s*[%A-Za-z]{0,3}\*?(?:\s*/.*)?")


def _label_columns(rows: list[list[str]]) -> tuple[int, ...]:
    """Columns after the first that label the cells to their right: side-by-side tables (| LLaMA Models | Valid |
    Test | Alpaca Models | Valid | Test |), where a column of names follows a column of figures. A column is one
    when none of its cells is data and every cell of the column before it is."""
    width = min((len(r) for r in rows), default=0)
    found = []
    for col in range(2, width):
        mine = [r[col] for r in rows if r[col]]
        before = [r[col - 1] for r in rows if r[col - 1]]
        if mine and before and not any(_DATA.fullmatch(t) for t in mine) and all(_DATA.fullmatch(t) for t in before) \
                and any(re.search(r"[A-Za-z\u3400-\u9fff]{2}", t) for t in mine):
            found.append(col)
    return tuple(found)


def _row_label(texts: list[str]) -> str:
    """The first cell and the label cells after it, up to the first cell of data."""
    label = texts[:1]
    for text in texts[1:]:
        if _DATA.fullmatch(text):
            break
        label.append(text)
    return " ".join(t for t in label if t)
