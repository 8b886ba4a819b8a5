"""What a count counts: 5款大模型 counts models, 超过690万开发者 developers.

A claim "BlueLM comprises five models" must meet 共5款大模型, not 三个参数量级 in
the same sentence. The number engine gives units only to nouns it knows
(parameters, tokens); for every other count the checker looks at the words
right after the figure, on both sides, through the glossary: when the source
names the claim's noun after some figure, only such figures are evidence, the
way a figure of the claim's unit beats a bare number.
"""
from __future__ import annotations

import re

from ..document.glossary import Glossary
from ..document.memo import find_figures
from ..numbers.figure import Figure
from ..numbers.lexicon import CLASSIFIER_CHARS
from ..numbers.patterns import CLAUSE_BREAK

# English nouns a news claim counts, as the glossary spells them (it knows their Chinese forms).
COUNTED_NOUNS = ("models", "model", "large model", "users", "user", "developers", "developer", "devices", "device",
               "phones", "phone", "smartphones", "smartphone", "chips", "chip", "robots", "robot", "households",
               "household", "cars", "car", "companies", "company", "startups", "speakers", "guests", "viewers",
               "audience", "downloads", "datasets", "dataset")
_NOUNS = frozenset(COUNTED_NOUNS)
_AFTER = re.compile(r"[A-Za-z][A-Za-z\-]*|[\u3400-\u9fff]+")
_WORD = re.compile(r"[A-Za-z]+")
_WINDOW = 24          # characters after a figure that may name what it counts
_HEAD_REACH = 4       # a Chinese noun starts within this many characters after the classifier
_BEFORE_REACH = 6     # ... or ends this close before the figure (a verb between: 达到, 达): 用户数达到1370万


def claim_noun(claim_text: str, figure_text: str, claimed: Figure, glossary: Glossary) -> frozenset[str]:
    """Folded forms of the noun the claim counts with `claimed` ('5 models' -> model, 模型 ...), or empty."""
    if claimed.kind != "count" or claimed.unit:
        return frozenset()
    chinese = _chinese_nouns(glossary)
    both = figure_text + " " + claim_text
    if not any(_is_count_noun(w) for w in _WORD.findall(both)) and not any(c in both for c in chinese):
        return frozenset()          # the cheap test first: most claims name no noun we know
    for text in (figure_text, claim_text):
        for fig in find_figures(text) if text is claim_text else [_first(text)]:
            if fig is None or (fig.low, fig.high) != (claimed.low, claimed.high):
                continue
            for k, word in enumerate(_AFTER.findall(text[fig.end:fig.end + _WINDOW])[:2]):
                # English may put an adjective first (five large models); a Chinese noun follows the number
                # itself, after its classifier (5款大模型), so only the first run of characters counts.
                variants = _known(word, glossary) or (_known_chinese(word, chinese) if k == 0 else frozenset())
                if variants:
                    return variants
    return frozenset()


_UNIT_CONTEXT = {"parameter": ("parameter", "model")}      # words that let a bare count speak of the unit


def count_evidence(doc, eligible: list[tuple], target: Figure, noun: frozenset[str], glossary: Glossary) -> list:
    """The (Found, side) candidates that count what the claim counts.

    A unit the engine knows (100亿参数) beats a bare number elsewhere (两款), and a bare number speaks of
    parameters only in a sentence about parameters or models (千亿多模态大模型; 用户数达到1370万 counts
    users). For other nouns ('5 models'), figures naming the noun after them (5款大模型) beat the rest, and a
    figure counting another thing we know (三个参数量级, 690万开发者) is no evidence at all."""
    if target.kind == "count" and target.unit:
        if any(f.figure.unit == target.unit for f, _ in eligible):
            eligible = [(f, side) for f, side in eligible if f.figure.unit]
        else:
            words = {w for term in _UNIT_CONTEXT.get(target.unit, (target.unit,)) for w in glossary.variants(term)}
            eligible = [(f, side) for f, side in eligible if f.figure.unit or any(
                w in doc.index.folded_sentence(f.sentence) for w in words)]
    if not noun:
        return eligible
    counted = [(f, side, (frozenset(glossary.variants(f.figure.unit)), frozenset()) if f.figure.unit
                else figure_noun(doc.text, f.figure.start, f.figure.end, glossary)) for f, side in eligible]
    named = [(f, side) for f, side, (after, _) in counted if after & noun]
    return named or [(f, side) for f, side, (after, before) in counted
                     if not (after or before) or (after or before) & noun]


def figure_noun(text: str, start: int, end: int, glossary: Glossary) -> tuple[frozenset[str], frozenset[str]]:
    """Forms of the noun a source figure counts, where a word we know names it: (after, before).

    After: the noun that follows the figure (5款大模型, 6.9 million developers). Before: the noun that ends
    right before it, a verb at most between (模型接近5万个, 用户数达到1370万): weaker, since a topic may stand
    there too (蓝心大模型包含十亿…), so it only tells what a figure does *not* count."""
    chinese = _chinese_nouns(glossary)
    after: frozenset[str] = frozenset()
    for k, word in enumerate(_AFTER.findall(text[end:end + _WINDOW])[:2]):
        after = _known(word, glossary) or (_known_chinese(word, chinese) if k == 0 else frozenset())
        if after:
            break
    before_text = text[max(0, start - _BEFORE_REACH - 4):start]
    marks = list(CLAUSE_BREAK.finditer(before_text))
    if marks:
        before_text = before_text[marks[-1].end():]
    before: frozenset[str] = frozenset()
    for m in _WORD.finditer(before_text):
        if _is_count_noun(m.group()) and len(before_text) - m.end() <= _BEFORE_REACH:
            before = frozenset(glossary.variants(m.group()))
    for form, variants in chinese.items():
        at = before_text.rfind(form)
        if at >= 0 and len(before_text) - (at + len(form)) <= _BEFORE_REACH - 2:
            before = before | variants
    return after, before


def _is_count_noun(word: str) -> bool:
    key = word.lower()
    return key in _NOUNS or key.rstrip("s") in _NOUNS


def _known(word: str, glossary: Glossary) -> frozenset[str]:
    return frozenset(glossary.variants(word)) if _is_count_noun(word) else frozenset()


_CHINESE: dict[int, tuple[Glossary, dict[str, frozenset[str]]]] = {}


def _chinese_nouns(glossary: Glossary) -> dict[str, frozenset[str]]:
    """Chinese form -> every form of its noun (模型 -> models, model, 模型), once per glossary."""
    cached = _CHINESE.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        table: dict[str, frozenset[str]] = {}
        for noun in COUNTED_NOUNS:
            variants = frozenset(glossary.variants(noun))
            for v in variants:
                if v and v[0] >= "\u3400":
                    table[v] = table.get(v, frozenset()) | variants
        cached = _CHINESE[id(glossary)] = (glossary, table)
    return cached[1]


def _known_chinese(word: str, chinese: dict[str, frozenset[str]]) -> frozenset[str]:
    """个模型, 款大模型, 位开发者, 家大模型公司: after a classifier, the nouns written in the next few characters
    (a compound names its modifier before its head: 大模型公司 are companies, and count as models too)."""
    if not word or word[0] < "\u3400":
        return frozenset()
    if word[0] in CLASSIFIER_CHARS:
        word = word[1:]
    found: frozenset[str] = frozenset()
    for form, variants in chinese.items():
        at = word.find(form, 0, _HEAD_REACH + len(form))
        if at >= 0:
            found |= variants
    return found


def _first(text: str) -> Figure | None:
    found = find_figures(text)
    return found[0] if found else None
