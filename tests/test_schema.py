"""The JSON Schema of claims.yaml agrees with the loader, which stays the authority.

Editors validate with the schema, `verifier` with claims.py; if they disagreed, a
file could look fine in the editor and fail the run (or the reverse). So: the
schema's keys and enums are the loader's constants, the bundled claims.yaml is
valid, and a table of small files gets the same yes/no from both.

The validator below covers only the keywords the schema uses (a test checks
that), so no `jsonschema` dependency is needed for a ~40-line job.
"""
import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from verifier.claimsfile import claims as loader
from verifier.commands.cli import main
from verifier.errors import ClaimsFileError
from verifier.claimsfile.schema import SCHEMA_NAME, load_schema, schema_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = load_schema()
SUPPORTED = {"$schema", "title", "description", "type", "enum", "pattern", "required", "properties",
             "additionalProperties", "items", "anyOf", "not", "$ref", "definitions"}


def validate(value, schema, path="$", root=SCHEMA) -> list[str]:
    """Errors of `value` against the subset of draft-07 in SUPPORTED."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/definitions/")
        return validate(value, root["definitions"][name], path, root)
    errors = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, t) for t in types):
            return [f"{path}: {value!r} is not of type {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, dict):
        errors += [f"{path}: missing {key!r}" for key in schema.get("required", ()) if key not in value]
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                errors += validate(item, props[key], f"{path}.{key}", root)
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unknown key {key!r}")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(item, schema["additionalProperties"], f"{path}.{key}", root)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += validate(item, schema["items"], f"{path}[{i}]", root)
    if "anyOf" in schema and all(validate(value, s, path, root) for s in schema["anyOf"]):
        errors.append(f"{path}: matches none of anyOf")
    if "not" in schema and not validate(value, schema["not"], path, root):
        errors.append(f"{path}: matches a forbidden shape")
    return errors


def _is(value, kind: str) -> bool:
    return {"object": isinstance(value, dict), "array": isinstance(value, list), "null": value is None,
            "string": isinstance(value, str),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool)}[kind]


def _keywords(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            if key in ("properties", "definitions"):
                for sub in value.values():
                    yield from _keywords(sub)
            elif key not in ("enum", "required"):
                yield from _keywords(value)
    elif isinstance(node, list):
        for item in node:
            yield from _keywords(item)


def test_validator_understands_every_keyword_the_schema_uses():
    assert set(_keywords(SCHEMA)) <= SUPPORTED


def test_keys_and_enums_are_the_loaders():
    defs = SCHEMA["definitions"]
    assert set(SCHEMA["properties"]) == set(loader.TOP_KEYS)
    assert set(defs["source"]["properties"]) == set(loader.SOURCE_KEYS)
    assert set(defs["pair"]["properties"]) == set(loader.PAIR_KEYS)
    assert set(defs["accepted"]["properties"]) == set(loader.ACCEPT_KEYS)
    assert set(defs["claim"]["properties"]) == set(loader.CLAIM_KEYS)
    assert tuple(defs["claim"]["properties"]["expect"]["enum"]) == loader.VERDICTS
    assert tuple(defs["source"]["properties"]["lang"]["enum"]) == loader.LANGS
    assert defs["claim"]["properties"]["id"]["pattern"] == loader.ID_PATTERN.pattern


def test_bundled_claims_file_points_at_the_schema_and_is_valid():
    text = (ROOT / "claims.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"# yaml-language-server: $schema=verifier/{SCHEMA_NAME}"
    assert (ROOT / first.split("=", 1)[1]).is_file()
    assert validate(yaml.safe_load(text), SCHEMA) == []


def test_schema_is_package_data_and_printed_by_the_verb(capsys, tmp_path):
    assert (ROOT / "verifier" / SCHEMA_NAME).read_text(encoding="utf-8") == schema_text()
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA
    assert main(["schema", "--output", str(tmp_path / "s.json")]) == 0
    assert json.loads((tmp_path / "s.json").read_text(encoding="utf-8")) == SCHEMA


HEAD = """\
version: 1
sources:
  s: {path: src.txt, lang: zh}
