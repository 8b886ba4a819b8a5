"""The JSON Schema of claims.yaml, shipped with the package.

Editors (yaml-language-server, VS Code, JetBrains) read it to complete keys and
flag typos as you type, and the loader validates every claims file against it
with jsonschema (schema_problems), each error mapped back to its line and column.
The loader's own checks in claims.py come first and give the more specific
message; tests/test_schema.py keeps the two in agreement.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import Location
from .yamltree import Map, Seq

SCHEMA_NAME = "claims.schema.json"


def schema_text() -> str:
    """The schema exactly as shipped (what `verifier schema` prints)."""
    return resources.files("verifier").joinpath(SCHEMA_NAME).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _schema() -> str:
    return schema_text()


def load_schema() -> dict:
    return json.loads(_schema())


@dataclass(frozen=True)
class SchemaProblem:
    """One schema error, located in the YAML: `owner` says which item it belongs to (('claims', 3),
    ('sources', 'wu'), ('pairs', 0)), or () for the whole file."""

    owner: tuple
    loc: Location
    problem: str
    found: str = ""
    expected: str = ""
    hint: str = ""


def as_written(node):
    """The value the loader reads: every scalar is the text as typed (`figure: 5` is "5"), an empty value
    is None. The schema is checked against this view, so its types and the loader's agree."""
    if isinstance(node, Map):
        return {key: as_written(value) for key, (_, value) in node.entries.items()}
    if isinstance(node, Seq):
        return [as_written(item) for item in node.items]
    return None if node.is_null else node.text


def schema_problems(tree) -> list[SchemaProblem]:
    """What the shipped JSON Schema says about the located tree, one problem per claim, source or pair
    (the most telling, by jsonschema's best_match), each at the line and column it is about."""
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import best_match

    schema = load_schema()
    groups: dict = {}
    for error in Draft7Validator(_inlined(schema, schema["definitions"])).iter_errors(as_written(tree)):
        path = tuple(error.absolute_path)
        owner = path[:2] if len(path) >= 2 and path[0] in ("claims", "sources", "pairs") else ()
        groups.setdefault(owner, []).append(error)
    return [_problem(owner, _telling(best_match(errors)), tree, schema) for owner, errors in groups.items()]


# -- a claims file found valid before ------------------------------------------------------------------------
# Importing jsonschema and validating take longer than the rest of loading on a warm run. A figure cache
# (document.cache.FigureCache) may remember that these very bytes were valid: a side entry per claims file,
# signed like every entry, holding a digest of the text, the schema, the code that reads the one against the
# other and jsonschema's version. It only ever skips a validation that found nothing; any doubt is a miss.

_VALID_FORMAT = 1


def known_valid(cache, claims_path, text: str) -> bool:
    """True when `cache` holds that this text was valid against this schema, with this code."""
    if cache is None:
        return False
    name, digest = _valid_entry(claims_path, text)
    data = cache.load_side("schema", name) if digest else None
    return bool(data) and data.get("format") == _VALID_FORMAT and data.get("valid") == digest


def remember_valid(cache, claims_path, text: str) -> None:
    """Keep in `cache` that this text is valid (the schema found no problem in it)."""
    if cache is None:
        return
    name, digest = _valid_entry(claims_path, text)
    if digest:
        cache.store_side("schema", name, {"format": _VALID_FORMAT, "valid": digest})


