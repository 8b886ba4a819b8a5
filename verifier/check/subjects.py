"""Whom a figure is about: the names around it, so a claim about GM is not supported by Ford's $11 billion.

A claim that names a subject the source writes (GM, Intel, 广东, 榆林) is about that subject. A figure whose
paragraph never names it, while its own sentence or paragraph names someone else (Ford is investing $11
billion…; 神木市…财政总收入同比增长73.7%), is that other subject's figure: no evidence for the claim. A name
the document opens with (its title, its first paragraph: Rivian in an article about Rivian) is what every
paragraph is about, and is never required again. Where the figure's paragraph names no one, nothing is said.
"""
from __future__ import annotations

import re

from ..document.text import STOPWORDS, contains, fold_spaced
from ..document.scope import label_line

# An English name: a capitalised word (or a run of them) that is not the first word of its sentence, or a
# name with digits in it (CogVLM-17B, H100); two-letter acronyms (BF16's BF, Q4) name no subject.
_LATIN_NAME = re.compile(r"(?<![A-Za-z\d.\-_])(?:[A-Za-z][A-Za-z\d.\-_]*\d[A-Za-z\d.\-_]*[A-Za-z\d]|[A-Z][a-z]+[A-Za-z]*"
                         r"|[A-Z]{3,}[a-z]*)(?![A-Za-z\d\-_])")
# A name followed by a verb of saying is who speaks (Biden said…, 国家统计局表示), not whose the figure is.
_SPEAKS = re.compile(r"['’]?\s*(?:said|says|told|tells|called|calls|announced|announces|noted|notes|added|stated|"
                     r"claimed|claims|wrote|writes|reported|reports|estimated|estimates|表示|称|指出|说|介绍|透露|宣布|预计)")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# What may stand before the first word of a sentence, a heading, a list item or a label ('- **Tokenization**: ').