"""

# (name, whole file, valid?) - the loader and the schema must give the same answer.
AGREEMENT = [
    ("figure claim", HEAD + "claims:\n  - {id: a, source: s, figure: '97%'}\n", True),
    ("quote only", HEAD + "claims:\n  - {id: a, source: s, quote: 价格下降}\n", True),
    ("figures and a bare-number near word",
     HEAD + "claims:\n  - {id: a.b_c, source: s, figures: ['97%'], near: [2022]}\n", True),
    ("draft claim with empty statement",
     HEAD + "claims:\n  - id: a\n    claim:\n    source: s\n    figure: '97%'\n", True),
    ("every key", HEAD + textwrap.dedent("""\
        glossary: {price: [价格], cut: 降}
        claims:
          - {id: a, claim: x, source: s, figure: '97%', near: 价格, quote: 下降, expect: contradicted, note: n}
        """), True),
    ("short-form source and a pair", textwrap.dedent("""\
        sources: {s: src.txt, e: {path: src.txt, lang: en, title: T}}
        pairs: [{en: e, zh: s, accept: [{en: '1', zh: '2', reason: rounding}]}]
        """), True),
    ("empty sections", "version: 1\nsources:\nclaims:\n", True),
    ("unknown claim key", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', nera: [价格]}\n", False),
    ("missing id", HEAD + "claims:\n  - {source: s, figure: '97%'}\n", False),
    ("missing source", HEAD + "claims:\n  - {id: a, figure: '97%'}\n", False),
    ("unknown verdict", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', expect: supportd}\n", False),
    ("id not a slug", HEAD + "claims:\n  - {id: 'a b', source: s, figure: '97%'}\n", False),
    ("nothing to check", HEAD + "claims:\n  - {id: a, source: s}\n", False),
    ("figure and figures", HEAD + "claims:\n  - {id: a, source: s, figure: '1%', figures: ['2%']}\n", False),
    ("near is a mapping", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', near: {x: 1}}\n", False),
    ("figure is a list", HEAD + "claims:\n  - {id: a, source: s, figure: ['97%']}\n", False),
    ("claim is not a mapping", HEAD + "claims:\n  - just text\n", False),
    ("unknown top-level key", HEAD + "claim: []\n", False),
    ("claims is a mapping", HEAD + "claims: {a: 1}\n", False),
    ("version 2", "version: 2\n", False),
    ("unknown source key", "sources:\n  s: {path: src.txt, language: zh}\n"
                           "claims:\n  - {id: a, source: s, figure: '97%'}\n", False),
    ("unknown language", "sources:\n  s: {path: src.txt, lang: fr}\nclaims:\n  - {id: a, source: s, figure: '1%'}\n",
     False),
    ("source without path", "sources:\n  s: {lang: zh}\nclaims:\n  - {id: a, source: s, figure: '1%'}\n", False),
    ("pair without zh", HEAD + "pairs: [{en: s}]\n", False),
    ("accepted difference without reason", HEAD + "pairs: [{en: s, zh: s, accept: [{en: '1', zh: '2'}]}]\n", False),
    ("glossary entry is a mapping", HEAD + "glossary: {price: {zh: 价格}}\n", False),
]


def loader_accepts(path: Path) -> bool:
    try:
        claims_file = loader.load_claims(path)
    except ClaimsFileError:
        return False
    return not claims_file.errors


@pytest.mark.parametrize("name,text,valid", AGREEMENT, ids=[row[0] for row in AGREEMENT])
def test_schema_and_loader_agree(tmp_path, name, text, valid):
    (tmp_path / "src.txt").write_text("价格下降了97%。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    assert loader_accepts(path) is valid
    errors = validate(yaml.safe_load(text), SCHEMA)
    assert (errors == []) is valid, errors


def test_schema_is_stricter_only_in_wanting_figures_quoted(tmp_path):
    """README: the schema asks for `figure: "5"`, as the docs advise; the loader also takes `figure: 5`."""
    (tmp_path / "src.txt").write_text("他们有5个。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    text = HEAD + "claims:\n  - {id: a, source: s, figure: 5}\n"
    path.write_text(text, encoding="utf-8")
    assert loader_accepts(path)
    assert validate(yaml.safe_load(text), SCHEMA) == ["$.claims[0].figure: 5 is not of type ['string']"]
