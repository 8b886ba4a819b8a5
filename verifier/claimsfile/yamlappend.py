"""Append items to the `claims:` list of a YAML file without touching a byte of what is there.

Round-tripping YAML through a parser loses comments, quoting and layout, which
people care about in a hand-written claims file. So we never rewrite: we find
where the block list ends, check that it really is the end of the file (only
comments may follow), and append text indented like the existing items. Layouts
where appending would be unsafe (a flow list `[]`, `claims:` not last, a
`...` end marker) are refused with a message, never guessed at.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

from ..errors import Location, VerifierError, excerpt_with_caret

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]+")
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class AppendError(VerifierError):
    """The claims file's layout does not allow a safe append."""


@dataclass(frozen=True)
class ListEnd:
    """How to continue the claims list: the text to add first, and the indentation of items."""

    lead: str            # '' or a newline (and `claims:` when the key is absent)
    dash: int            # column of '-'
    key: int             # column of an item's keys
    newline: str         # the file's line ending


def quote(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly `text`."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    return '"' + _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", body) + '"'


def scalar(text: str) -> str:
    """`text` plain when YAML reads it back as that very string (a slug such as tmtpost-en), else quoted."""
    if _PLAIN.match(text):
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return quote(text)


def comment(text: str) -> str:
    """Text safe to put after '#': one line of printable characters."""
    return _UNPRINTABLE.sub(" ", _LINE_BREAKS.sub(" ", text))


def find_list_end(text: str, shown: str) -> ListEnd:
    """Where and how items can be appended to `claims:` in `text`, or AppendError."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lead = "" if not text or text.endswith(("\n", "\r")) else newline
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise AppendError(Location(shown), "the claims file is not valid YAML", found=str(exc).split("\n")[0],
                          expected="a file `verifier` can load", hint="run `verifier` to see the error") from None
    if root is None:
        return ListEnd(lead + "claims:" + newline, 2, 4, newline)
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise _refuse(text, shown, root.start_mark, "the top level is not a block mapping",
                      "keys written one per line: version, sources, claims")
    _check_tail(text, shown, root.end_mark)
    keys = [key.value for key, _ in root.value]
    if "claims" not in keys:
        return ListEnd(lead + newline + "claims:" + newline, 2, 4, newline)
    index = keys.index("claims")
    key_node, node = root.value[index]
    if index != len(keys) - 1:
        after = root.value[index + 1][0]
        raise _refuse(text, shown, after.start_mark,
                      f"`claims:` is not the last key (`{after.value}:` follows at line {after.start_mark.line + 1})",
                      "the `claims:` list at the end of the file",
                      hint=f"move `{after.value}:` above `claims:`, then run again")
    if isinstance(node, yaml.ScalarNode):
        if node.value == "" and node.style is None:        # `claims:` with nothing after it
            return ListEnd(lead, 2, 4, newline)
        raise _refuse(text, shown, node.start_mark, f"`claims:` holds {node.value!r}, not a list",
                      "a block list: `claims:` then `  - id: ...` lines", hint="delete the value after `claims:`")
    if not isinstance(node, yaml.SequenceNode):
        raise _refuse(text, shown, node.start_mark, "`claims:` is not a list",
                      "a block list: `claims:` then `  - id: ...` lines")
    if node.flow_style:
        raise _refuse(text, shown, node.start_mark, "`claims:` is a flow list ([...])",
                      "a block list: `claims:` then one `- id: ...` item per claim",
                      hint="rewrite it as a block list (an empty list is just `claims:`), then run again")
    dash = node.start_mark.column
    first = node.value[0]
    key = first.start_mark.column if isinstance(first, yaml.MappingNode) and not first.flow_style else dash + 2
    return ListEnd(lead, dash, key, newline)


def _check_tail(text: str, shown: str, mark) -> None:
    """Only comments and blank lines may follow the document, or appending would start a new one."""
    line = mark.line + (1 if mark.column else 0)
    for number, line_text in enumerate(text.splitlines()[line:], start=line + 1):
        stripped = line_text.strip()
        if stripped and not stripped.startswith("#"):
            raise AppendError(Location(shown, number, 1), "the file goes on after its last key",
                              found=repr(stripped[:40]), expected="only comments after the claims list",
                              hint="remove the `...`/`---` marker (one document per claims file)",
                              excerpt=excerpt_with_caret(text, number, 1))


def _refuse(text, shown, mark, problem, expected, hint="") -> AppendError:
    line, col = mark.line + 1, mark.column + 1
    return AppendError(Location(shown, line, col), f"cannot append claims safely: {problem}",
                       expected=expected, hint=hint or "edit the file by hand, or change its layout and run again",
                       excerpt=excerpt_with_caret(text, line, col))


def render_items(items: list[list[tuple[str, str]]], end: ListEnd, header: str = "") -> str:
    """Text for `items` (each a list of (key, already-rendered value) and ('#', comment) lines)."""
    nl, dash, key = end.newline, " " * end.dash, " " * end.key
    out = [end.lead]
    if header:
        out.append(f"{nl}{dash}# {comment(header)}{nl}")
    for item in items:
        out.append(nl)
        first = True
        for name, value in item:
            if name == "#":
                out.append(f"{dash}# {comment(value)}{nl}")
                continue
            prefix = dash + "-" + " " * (end.key - end.dash - 1) if first else key
            out.append(f"{prefix}{name}:{' ' + value if value else ''}{nl}")
            first = False
    return "".join(out)