_STARTS = re.compile(r"(?:^|[:;.!?—–\-•*(\[>|])[\s*_\"'“‘(\[]*$")
_SENTENCE_FIRST = re.compile(r"^[\W\d_]*([A-Za-z]+)")
_NOT_NAMES = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday the this that these those it its in on at for and but or
however meanwhile according overall total as by with from of to our we they he she his her their if when while
thousand million billion trillion percent hundred
""".split())
_OPENING_SENTENCES = 3      # the title and the first sentences: what the whole document is about
_RECENT = 4                 # sentences before a figure in which a subject, once named, is still the subject
_BLOCK_TAG = re.compile(r"^\s*</?(?i:p|div|li|ul|ol|tr|h[1-6]|section|article|blockquote|figure|table)\b[^<>]*>\s*$")


def claim_subjects(doc, claim_text: str, figure_texts, terms, present) -> tuple:
    """(word, forms) of the claim's subjects: its names that the source writes, standing before its first figure
    (GM is investing $11 billion; 榆林市…增长73.7%; not '1T tokens of Chinese and English'), and not a period
    (Q4, H2) nor the letters of a code (BF16's BF), which say which variant, not whose figure. A capitalised
    first word is a name when the source never writes it in lower case (Samsung accounted for…)."""
    from ..document.scope import in_claim
    first = min((at for at in (in_claim(claim_text, f)[0] for f in figure_texts) if at >= 0), default=-1)
    if first < 0:
        return ()
    opening = _SENTENCE_FIRST.match(claim_text)
    lead = opening.group(1).casefold() if opening else ""
    lead_is_name = bool(lead) and claim_text[opening.start(1)].isupper() and _uncommon(lead, _lower_words(doc))
    folded = claim_text.casefold()
    return tuple((t.word, t.forms) for t, here in zip(terms, present)
                 if here and (t.name or (t.word.casefold() == lead and lead_is_name))
                 and 0 <= folded.find(t.word.casefold()) < first
                 and not _SPEAKS.match(claim_text, folded.find(t.word.casefold()) + len(t.word))
                 and not re.fullmatch(r"[A-Z]\d+", t.word)
                 and not re.search(rf"(?<![A-Za-z]){re.escape(t.word)}\d", claim_text))


def _uncommon(word: str, lower_words: frozenset[str]) -> bool:
    """A capitalised first word that is a name: the source never writes it in lower case, and it is no common
    English word (Among, Fewer), unless the dictionary knows it as a name (Samsung)."""
    if word in lower_words or word in _NOT_NAMES or word in STOPWORDS:
        return False
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is None or found.is_proper(word):
        return True
    return not found.knows(word) and not word.endswith("ly")     # Notably, Additionally: adverbs


def names_in(text: str, lower_words: frozenset[str] = frozenset()) -> set[str]:
    """Folded proper names of a span of source text. A capitalised word that starts a sentence, a label or an
    item is a name only when it is uncommon (Ford, not That or Notably)."""
    out = set()
    for match in _LATIN_NAME.finditer(text):
        word = match.group()
        if word.lower() in _NOT_NAMES:
            continue
        if _STARTS.search(text, 0, match.start()) and not _uncommon(word.lower(), lower_words):
            continue             # a capitalised first word (That, Notably, Based on…) is a name only if uncommon
        out.add(fold_spaced(word).strip())
    from ..document.lexicon import lexicon
    found = lexicon()
    if found is not None:
        out.update(name for run in _HAN_RUN.findall(text) for name in found.names_in(run))
    return out


def other_subject(doc, found, claim_names: list[tuple[str, frozenset[str]]], context: str, claim_text: str) -> str:
    """The name the source gives as the figure's subject where that is not one of the claim's names (word,
    folded forms) the document writes, nor any name the claim (`claim_text`, folded) writes; '' when the figure
    may be the claim's.

    The figure's subject is a name before it in its own sentence (Ford is investing $11 billion); else, where
    the claim's name stands nowhere in the sentences just before (a subject stays named for a while, across
    paragraphs: 海南省…19.8%。…仅次于湖北省…。这一数据还高出全国1.5个百分点), a name of its paragraph
    (神木市…。1-11月，全市财政总收入…增长73.7%)."""
    if not claim_names:
        return ""
    sentence = fold_spaced(doc.sentence_text(found.sentence))
    unnamed = [(word, forms) for word, forms in claim_names
               if not any(writes_name(sentence, f) or writes_name(context, f) for f in forms)]
    if len(unnamed) < len(claim_names):
        return ""                # the sentence names one of the claim's subjects (Ethernet's share of Top500…)

    def others(names) -> list[str]:
        return _others(names, claim_names, claim_text)

    missing = [(word, forms) for word, forms in unnamed if not any(writes_name(_opening(doc), f) for f in forms)]
    if not missing:
        return ""                # the document's own subject (Rivian in an article about Rivian)
    start = doc.sentences[found.sentence][0]
    before = others(names_in(doc.text[start:found.figure.start], _lower_words(doc)))
    if before:
        return f"{before[0]}, where the claim names {missing[0][0]}"
    window = fold_spaced(" ".join(doc.sentence_text(i) for i in range(max(found.sentence - _RECENT, 0), found.sentence)))
    if any(writes_name(window, f) for _, forms in missing for f in forms):
        return ""
    first = paragraph_start(doc, found.sentence)
    label = label_line(doc, found.sentence)       # **北美地区** over its bullets names their subject
    first = label if 0 <= label < first else first
    around = others(n for i in range(first, found.sentence + 1) for n in _sentence_names(doc, i))
    return f"{around[0]}, where the claim names {missing[0][0]}" if around else ""


def other_variant(doc, found, claim_text: str) -> str:
    """A claim's run of capitalised words (the M2 MacBook Air) where the figure's sentence, before the figure,
    gives the same name another next word (MacBook Pro starts at $1299) and never the claim's: another product,
    model or body of the same name. Returns the sentence's run, or ''."""
    claimed = _runs(claim_text)
    if not claimed:
        return ""
    start = doc.sentences[found.sentence][0]
    before = doc.text[start:found.figure.start]
    given = _runs(before)
    for run in claimed:
        if " ".join(run) in " ".join(before.split()):
            continue
        for other in given:
            for i, word in enumerate(other[:-1]):
                if word in run and run.index(word) + 1 < len(run) and run[run.index(word) + 1] != other[i + 1]:
                    return f"{' '.join(other)}, where the claim names {' '.join(run)}"
    return ""


_RUN_WORD = re.compile(r"[A-Z][\w-]*|[a-z]*\d[\w-]*")
_NUMBER_WORD = re.compile(r"\d[\d.,]*(?:st|nd|rd|th|s)?")      # 2021, 6th, 1990s: a figure, not part of a name


def _runs(text: str) -> list[list[str]]:
    """The runs of two or more capitalised (or numbered) words of a text: M2 MacBook Air, Bank of England's."""
    out, current = [], []
    for token in text.split():
        word = token.strip(".,;:!?()\"'“”’")
        if _RUN_WORD.fullmatch(word) and not _NUMBER_WORD.fullmatch(word) and not (
                current == [] and word.lower() in _NOT_NAMES):
            current.append(word)
            if not re.search(r"[.,;:!?)]$", token):
                continue             # a comma ends the run: At Alibaba, MNN…
        if len(current) >= 2:
            out.append(current)
        current = []
    if len(current) >= 2:
        out.append(current)
    return out


