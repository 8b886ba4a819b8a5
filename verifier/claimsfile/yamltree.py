"""Read YAML into a tree of located values, without ever constructing objects.

We compose (not load) the document, so every key and value keeps its
file:line:col, every scalar stays the string the user typed (a figure of
`12.50` is never turned into 12.5), duplicate keys are caught, and tags such as
`!!python/object` are refused instead of executed. Aliases are allowed but the
expanded size is capped, so an alias bomb is an error, not an out-of-memory.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..errors import ClaimsFileError, Location, excerpt_with_caret

MAX_NODES = 200_000
MAX_DEPTH = 64            # lists/mappings inside each other; a claims file needs 4
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Scalar:
    text: str                 # exactly what was written (after YAML quoting rules)
    tag: str                  # resolved YAML type: ...:str, ...:int, ...:null, ...
    loc: Location

    @property
    def is_null(self) -> bool:
        return self.tag.endswith(":null")

    def describe(self) -> str:
        return "an empty value" if self.is_null else repr(self.text)


@dataclass(frozen=True)
class Seq:
    items: tuple
    loc: Location

    def describe(self) -> str:
        return f"a list of {len(self.items)}"


@dataclass(frozen=True)
class Map:
    entries: dict = field(default_factory=dict)   # key text -> (key Location, value node)
    loc: Location = Location("")

    def describe(self) -> str:
        return "a mapping"


def describe(node) -> str:
    return node.describe()


def read_tree(text: str, path: str):
    """Parse `text` (the contents of `path`) into Scalar/Seq/Map nodes."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(exc, text, path) from None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        raise ClaimsFileError(Location(path), f"YAML error: {exc}") from None
    except RecursionError:  # pragma: no cover - libyaml caps nesting first
        raise _too_deep(Location(path)) from None
    except UnicodeEncodeError as exc:   # a lone surrogate: only reachable from Python callers
        raise ClaimsFileError(_offset_to_loc(text, exc.start, path), "the text holds an invalid character",
                              found=f"U+{ord(text[exc.start]):04X} (a lone surrogate)",
                              expected="valid Unicode text") from None
    if root is None:
        return Map({}, Location(path, 1, 1))
    budget = [MAX_NODES, set()]       # [alias expansions left, ids of nodes met]: values as written are free
    return _convert(root, path, text, budget)


def _too_deep(loc: Location) -> ClaimsFileError:
    return ClaimsFileError(loc, "the document is nested too deeply",
                           found=f"lists or mappings more than {MAX_DEPTH} levels deep",
                           expected="claims, each a mapping of a few keys",
                           hint="this is not a claims file; check what was pasted here")


def _offset_to_loc(text: str, offset: int, path: str) -> Location:
    """1-based line and column of a character offset, counting YAML's line breaks."""
    offset = max(0, min(offset, len(text)))
    head = text[:offset]
    breaks = list(_LINE_BREAK.finditer(head))
    line_start = breaks[-1].end() if breaks else 0
    return Location(path, len(breaks) + 1, offset - line_start + 1)


