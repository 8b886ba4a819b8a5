"""The JSON Schema of claims.yaml and the loader agree; the loader checks every file against the schema.

Editors validate with the schema on YAML's typed values (`figure: 5` is a number there); `verifier` reads
every scalar as the text typed (`figure: 5` is "5"), runs its own rules (cross-references such as unknown
source ids and duplicate ids, figures it cannot read), then the schema with jsonschema, each schema error
mapped back to the YAML's line and column. So: the schema's keys and enums are the loader's constants, the
bundled claims.yaml is valid, a table of small files gets the same yes/no from both, and the schema's own
errors come out located, with what was found, what was expected and a hint.
"""
import json
import textwrap
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft7Validator

from verifier.claimsfile import claims as loader
from verifier.claimsfile.schema import SCHEMA_NAME, as_written, load_schema, schema_problems, schema_text
from verifier.claimsfile.yamltree import read_tree
from verifier.commands.cli import main
from verifier.errors import ClaimsFileError

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = load_schema()


def validate(value, schema=SCHEMA) -> list[str]:
    """jsonschema's errors of `value` (as an editor sees it), as `$.path: message` lines."""
    return [f"{error.json_path}: {error.message}" for error in Draft7Validator(schema).iter_errors(value)]


def test_schema_is_valid_draft_07():
    Draft7Validator.check_schema(SCHEMA)


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
    ("version quoted", "version: '1'\n", True),
    ("empty quote beside a figure", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', quote: }\n", True),
    ("empty quote alone", HEAD + "claims:\n  - {id: a, source: s, quote: }\n", False),
    ("empty figures list alone", HEAD + "claims:\n  - {id: a, source: s, figures: []}\n", False),
    ("empty figures list beside a quote", HEAD + "claims:\n  - {id: a, source: s, figures: [], quote: 下降}\n", True),
    ("title left empty", "sources:\n  s: {path: src.txt, title: }\nclaims:\n  - {id: a, source: s, figure: '97%'}\n",
     True),
    ("title is a list", "sources:\n  s: {path: src.txt, title: [a]}\nclaims:\n  - {id: a, source: s, figure: '97%'}\n",
     False),
    ("near item is a list", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', near: [[价格]]}\n", False),
    # `skip:` needs a reason; a pair's `summary:` names a side
    ("skip with a reason", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', skip: 'print edition only'}\n", True),
    ("skip: true", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', skip: true}\n", False),
    ("skip: false", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', skip: false}\n", False),
    ("skip left empty", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', skip: }\n", False),
    ("skip is a list", HEAD + "claims:\n  - {id: a, source: s, figure: '97%', skip: [why]}\n", False),
    ("pair summary en", HEAD + "pairs: [{en: s, zh: s, summary: en}]\n", True),
    ("pair summary zh", HEAD + "pairs: [{en: s, zh: s, summary: zh}]\n", True),
    ("pair summary fr", HEAD + "pairs: [{en: s, zh: s, summary: fr}]\n", False),
    ("pair summary true", HEAD + "pairs: [{en: s, zh: s, summary: true}]\n", False),
]

# Rules a JSON Schema cannot state (they look across the file); the loader alone enforces them.
LOADER_ONLY = [
    ("unknown source id", HEAD + "claims:\n  - {id: a, source: t, figure: '97%'}\n"),
    ("duplicate id", HEAD + "claims:\n  - {id: a, source: s, figure: '97%'}\n  - {id: a, source: s, figure: '97%'}\n"),
    ("figure it cannot read", HEAD + "claims:\n  - {id: a, source: s, figure: 'lots'}\n"),
    ("pair names an unknown source", HEAD + "pairs: [{en: s, zh: t}]\n"),
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


@pytest.mark.parametrize("name,text", LOADER_ONLY, ids=[row[0] for row in LOADER_ONLY])
def test_cross_references_are_the_loaders_alone(tmp_path, name, text):
    (tmp_path / "src.txt").write_text("价格下降了97%。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    assert not loader_accepts(path)
    assert validate(yaml.safe_load(text)) == []


# (file, location, problem, found, expected, hint): schema errors, located in the YAML, as the user reads them.
LOCATED = [
    (HEAD + "claims:\n  - {id: a, source: s, figure: '97%', nera: [价格]}\n", "5:39", "unknown key 'nera' in claim #1",
     "nera", "id, claim, source, figure, figures, near, quote, expect, note, skip", "did you mean 'near'?"),
    (HEAD + "claims:\n  - {source: s, figure: '97%'}\n", "5:5", "claim #1 has no `id`", "source, figure",
     "id: A unique slug; the pytest node id is claims.yaml::ID.", ""),
    (HEAD + "claims:\n  - {id: a, source: s, quote: }\n", "5:5", "claim #1 has nothing to check", "id, source, quote",
     "a `figure` or `figures` or `quote`", "an empty `quote:` or `figures: []` is nothing to check"),
    (HEAD + "claims:\n  - {id: a, source: s, figure: '1%', figures: ['2%']}\n", "5:38",
     "claim #1 has both `figure` and `figures`", "", "one of them", "put every figure under `figures:`"),
    (HEAD + "claims:\n  - {id: a, source: s, figure: '97%', expect: supportd}\n", "5:47",
     "`expect` of claim #1 is not one of supported, contradicted, not_found", "'supportd'",
     "supported | contradicted | not_found", "did you mean 'supported'?"),
    (HEAD + "claims:\n  - {id: 'a b', source: s, figure: '97%'}\n", "5:10", "`id` of claim #1 is not in the expected form",
     "'a b'", "A unique slug; the pytest node id is claims.yaml::ID.", ""),
    (HEAD + "claims:\n  - {id: a, source: s, figure: '97%', near: [[价格]]}\n", "5:46",
     "item 1 of `near` of claim #1 must be text or a number", "a list of 1", "text or a number",
     "A word or phrase; a bare number such as 2022 is read as its text."),
    ("sources:\n  s: {path: src.txt, title: [a]}\n", "2:29", "`title` of source 's' must be text or empty",
     "a list of 1", "text or empty", "For people; the checker ignores it."),
    ("sources:\n  s: {path: src.txt, language: zh}\n", "2:22", "unknown key 'language' in source 's'", "language",
     "path, lang, title", "did you mean 'lang'?"),
    ("sources:\n  s: [a]\n", "2:6", "source 's' must be text or a mapping", "a list of 1", "text or a mapping", ""),
    ("version: 2\n", "1:10", "`version` is not one of 1", "'2'", "1", "allowed: 1"),
    ("claims: {a: 1}\n", "1:9", "`claims` must be a list or empty", "a mapping", "a list or empty",
     "The claims to check, one mapping each."),
    (HEAD + "pairs: [{en: s, zh: s, accept: [{en: '1'}]}]\n", "4:33", "item 1 of `accept` of pair #1 has no `reason`",
     "en", "reason: Why the two accounts may differ.", ""),
]


@pytest.mark.parametrize("text,loc,problem,found,expected,hint", LOCATED, ids=[row[2] for row in LOCATED])
def test_schema_errors_are_located_and_say_what_to_fix(text, loc, problem, found, expected, hint):
    [got] = schema_problems(read_tree(text, "claims.yaml"))
    assert (f"{got.loc.line}:{got.loc.col}", got.problem, got.found, got.expected, got.hint) == \
        (loc, problem, found, expected, hint)


def test_a_schema_error_the_loaders_rules_miss_is_reported_by_the_cli(tmp_path, capsys, monkeypatch):
    """A source's `title` is never read by the loader's rules; the schema check still stops a list there."""
    (tmp_path / "src.txt").write_text("价格下降了97%。\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text("sources:\n  s: {path: src.txt, lang: zh, title: [a]}\n"
                                          "claims:\n  - {id: a, source: s, figure: '97%'}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "claims.yaml", "-f", "json"]) == 2
    [result] = json.loads(capsys.readouterr().out)["claims"]
    assert result["verdict"] == "error"
    assert result["error"].splitlines()[0] == "claims.yaml:2:39: `title` of source 's' must be text or empty"
    assert "found:    a list of 1" in result["error"] and "expected: text or empty" in result["error"]


def test_a_file_found_valid_is_not_validated_again_until_it_changes(tmp_path, capsys, monkeypatch):
    """With a cache, a claims file whose exact text passed the schema skips jsonschema on the next run (#16);
    an edited text is validated again, and a text with a problem is never remembered."""
    from verifier.claimsfile import claims as claims_mod
    from verifier.document import cache as cache_mod

    checked = []
    real = claims_mod.schema_problems
    monkeypatch.setattr(claims_mod, "schema_problems", lambda tree: checked.append(1) or real(tree))
    (tmp_path / "src.txt").write_text("价格下降了97%。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    valid = "sources:\n  s: {path: src.txt, lang: zh, title: T}\nclaims:\n  - {id: a, source: s, figure: '97%'}\n"
    monkeypatch.chdir(tmp_path)
    run = ["check", "claims.yaml", "-f", "json", "--cache-dir", str(tmp_path / "cache")]

    def runs(text: str) -> list[tuple[int, int]]:
        path.write_text(text, encoding="utf-8")
        out = []
        for _ in range(2):
            checked.clear()
            out.append((main(run), len(checked)))
            capsys.readouterr()
        return out

    assert runs(valid) == [(0, 1), (0, 0)]
    assert runs(valid.replace("title: T", "title: [a]")) == [(2, 1), (2, 1)]
    assert runs(valid) == [(0, 0), (0, 0)]                # the same bytes as before: still known valid
    (entry,) = (tmp_path / "cache" / "schema").glob("*/*.json")
    data = json.loads(cache_mod.verified_body(entry.read_bytes(), cache_mod.secret_key()))
    entry.write_bytes(cache_mod.sign(json.dumps({**data, "valid": "0" * 64}).encode(), cache_mod.secret_key()))
    checked.clear()
    assert main(run) == 0 and checked == [1]              # an entry for other bytes: validated again
    capsys.readouterr()


def test_schema_is_stricter_only_in_wanting_figures_quoted(tmp_path):
    """README: the schema asks editors for `figure: "5"`, as the docs advise; the loader reads `figure: 5` as
    the text "5", which the schema accepts."""
    (tmp_path / "src.txt").write_text("他们有5个。\n", encoding="utf-8")
    path = tmp_path / "claims.yaml"
    text = HEAD + "claims:\n  - {id: a, source: s, figure: 5}\n"
    path.write_text(text, encoding="utf-8")
    assert loader_accepts(path)
    assert validate(yaml.safe_load(text)) == ["$.claims[0].figure: 5 is not of type 'string'"]
    assert schema_problems(read_tree(text, "claims.yaml")) == []     # the loader's view: the text "5"
