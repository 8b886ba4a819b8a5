"""Table cells: which row and column a cell's figure answers, and the unit its header gives it.

A cell is about its row and its column. A claim binds a cell when its words name both (Baichuan2-13B-Chat and
GSM8K), or its row where the cell is the row's only figure of the claim's kind; a row of another model, a
sibling row's label (Tesla V100 for a claim of the A100) or a shorter or longer name another row bears is
another row's. A column header's bracketed unit or scale (Params (M), Speed (fps)) reads the bare cells below.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..document.markdown import clean_cell
from ..document.memo import find_figures
from ..document.scope import figures_between, scope_of
from ..document.sources import Found, SourceDoc
from ..document.text import contains, fold_spaced, terms
from ..numbers.figure import Figure
from ..numbers.matching import comparable

BARE_COUNT = Figure("", 0, 0, "count", "", None, None)     # what any bare count is comparable with


# A column of sizes (Model File Size, 模型大小) writes megabytes as '86 M': the letter after the number is the unit.
_SIZE_HEADER = re.compile(r"(?i:\bsize\b)|大小|体积")
_SIZE_AFTER = re.compile(r"[ \t]?([KMGT])(?:B|iB)?(?![A-Za-z])", re.I)
_HEADER_UNIT = re.compile(r"[(（\[]\s*([^()（）\[\]]{1,8}?)\s*[)）\]]\s*$")
_HEADER_SCALE = {"k": Decimal(10) ** 3, "m": Decimal(10) ** 6, "g": Decimal(10) ** 9, "b": Decimal(10) ** 9,
                 "t": Decimal(10) ** 12, "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def header_readings(doc: SourceDoc, target: Figure, claim_text: str) -> list:
    """Each bare number of a table cell read in the unit or scale its column header gives in brackets (Speed
    (fps): 26 is 26 fps; Params (M): 4.7 is 4.7 million), where that makes it comparable with the claim's figure
    and no other column of the table gives that unit, or the claim names this column apart from those (Encoder
    Speed (tokens/s) for a claim of an encoder's speed)."""
    read_anew = []
    for found in doc.index.candidates(BARE_COUNT):
        fig = found.figure
        cell = doc.layout.cell_at(fig.start) if not fig.unit else None
        if cell is not None and fig.low is not None and target.kind == "quantity" and \
                _SIZE_HEADER.search(clean_cell(cell.col_header)) and (size := _SIZE_AFTER.match(doc.text, fig.end)):
            read = replace(fig, kind="quantity", unit=size.group(1).upper() + "B")    # Model File Size: 86 M
            if comparable(target, read):
                read_anew.append(replace(found, figure=read))
            continue
        match = _HEADER_UNIT.search(clean_cell(cell.col_header)) if cell is not None else None
        if match is None or fig.low is None:
            continue
        token = match.group(1).strip()
        table = doc.layout.tables[cell.table]
        sharing = [h for h in table.headers
                   if token == (m.group(1).strip() if (m := _HEADER_UNIT.search(clean_cell(h))) else "")]
        if len(sharing) > 1 and not _names_column_apart(claim_text, cell.col_header, sharing):
            continue                 # two columns in fps (b1, b32): the unit does not say which the claim means
        if token.lower() in _HEADER_SCALE:
            factor = _HEADER_SCALE[token.lower()]
            read = replace(fig, low=fig.low * factor, high=None if fig.high is None else fig.high * factor)
        else:
            unit = find_figures(f"1 {token}")
            if len(unit) != 1 or not unit[0].unit or unit[0].kind == "count":
                continue
            read = replace(fig, kind=unit[0].kind, unit=unit[0].unit)
        if comparable(target, read):
            read_anew.append(replace(found, figure=read))
    return read_anew


def _names_column_apart(claim_text: str, header: str, sharing: list[str]) -> bool:
    """Does the claim (text.fold_spaced) write a word of `header` that the other headers of its unit lack
    (encoder, not speed), or its first five letters (decodes for Decoder)?"""
    common = set.intersection(*(terms(clean_cell(h)) for h in sharing))
    words = set(re.findall(r"[a-z]{3,}", claim_text))
    return any(contains(claim_text, w) or (w.isalpha() and len(w) >= 5 and any(c[:5] == w[:5] for c in words))
               for w in terms(clean_cell(header)) - common if w.isalpha() or len(w) >= 3)   # rc01, not rc04


def cell_unnamed(doc: SourceDoc, found: Found, claimed, side: Figure) -> str:
    """A table cell is about its row and its column: without near words, the claim must name both
    (Baichuan2-13B-Chat and GSM8K), or the value may be another model's or another benchmark's. A column need not
    be named where the cell is the only one of its row holding a figure like the claim's (the one percentage of
    a row of a win rate and an Elo score)."""
    if not doc.layout.cells:
        return ""
    cell = doc.layout.cell_at(found.figure.start)
    if cell is None:
        return ""
    forms = [t.forms for t in claimed.terms] + [set(v) for v in claimed.near] + list(claimed.unit_words)
    missing = [what for what, label in (("row", fold_spaced(cell.row_label)), ("column", fold_spaced(cell.col_header)))
               if label.strip() and not any(any(contains(label, f) for f in group) for group in forms)
               and not _numbered_label_in(label, claimed.text)
               and not (len(label.strip()) >= 3 and contains(claimed.text, label.strip()))]   # Overall, Total
    if "row" not in missing and (_another_model(cell, claimed) or _outnamed_row(doc, cell, claimed, side)
                                 or _another_numbered_row(doc, cell, claimed.raw, side)
                                 or _row_says_otherwise(doc, cell, claimed.raw)):
        missing.insert(0, "row")
    if missing == ["column"] and _only_one_like(doc, cell, side):
        missing = []
    if missing:
        return f"a table cell whose {' and '.join(missing)} the claim does not name"
    longer = _longer_name(doc, cell, [f for t in claimed.terms if t.name for f in t.forms])
    if longer:
        return f"the row of {longer}, where another row is named as the claim names it"
    other = _other_section(doc, cell, claimed.text)
    return f"a table under another heading, where the claim names {other}" if other else ""


def _other_section(doc: SourceDoc, cell, claim_text: str) -> str:
    """The heading right above another table of the document with the same columns, which the claim
    (text.fold_spaced) writes while it does not write this table's (#### Five-shot, #### Zero-shot: one table
    each, alike). Returns it, or ''."""
    heading = lambda table: fold_spaced(doc.layout.section_of(table.start)[-1:][0]).strip() \
        if doc.layout.section_of(table.start) else ""
    own = doc.layout.tables[cell.table]
    mine = heading(own)
    if not claim_text or not mine or contains(claim_text, mine):
        return ""
    for table in doc.layout.tables:
        theirs = heading(table)
        if table.index == cell.table or not theirs or theirs == mine:
            continue
        if table.headers == own.headers and contains(claim_text, theirs):
            return theirs                # tables alike (the same columns), each under its own heading
        if _siblings(theirs, mine):      # Scoring Rate of Subjective / of Objective Questions: the word apart decides
            apart = lambda a, b: {w for w in re.findall(r"\w+", a) if w not in re.findall(r"\w+", b)}
            if any(contains(claim_text, w) for w in apart(theirs, mine)) and \
                    not any(contains(claim_text, w) for w in apart(mine, theirs)):
                return theirs
    return ""


def _outnamed_row(doc: SourceDoc, cell, claimed, side: Figure) -> bool:
    """In some label column left of the figure (Implementation | GPU: text, no figure like the claim's), a
    sibling row's cell holds more of the claim's names than this row's: the claim names that row (PyTorch on
    a Tesla A100, not on a Tesla V100). Rows that hold as many (Qwen-7B and Llama-2-7B, both named) stay."""
    forms = [t.forms for t in claimed.terms if t.name or any(ch.isdigit() for ch in t.word)]
    if not forms:
        return False
    columns = _label_columns(doc, cell.table, side)
    held = lambda label: sum(any(contains(label, f) for f in group) for group in forms)
    for col, by_row in columns.items():
        mine = by_row.get(cell.row) if col < cell.col else None
        if mine and any(held(label) > held(mine) and _siblings(label, mine) for label in by_row.values()):
            return True
    return False


def _another_numbered_row(doc: SourceDoc, cell, claim_raw: str, side: Figure) -> bool:
    """A row or column labelled by a bare number (| 2 | 12.5% |, |consumers|1|2|…|) where the claim writes
    another row's or column's number and not this one's ('with 4 checksum bits, the ratio is 12.5%': the row
    labelled 4; 'with 5 consumers': the column headed 5)."""
    numbers = {f.low for f in find_figures(claim_raw) if f.kind == "count" and not f.unit and f.low is not None
               and f.low != side.low}
    if not numbers:
        return False
    table = doc.layout.tables[cell.table]
    rows = [clean_cell(cells[0].row_label).strip() for (t, _), cells in _rows(doc).items() if t == cell.table]
    for own, labels in ((cell.row_label, rows), (cell.col_header, table.headers)):
        own = clean_cell(own).strip()
        if _BARE_NUMBER.fullmatch(own) and Decimal(own) not in numbers and numbers & {
                Decimal(label) for label in map(clean_cell, labels) if _BARE_NUMBER.fullmatch(label.strip())}:
            return True
    return False


def _row_says_otherwise(doc: SourceDoc, cell, claim_raw: str) -> bool:
    """Another cell of the row holds a bare number under a header the claim writes with another number after it
    (| LoRA (r=8) | 8 | FP16 | 24GB | under 'Batch size', for 'with batch size 4'): another row's figure."""
    claim = claim_raw.casefold()
    table = doc.layout.tables[cell.table]
    for other in row_cells(doc, cell):
        if other.col == cell.col:
            continue
        value = clean_cell(doc.text[other.start:other.end]).strip()
        header = clean_cell(table.headers[other.col]).strip().casefold() if other.col < len(table.headers) else ""
        if not _BARE_NUMBER.fullmatch(value) or len(header) < 2:
            continue
        said = re.search(rf"(?<![\w]){re.escape(header)}\s*(?:of|is|was|=|:|为|是)?\s*(\d+(?:\.\d+)?)(?![\d.])", claim)
        if said and Decimal(said.group(1)) != Decimal(value):
            return True
    return False


_BARE_NUMBER = re.compile(r"\d{1,6}(?:\.\d+)?")


def row_cells(doc: SourceDoc, cell) -> list:
    """The cells of `cell`'s row, left to right."""
    return _rows(doc).get((cell.table, cell.row), [])


def _rows(doc: SourceDoc) -> dict[tuple[int, int], list]:
    """(table, row) -> its cells, left to right: grouped once per document, not scanned for every figure."""
    if "_table_rows" not in doc.__dict__:
        rows: dict[tuple[int, int], list] = {}
        for cell in doc.layout.cells:
            rows.setdefault((cell.table, cell.row), []).append(cell)
        doc.__dict__["_table_rows"] = {key: sorted(cells, key=lambda c: c.col) for key, cells in rows.items()}
    return doc.__dict__["_table_rows"]


def _siblings(a: str, b: str) -> bool:
    """Two labels of one shape, differing in a word or two (nvidia tesla a100, nvidia tesla v100)."""
    words_a, words_b = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return 2 * len(words_a & words_b) >= max(len(words_a), len(words_b), 1)


def _label_columns(doc: SourceDoc, table: int, side: Figure) -> dict[int, dict[int, str]]:
    """column -> row -> text.fold_spaced, for each column of a table whose cells hold words and no figure
    comparable with the claim's (GPU: NVIDIA Tesla V100; not SAT BF16: 26GB for a claim in GB). Worked out once
    per table and kind of figure."""
    cache = doc.__dict__.setdefault("_label_columns", {})
    key = (table, side.kind, side.unit)
    if key not in cache:
        cache[key] = _label_columns_of(doc, table, side)
    return cache[key]


def _label_columns_of(doc: SourceDoc, table: int, side: Figure) -> dict[int, dict[int, str]]:
    by_col: dict[int, dict[int, str]] = {}
    spoilt = set()
    for other in doc.layout.cells:
        if other.table != table or other.col in spoilt:
            continue
        if any(comparable(side, f) for f in figures_between(doc, other.start, other.end)):
            spoilt.add(other.col)
            continue
        text = clean_cell(doc.text[other.start:other.end])
        if re.search(r"[A-Za-z\u3400-\u9fff]", text):
            by_col.setdefault(other.col, {})[other.row] = fold_spaced(text)
    return {col: rows for col, rows in by_col.items() if col not in spoilt}


def _another_model(cell, claimed) -> bool:
    """A row labelled with a numbered name (CogVLM2-LLaMA3-Chinese, Qwen-7B) that is none of the claim's numbered
    names (CogVLM1.1): the row is another model's, whatever other word of the claim it holds ('Chinese'). Names
    are compared from their first digit too (源2.0-102B is Yuan2.0-102B); a table whose columns are the models
    says nothing by its rows."""
    wanted = [f for t in claimed.terms if t.name and any(ch.isdigit() for ch in t.word) for f in t.forms]
    label = _row_name(cell.row_label)
    if not wanted or not (any(ch.isdigit() for ch in label) and len(label) >= 5 and _MODEL_NAME.match(label)):
        return False             # 8-bit, FP16, INT4 label a setting, not a model
    header = fold_spaced(cell.col_header)
    if any(f in header for f in wanted):
        return False
    return not any(f in label or label in f or _from_digit(f) == _from_digit(label) for f in wanted)


_MODEL_NAME = re.compile(r"[a-z\u3400-\u9fff]{3,}")


def _from_digit(name: str) -> str:
    return re.sub(r"^\D+", "", name)


def _numbered_label_in(label: str, claim_text: str) -> bool:
    """A label of numbers (512 * 512, 2048x2048, Q4_0) that the claim writes, spaces and signs of multiplication
    aside: the claim names that row or column."""
    if not any(ch.isdigit() for ch in label):
        return False
    squeeze = lambda text: re.sub(r"[\s×x*]+", "x", text.strip())
    return squeeze(label) in squeeze(claim_text)


def others_column(doc: SourceDoc, fig: Figure, own: Figure, others) -> bool:
    """A cell whose column header names the unit word of another of the claim's figures (fps for '26 fps') and
    none of this one's: that column answers the other figure."""
    cell = doc.layout.cell_at(fig.start) if others and doc.layout.cells else None
    if cell is None:
        return False
    header = fold_spaced(cell.col_header)
    words = lambda f: {w for w in terms(f.text) if not w[0].isdigit()}
    mine = words(own)
    theirs = set().union(*(words(o) for o in others)) - mine
    return any(contains(header, w) for w in theirs) and not any(contains(header, w) for w in mine)


def in_a_cell(doc: SourceDoc, fig: Figure) -> bool:
    """A table cell, whose row and column the scope rules have already held to the claim."""
    return bool(doc.layout.cells) and doc.layout.cell_at(fig.start) is not None


def _only_one_like(doc: SourceDoc, cell, side: Figure) -> bool:
    """Is `cell` the only cell of its row (of its side of a side-by-side table) holding a figure comparable
    with the claim's?"""
    row = doc.layout.tables[cell.table].rows[cell.row]
    holding = {id(other) for fig in figures_between(doc, row.start, row.end) if comparable(side, fig)
               for other in [doc.layout.cell_at(fig.start)] if other is not None and other.row_label == cell.row_label
               and clean_cell(doc.text[other.start:other.end]) != other.row_label}    # not the label (8-bit) itself
    return len(holding) == 1


def _longer_name(doc: SourceDoc, cell, names: list[str]) -> str:
    """The cell's row label extends a name of the claim (CogVLM2-LLaMA3-Chinese for CogVLM2-LLaMA3) while another
    row of the table is labelled with that name alone (a note such as '(Ours)' aside): this row is the longer
    name's. Returns its label, or ''."""
    label = _row_name(cell.row_label)
    table = doc.layout.tables[cell.table]
    for name in names:
        if _extends(label, name) and any(_row_name(row.label) == name for row in table.rows):
            return cell.row_label.strip()
        if _extends(name, label) and any(_row_name(row.label) == name for row in table.rows):
            return cell.row_label.strip()        # OrionStar-14B-Base, where the claim and a row say …-Base-Int4
    return ""


def _extends(longer: str, name: str) -> bool:
    """`longer` is `name` and more of a name (CogVLM2-LLaMA3-Chinese for CogVLM2-LLaMA3, Base-Int4 for Base)."""
    at = longer.find(name)
    return bool(name) and at >= 0 and longer != name and bool(re.match(r"[-_][a-z0-9]", longer[at + len(name):]))


def _row_name(label: str) -> str:
    """A row label's name, without a note after it: 'CogVLM2-LLaMA3 (Ours)' -> 'cogvlm2-llama3', 'Orca-13B 🆕'."""
    return re.split(r"\s*[(（\[]|\s{2,}|\s+[^\w\s.-]", fold_spaced(clean_cell(label)).strip())[0].strip()


# Words of change and comparison say how a figure moved, not what moved: 'grew' alone binds nothing.
def near_in_cell(doc: SourceDoc, found: Found, near) -> bool:
    """A table cell's row and column labels stand in for its sentence: near: [Baichuan2-7B, MMLU]."""
    if not doc.layout.cells or doc.layout.cell_at(found.figure.start) is None:
        return False
    where = scope_of(doc, found).words.replace(" ", "") + doc.index.folded_sentence(found.sentence)
    return all(any(v and v in where for v in variants) for variants in near)


def bound_cells(doc: SourceDoc, pairs: list, near) -> list:
    """Of several cells, those whose labels name the most near words."""
    if len(pairs) <= 1:
        return pairs
    counts = [sum(any(contains(scope_of(doc, f).words, v) for v in variants) for variants in near) for f, _ in pairs]
    most = max(counts)
    return [pair for pair, count in zip(pairs, counts) if count == most]
