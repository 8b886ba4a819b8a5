"""Bad claims files get file:line:col, what was found, what was expected, and a hint.

One row per mistake the harness issue names; the broader hostile corpus lives in
test_broken_claims.py.
"""
import textwrap

import pytest

from verifier.claimsfile.claims import load_claims
from verifier.errors import ClaimsFileError

HEAD = """\
version: 1
sources:
  s: {path: src.txt, lang: zh}
claims:
"""

# (name, claims body appended to HEAD, fragments the claim's error message must contain)
CLAIM_ERRORS = [
    ("unknown key", "  - id: a\n    source: s\n    figure: '97%'\n    nera: [价格]\n",
     ["claims.yaml:8:5", "unknown key 'nera'", "did you mean 'near'?"]),
    ("missing id", "  - source: s\n    figure: '97%'\n", ["claims.yaml:5:5", "has no id", "expected: id:"]),
    ("comma in a flow value", "  - {id: a, claim: Hertz ordered 100,000 cars, source: s, figure: '100,000'}\n",
     ["unknown key '000 cars'", "a comma ends a value and starts a new key, so put the value in quotes"]),
    ("unknown source", "  - id: a\n    source: t\n    figure: '97%'\n",
     ["claims.yaml:6:13", "unknown source 't'", "found:    t"]),
    ("bad figure", "  - id: a\n    source: s\n    figure: 'lots'\n",
     ["claims.yaml:7:13", "cannot read figure 'lots'", "expected: a figure such as"]),
    ("a version", "  - id: a\n    source: s\n    figure: 'Docker 24.0.0 or later'\n",
     ["claims.yaml:7:13", "is a version, not a quantity", "'24.0.0'", "quote: 'Docker 24.0.0 or later'"]),
    ("a v-version", "  - id: a\n    source: s\n    figure: 'v2.25.1'\n", ["is a version", "'v2.25.1'"]),
    ("bad verdict", "  - id: a\n    source: s\n    figure: '97%'\n    expect: supportd\n",
     ["claims.yaml:8:13", "unknown verdict 'supportd'", "did you mean 'supported'?"]),
    ("nothing to check", "  - id: a\n    source: s\n", ["claims.yaml:5:5", "nothing to check"]),
    ("figure and figures", "  - id: a\n    source: s\n    figure: '1%'\n    figures: ['2%']\n",
     ["both `figure` and `figures`"]),
    ("not a slug", "  - id: 'a b'\n    source: s\n    figure: '97%'\n", ["claims.yaml:5:9", "is not a slug"]),
    ("near not text", "  - id: a\n    source: s\n    figure: '97%'\n    near: {x: 1}\n",
     ["claims.yaml:8:11", "must be a string or a list of strings"]),
]


@pytest.fixture
def workdir(tmp_path):
    (tmp_path / "src.txt").write_text("价格下降了97%。\n", encoding="utf-8")
    return tmp_path


def write(workdir, text):
    path = workdir / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name,body,fragments", CLAIM_ERRORS, ids=[c[0] for c in CLAIM_ERRORS])
def test_claim_level_errors_attach_to_the_claim(workdir, name, body, fragments):
    good = "  - id: good\n    source: s\n    figure: '97%'\n"
    loaded = load_claims(write(workdir, HEAD + body + good))
    broken, fine = loaded.claims
    assert fine.error is None and fine.id == "good"
    message = str(broken.error)
    for fragment in fragments:
        assert fragment in message, message


def test_duplicate_id_fails_the_second_claim_only(workdir):
    body = "  - id: a\n    source: s\n    figure: '97%'\n  - id: a\n    source: s\n    figure: '1%'\n"
    first, second = load_claims(write(workdir, HEAD + body)).claims
    assert first.error is None
    assert "duplicate id 'a'" in str(second.error) and "first at line 5" in str(second.error)
    assert second.id == "a@line8"


def test_missing_source_file_fails_its_claims(workdir):
    text = HEAD.replace("src.txt", "gone.txt") + "  - id: a\n    source: s\n    figure: '97%'\n"
    (claim,) = load_claims(write(workdir, text)).claims
    assert "source file of 's' not found" in str(claim.error)
    assert "claims.yaml:3:13" in str(claim.error)


FILE_ERRORS = [
    ("syntax", HEAD + "  - id: a\n    source: s\n   figure: '97%'\n",
     ["claims.yaml:", "YAML syntax error", "^"]),
    ("tab", HEAD + "  - id: a\n\tsource: s\n", ["claims.yaml:6:1", "tab", "indent with spaces"]),
    ("duplicate key", HEAD + "  - id: a\n    source: s\n    source: s\n    figure: '1%'\n",
     ["claims.yaml:7:5", "duplicate key 'source'", "first at line 6"]),
    ("top-level typo", "version: 1\nclaim:\n  - id: a\n", ["claims.yaml:2:1", "did you mean 'claims'?"]),
    ("list at top", "- id: a\n", ["claims.yaml:1:1", "must be a mapping"]),
    ("python tag", "version: 1\nclaims: !!python/object:os.system {}\n", ["claims.yaml:2:9", "is not allowed"]),
    ("alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                   "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                   "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
     ["too many values", "alias bomb"]),
    ("claims not a list", "version: 1\nclaims: {id: a}\n", ["claims.yaml:2:9", "`claims` must be a list"]),
    ("version", "version: 2\nclaims: []\n", ["claims.yaml:1:10", "unsupported version", "version: 1"]),
]


@pytest.mark.parametrize("name,text,fragments", FILE_ERRORS, ids=[c[0] for c in FILE_ERRORS])
def test_file_level_errors(workdir, name, text, fragments):
    with pytest.raises(ClaimsFileError) as caught:
        load_claims(write(workdir, text))
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message


def test_figures_stay_strings(workdir):
    text = HEAD + "  - id: a\n    source: s\n    figure: 12.50%\n"
    (claim,) = load_claims(write(workdir, text)).claims
    assert claim.figures == ("12.50%",)


def test_source_short_form_and_outside_folder(workdir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "o.txt"
    outside.write_text("97%", encoding="utf-8")
    text = textwrap.dedent(f"""\
        version: 1
        sources:
          short: src.txt
          far: {{path: "{outside}"}}
        claims:
          - {{id: a, source: short, figure: '97%'}}
          - {{id: b, source: far, figure: '97%'}}
        """)
    path = write(workdir, text)
    a, b = load_claims(path).claims
    assert a.error is None
    assert "outside the claims file's folder" in str(b.error) and "--allow-outside" in str(b.error)
    assert load_claims(path, allow_outside=True).claims[1].error is None
