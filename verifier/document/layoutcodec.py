"""A document's layout (markdown.Layout) as plain JSON, so that a warm run decodes it instead of reading it again.

Reading the layout (blanking code and markup, finding headings, tables and lists) runs some forty patterns over
the text; a warm run needs only its result. The masked text is stored as the runs where it differs from the
text (each blanked to spaces or one line break), the rest as lists of each dataclass's fields in order.
`decode_layout` raises ValueError (or TypeError) for anything `encode_layout` could not have written; the cache
(cache.py) takes any error as a miss.
"""
from __future__ import annotations

import re

from .markdown import Cell, Heading, Layout, ListItem, MdList, Row, Table

_FILL = (" ", "\n")


def encode_layout(text: str, layout: Layout) -> dict:
    """The layout of `text` as JSON-ready lists."""
    return {"masked": _masked_runs(text, layout.masked),
            "headings": [[h.start, h.level, h.text] for h in layout.headings],
            "tables": [[t.index, t.start, t.end, list(t.headers), [[r.start, r.end, r.table, r.index, r.label]
                                                                  for r in t.rows]] for t in layout.tables],
            "cells": [[c.start, c.end, c.table, c.row, c.col, c.row_label, c.col_header] for c in layout.cells],
            "lists": [[m.index, m.start, m.end, m.depth, [[i.start, i.end, i.list, i.position] for i in m.items]]
                      for m in layout.lists]}


def decode_layout(text: str, data) -> Layout:
    """The Layout encode_layout wrote for `text`."""
    if type(data) is not dict:
        raise ValueError("layout")
    cells = tuple(Cell(*_fields(c, "iiiiiss")) for c in data["cells"])
    return Layout(_masked(text, data["masked"]),
                  tuple(Heading(*_fields(h, "iis")) for h in data["headings"]),
                  tuple(Table(*_fields(t[:3], "iii"), tuple(_strings(t[3])),
                              tuple(Row(*_fields(r, "iiiis")) for r in t[4])) for t in _lists(data["tables"], 5)),
                  cells, tuple(c.start for c in cells),
                  tuple(MdList(*_fields(m[:4], "iiii"), tuple(ListItem(*_fields(i, "iiii")) for i in m[4]))
                        for m in _lists(data["lists"], 5)))


def _masked_runs(text: str, masked: str) -> list[int]:
    """[start, end, fill, ...]: the runs where masked differs from text, each filled with one _FILL character."""
    if len(masked) != len(text):
        raise ValueError("masked text of another length")
    out: list[int] = []
    for m in _DIFFERENT.finditer(masked):          # masked is text with spaces and breaks put in
        for i in range(m.start(), m.end()):
            if masked[i] != text[i]:
                fill = _FILL.index(masked[i])
                if out and out[-2] == i and out[-1] == fill:
                    out[-2] = i + 1
                else:
                    out += [i, i + 1, fill]
    return out


_DIFFERENT = re.compile(r"[ \n]+")


def _masked(text: str, runs) -> str:
    if type(runs) is not list or len(runs) % 3:
        raise ValueError("masked")
    parts, at = [], 0
    for k in range(0, len(runs), 3):
        start, end, fill = _fields(runs[k:k + 3], "iii")
        if not at <= start < end <= len(text):
            raise ValueError("masked runs")
        parts += [text[at:start], _FILL[fill] * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _fields(values, types: str) -> list:
    """values, each checked against its type letter (i: int, s: str)."""
    if type(values) is not list or len(values) != len(types):
        raise ValueError("fields")
    for v, t in zip(values, types):
        if type(v) is not (int if t == "i" else str):
            raise ValueError("field type")
    return values


def _strings(values) -> list[str]:
    return _fields(values, "s" * len(values)) if type(values) is list else _fields(values, "")


def _lists(values, size: int) -> list:
    if type(values) is not list or any(type(v) is not list or len(v) != size for v in values):
        raise ValueError("lists")
    return values