def _reader_error(exc, text: str, path: str) -> ClaimsFileError:
    """Characters YAML refuses (control characters, stray surrogates): say which and where."""
    offset = getattr(exc, "position", 0) or 0
    if _Loader is not yaml.SafeLoader:   # libyaml reports a byte offset into the UTF-8 text
        offset = len(text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore"))
    loc = _offset_to_loc(text, offset, path)
    char = exc.character
    shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
    return ClaimsFileError(
        loc, f"character {shown} is not allowed in YAML",
        found=f"{shown} ({exc.reason})" if getattr(exc, "reason", "") else shown,
        expected="printable text; tabs and newlines only as whitespace",
        hint="remove the control character (often pasted from a PDF or a terminal)",
        excerpt=excerpt_with_caret(text, loc.line, loc.col))


def _loc(mark, path: str) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


def _convert(node, path: str, text: str, budget: list, depth: int = 0):
    if depth > MAX_DEPTH:
        loc = _loc(node.start_mark, path)
        error = _too_deep(loc)
        raise ClaimsFileError(loc, error.problem, found=error.found, expected=error.expected,
                              hint=error.hint, excerpt=excerpt_with_caret(text, loc.line, loc.col))
    if id(node) in budget[1]:
        budget[0] -= 1                 # a node met again: an alias expanding (#13: a plain 100,000-claim file passes)
    else:
        budget[1].add(id(node))
    if budget[0] < 0:
        loc = _loc(node.start_mark, path)
        raise ClaimsFileError(
            loc, "the document expands to too many values",
            found=f"more than {MAX_NODES:,} values once aliases are expanded",
            expected="a claims file of ordinary size",
            hint="this looks like an alias bomb (&a / *a repeated); write the values out",
            excerpt=excerpt_with_caret(text, loc.line, loc.col))
    loc = _loc(node.start_mark, path)
    if node.tag not in _PLAIN_TAGS:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!", 1)     # as the user wrote it
        raise ClaimsFileError(
            loc, f"tag {shown!r} is not allowed",
            found=shown, expected="plain YAML: strings, numbers, lists and mappings",
            hint="remove the !!tag; claims files never construct objects",
            excerpt=excerpt_with_caret(text, loc.line, loc.col))
    if isinstance(node, yaml.ScalarNode):
        return Scalar(node.value, node.tag, loc)
    if isinstance(node, yaml.SequenceNode):
        return Seq(tuple(_convert(item, path, text, budget, depth + 1) for item in node.value), loc)
    entries: dict = {}
    for key_node, value_node in node.value:
        key_loc = _loc(key_node.start_mark, path)
        if not isinstance(key_node, yaml.ScalarNode):
            raise ClaimsFileError(key_loc, "a key must be a plain word",
                                  found="a list or mapping used as a key", expected="a key such as `id:`",
                                  excerpt=excerpt_with_caret(text, key_loc.line, key_loc.col))
        key = key_node.value
        if key == "<<":
            raise ClaimsFileError(key_loc, "merge keys (<<) are not supported",
                                  expected="each key written out", hint="copy the keys you meant to merge",
                                  excerpt=excerpt_with_caret(text, key_loc.line, key_loc.col))
        if key in entries:
            first = entries[key][0]
            raise ClaimsFileError(
                key_loc, f"duplicate key {key!r}",
                found=f"{key!r} again (first at line {first.line})",
                expected="each key once per mapping",
                hint="YAML would silently keep only the last one; remove or rename one of them",
                excerpt=excerpt_with_caret(text, key_loc.line, key_loc.col))
        entries[key] = (key_loc, _convert(value_node, path, text, budget, depth + 1))
    return Map(entries, loc)


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> ClaimsFileError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "cannot parse"
    context = f" ({exc.context})" if exc.context else ""
    if exc.context_mark is not None and "end of stream" in problem:
        # An unclosed quote or bracket: the end of the file says little; show where it was opened.
        mark = exc.context_mark
        context = f" ({exc.context} that starts here and is never closed)" if exc.context else context
    loc = _loc(mark, path) if mark else Location(path)
    hint = "check the indentation and the ':' after each key"
    if "\t" in problem or "'\\t'" in problem or _tab_near(text, mark):
        hint = "YAML does not allow tabs for indentation; indent with spaces"
    elif "mapping values are not allowed" in problem:
        hint = "a value containing ': ' must be quoted, e.g. claim: \"Ratio: 3:1\""
        if mark is not None and ": " not in _line_at(text, mark.line)[: mark.column]:
            hint = "this key is indented differently from the keys above it; line them up"
    elif "found undefined alias" in problem or "found undefined" in problem:
        hint = "an alias (*name) must refer to an anchor (&name) defined above it"
    elif "never closed" in context:
        hint = "close the quote or bracket opened here"
    found = "a tab character" if hint.startswith("YAML does not allow tabs") else _found_at(text, mark)
    return ClaimsFileError(
        loc, f"YAML syntax error: {problem}{context}",
        excerpt=excerpt_with_caret(text, loc.line, loc.col) if mark else "",
        found=found, expected="valid YAML", hint=hint)


def _line_at(text: str, index: int) -> str:
    lines = _LINE_BREAK.split(text, maxsplit=index + 1)
    return lines[index] if index < len(lines) else ""


def _found_at(text: str, mark) -> str:
    """What stands at the error: a character, an alias name, or the end of the file."""
    if mark is None:
        return ""
    lines = _LINE_BREAK.split(text, maxsplit=mark.line + 1)
    if mark.line >= len(lines):
        return "the end of the file"
    rest = lines[mark.line][mark.column:]
    if not rest:
        return "the end of the line" if mark.line + 1 < len(lines) else "the end of the file"
    alias = re.match(r"[*&][^\s,\[\]{}]+", rest)
    if alias:
        return f"{'alias' if alias.group()[0] == '*' else 'anchor'} {alias.group()}"
    return repr(rest[0])


def _tab_near(text: str, mark) -> bool:
    """Whether the error position (or the indentation of its line) holds a tab.

    libyaml's message ("found character that cannot start any token") does not
    say which character it met, so look at the text itself.
    """
    if mark is None:
        return False
    lines = _LINE_BREAK.split(text, maxsplit=mark.line + 1)
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return "\t" in indent or line[mark.column: mark.column + 1] == "\t"