def _valid_entry(claims_path, text: str) -> tuple[str, str]:
    """(side entry name, digest of what validity depends on); '' as the digest when that cannot be known."""
    import hashlib
    from pathlib import Path
    from . import yamltree

    digest = hashlib.sha256()
    try:
        from importlib.metadata import version
        digest.update(f"{_VALID_FORMAT}\0jsonschema {version('jsonschema')}\0".encode())
        for code in (Path(__file__), Path(yamltree.__file__)):
            digest.update(code.read_bytes() + b"\0")
        digest.update(_schema().encode("utf-8") + b"\0" + text.encode("utf-8", "surrogatepass"))
        where = hashlib.sha256(str(Path(claims_path).resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    except Exception:        # noqa: BLE001 - no version, unreadable code: validate, as without a cache
        return "", ""
    return f"{where[:32]}-{_VALID_FORMAT}", digest.hexdigest()


def _choice_of_keys(sub: dict) -> bool:
    """anyOf of `required` alternatives: "a figure, figures or quote"."""
    return bool(sub.get("anyOf")) and all("required" in alt for alt in sub["anyOf"])


def _inlined(node, definitions: dict):
    """The schema with each `$ref` replaced by its definition (none refers to itself): the same checks, in
    about half the time of resolving references on every claim."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inlined(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
        return {key: _inlined(value, definitions) for key, value in node.items() if key != "definitions"}
    if isinstance(node, list):
        return [_inlined(item, definitions) for item in node]
    return node


def _telling(error):
    """best_match descends into anyOf. When the error it finds is only a wrong kind of value (a mapping
    where text goes), or one alternative of "a figure, figures or quote", the anyOf itself says it best."""
    while (error.parent is not None and error.parent.validator == "anyOf"
           and (_choice_of_keys(error.parent.schema)
                or (error.parent.absolute_path == error.absolute_path and error.validator in ("type", "anyOf")))):
        error = error.parent
    return error


def _problem(owner: tuple, error, tree, schema: dict) -> SchemaProblem:
    path = tuple(error.absolute_path)
    node, key_loc = _node_at(tree, path)
    where = _where(path)
    kind, value, sub = error.validator, error.instance, error.schema
    if kind == "additionalProperties":
        allowed = list(sub.get("properties", {}))
        extra = [key for key in value if key not in allowed]
        key = extra[0] if extra else "?"
        loc = node.entries[key][0] if isinstance(node, Map) and key in node.entries else node.loc
        hint = unknown_key_hint(key, allowed) if allowed else "remove it"
        return SchemaProblem(owner, loc, f"unknown key {key!r} in {where}", found=key,
                             expected=", ".join(allowed) if allowed else "no other keys", hint=hint)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        described = sub.get("properties", {}).get(missing, {}).get("description", "")
        return SchemaProblem(owner, node.loc, f"{where} has no `{missing}`", found=", ".join(value) or "no keys",
                             expected=f"{missing}: {described}" if described else f"a `{missing}` key")
    if kind == "anyOf" and _choice_of_keys(sub):
        wanted = " or ".join(f"`{s['required'][0]}`" for s in sub["anyOf"])
        return SchemaProblem(owner, node.loc, f"{where} has nothing to check", found=", ".join(value),
                             expected=f"a {wanted}", hint="an empty `quote:` or `figures: []` is nothing to check")
    if kind == "not" and "required" in sub.get("not", {}):
        both = sub["not"]["required"]
        loc = node.entries[both[-1]][0] if isinstance(node, Map) and both[-1] in node.entries else node.loc
        return SchemaProblem(owner, loc, f"{where} has both " + " and ".join(f"`{k}`" for k in both),
                             expected="one of them", hint=f"put every figure under `{both[-1]}:`")
    found = node.describe() if node is not None else repr(value)
    described = sub.get("description", "")
    if kind == "enum":
        choices = list(dict.fromkeys(str(c) for c in sub["enum"]))
        return SchemaProblem(owner, node.loc, f"{where} is not one of {', '.join(choices)}",
                             found=found, expected=" | ".join(choices), hint=did_you_mean(str(value), choices))
    if kind == "pattern":
        return SchemaProblem(owner, node.loc, f"{where} is not in the expected form", found=found,
                             expected=described or f"text matching {sub['pattern']}")
    if kind == "type":
        wanted = _kinds(sub, schema)
        return SchemaProblem(owner, node.loc, f"{where} must be {wanted}", found=found, expected=wanted,
                             hint=described)
    if kind == "anyOf":
        return SchemaProblem(owner, node.loc, f"{where} must be {_kinds(sub, schema)}", found=found,
                             expected=_kinds(sub, schema), hint=described)
    return SchemaProblem(owner, node.loc if node is not None else key_loc, f"{where}: {error.message}",
                         found=found, expected=described)


_KIND_NAMES = {"object": "a mapping", "array": "a list", "string": "text", "null": "empty",
               "number": "a number"}


def _kinds(sub: dict, schema: dict) -> str:
    """What a schema allows, in words: "text or a mapping", "a list or empty"."""
    if "$ref" in sub:
        sub = schema["definitions"][sub["$ref"].rsplit("/", 1)[-1]]
    if "anyOf" in sub:
        return " or ".join(dict.fromkeys(_kinds(alt, schema) for alt in sub["anyOf"]))
    types = sub.get("type", "object")
    return " or ".join(_KIND_NAMES.get(t, t) for t in (types if isinstance(types, list) else [types]))


def _node_at(tree, path: tuple):
    node, key_loc = tree, tree.loc
    for step in path:
        if isinstance(node, Map) and step in node.entries:
            key_loc, node = node.entries[step]
        elif isinstance(node, Seq) and isinstance(step, int) and step < len(node.items):
            node = node.items[step]
            key_loc = node.loc
        else:
            break
    return node, key_loc


def _where(path: tuple) -> str:
    """claims[3].near[1] as a person says it: `near` of claim #4."""
    if not path:
        return "the claims file"
    words = {"claims": "claim", "pairs": "pair", "sources": "source"}
    head = ""
    if len(path) >= 2 and path[0] in words:
        head = f"{words[path[0]]} #{path[1] + 1}" if isinstance(path[1], int) else f"{words[path[0]]} {path[1]!r}"
        path = path[2:]
    elif path[0] in ("glossary",) and len(path) >= 2:
        head = f"glossary entry {path[1]!r}"
        path = path[2:]
    else:
        head, path = f"`{path[0]}`", path[1:]
    keys = [step for step in path if isinstance(step, str)]
    item = f"item {path[-1] + 1} of " if path and isinstance(path[-1], int) else ""
    return f"{item}`{keys[-1]}` of {head}" if keys else f"{item}{head}"


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(choices)}"


def unknown_key_hint(key: str, allowed) -> str:
    """The hint for a key the schema does not know; one that reads as text (`300 electric vehicles`) is most
    likely the rest of a value a comma cut in `{ … }`."""
    if " " in key.strip() and not difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6):
        return ("this looks like text, not a key: inside `{ … }` a comma ends a value and starts a new key, so "
                "put the value in quotes (claim: \"…, …\") or write the claim as a block mapping")
    return did_you_mean(key, allowed)