def table_subject(doc, cell, claim_names, claim_text: str) -> str:
    """For a table cell, what `other_subject` is for a figure of prose: the name the words just above the table
    give as its subject (以Chinese-LLaMA-2-7B为例，对比不同精度下的模型大小…) where the claim names another and
    neither the cell's row and column, the table's header nor the headings above name the claim's."""
    if not claim_names:
        return ""
    table = doc.layout.tables[cell.table]
    labels = fold_spaced(" ".join((cell.row_label, cell.col_header, *table.headers, *doc.layout.section_of(table.start))))
    if any(writes_name(labels, f) for _, forms in claim_names for f in forms):
        return ""
    above = doc.sentence_index(max(table.start - 1, 0))
    while above > 0 and not doc.sentence_text(above).strip():
        above -= 1
    first = paragraph_start(doc, above)
    caption = " ".join(doc.sentence_text(i) for i in range(first, above + 1)) if table.start > 0 else ""
    folded = fold_spaced(caption)
    missing = [(word, forms) for word, forms in claim_names if not any(writes_name(folded, f) for f in forms)]
    if not missing:
        return ""
    # the words above a table name benchmarks and measures too (PPL, C-Eval): only a name of the claim's own
    # shape (a model with its size, a place) can be the table's subject, nearer than the document's opening
    shaped = {any(ch.isdigit() for ch in f) for _, forms in missing for f in forms}
    others = [n for n in _others(names_in(caption, _lower_words(doc)), claim_names, claim_text)
              if any(ch.isdigit() for ch in n) in shaped]
    return f"{others[0]}, where the claim names {missing[0][0]}" if others else ""


def _others(names, claim_names, claim_text: str) -> list[str]:
    """The names, sorted, that neither the claim's text writes nor are one of its names (or their adjective)."""
    claimed = {f for _, forms in claim_names for f in forms}
    return sorted(n for n in names if n and not writes_name(claim_text, n)
                  and not any(f and _same_name(f, n) for f in claimed))


def _same_name(a: str, b: str) -> bool:
    """One name, or a name and its adjective (canada, canadian; china, chinese; 广东, 广东省); not two models
    (qwen-7b, qwen-72b)."""
    if a in b or b in a:
        return True
    if not (a.isalpha() and b.isalpha()):
        return False
    shorter = min(len(a), len(b))
    common = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), shorter)
    return common >= 4 and common >= shorter - 1


def writes_name(text: str, name: str) -> bool:
    """Does `text` (folded) write `name` or its adjective as a word?"""
    if contains(text, name):
        return True
    return len(name) >= 5 and name.isascii() and name.isalpha() and any(
        _same_name(name, word) for word in re.findall(r"[a-z]{4,}", text) if word[:3] == name[:3])


def paragraph_start(doc, sentence: int) -> int:
    """Index of the first sentence of the paragraph holding `sentence`: after a blank line or an HTML block
    tag standing alone."""
    i = sentence
    while i > 0:
        start, _ = doc.sentences[i]
        before_start, before_end = doc.sentences[i - 1]
        gap = doc.text[before_start:start]
        if "\n\n" in doc.text[before_end - 1:start + 1] or _BLOCK_TAG.match(gap) or gap.strip().startswith("#"):
            break
        i -= 1
    return i


def _sentence_names(doc, index: int) -> set[str]:
    cache = doc.__dict__.setdefault("_sentence_names", {})
    if index not in cache:
        cache[index] = names_in(doc.sentence_text(index), _lower_words(doc))
    return cache[index]


def _lower_words(doc) -> frozenset[str]:
    if "_lower_words" not in doc.__dict__:
        doc.__dict__["_lower_words"] = frozenset(re.findall(r"(?<![A-Za-z])[a-z]+", doc.text))
    return doc.__dict__["_lower_words"]


def spaced_text(doc) -> str:
    """The whole source, text.fold_spaced (words kept apart), made once."""
    if "_spaced_text" not in doc.__dict__:
        doc.__dict__["_spaced_text"] = fold_spaced(doc.text)
    return doc.__dict__["_spaced_text"]


def _opening(doc) -> str:
    if "_opening" not in doc.__dict__:
        prose = [i for i in range(len(doc.sentences)) if doc.sentence_text(i).strip()
                 and not _BLOCK_TAG.match(doc.sentence_text(i))][:_OPENING_SENTENCES]
        doc.__dict__["_opening"] = fold_spaced(" ".join(doc.sentence_text(i) for i in prose))
    return doc.__dict__["_opening"]
