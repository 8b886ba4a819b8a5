"""Hints for a claim that failed: what to fix, not only what went wrong.

Read after the verdict (checking.py decides; this only explains), for claims
that do not meet their `expect`:

* each `near` word: in how many sentences it stands, and if in none, what the
  glossary and CC-CEDICT offered for it (`demand: no translation known`);
* the closest candidate of the claim's kind and unit: the figure a person most
  likely meant ("did you mean 22个月 at a.txt:15:8?"), preferring sentences that
  hold near words, then the nearest value; when it holds the claim's very value, why it was set aside (the
  reason's own words: 'a starting value', 'about 2019'), never a guess that its sentence is about something else.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .claimwords import term_forms
from ..document.scope import scope_of
from ..document.text import fold


def hints(claim, doc, glossary, result) -> tuple[str, ...]:
    out = []
    if claim.near:
        out += near_hints(claim.near, doc, glossary)
    if result.verdict in ("not_found", "contradicted") and claim.parsed:
        closest = closest_candidate(claim, doc, glossary, result)
        if closest:
            out.append(closest)
    return tuple(out)


def near_hints(words, doc, glossary) -> list[str]:
    """One line per near word that no sentence of the figures' sentences shares with the others."""
    forms = tuple(glossary.variants(w) | extra for w, extra in zip(words, term_forms(words, doc.lang, glossary)))
    if len(words) > 0 and doc.index.sentences_with_all(forms):
        return []
    lines = []
    for word, variants in zip(words, forms):
        hits = doc.index.sentences_with_all((variants,))
        if hits:
            lines.append(f"near word {word!r}: in {len(hits)} sentence(s), but never with the others")
            continue
        own = sorted(v for v in glossary.variants(word) if v != fold(word))
        crossed = sorted(variants - set(glossary.variants(word)))
        tried = ", ".join((own + crossed)[:8])
        source = "glossary" if own else "no glossary entry"
        lines.append(f"near word {word!r}: found nowhere in the source; tried {tried or 'only the word itself'} "
                     f"({source}; CC-CEDICT {'offered ' + str(len(crossed)) if crossed else 'had nothing'}) — "
                     f"add `glossary: {{{word}: [WORD AS THE SOURCE WRITES IT]}}`, or check "
                     f"`verifier glossary {word}`")
    return lines


def closest_candidate(claim, doc, glossary, result) -> str:
    """'did you mean X at path:line:col?' for the comparable figure the claim most likely meant."""
    shown = {(e.line, e.col) for e in result.found}
    near = [glossary.variants(w) for w in claim.near]
    best = None
    for fig in claim.parsed:
        for found in doc.index.candidates(fig):
            sentence = doc.index.folded_sentence(found.sentence) or ""
            named = sum(any(v and v in sentence for v in variants) for variants in near)
            rank = (-named, _distance(fig, found.figure))
            if best is None or rank < best[0]:
                best = (rank, found)
    if best is None or (best[1].line, best[1].col) in shown:
        return ""               # the evidence shown is already the closest figure
    found = best[1]
    text, value = found.figure.text.strip(), found.figure.value_text()
    read = f" ({value})" if value and value != text else ""          # 22个月 (22 month); 23.6% as it is
    where = f"{doc.path}:{found.line}:{found.col}"
    if best[0][1] == 0:          # the very value the claim gives: not a typo, its sentence was set aside
        why = set_aside_as(result.reason, where) or ("a starting value" if scope_of(doc, found).baseline else "")
        if why:                  # the checker's reason says why: the hint repeats it, with what to do
            fix = SET_ASIDE_FIXES.get(why, "if the claim means that, say so in its words (the year, the base, "
                                           "the part); if not, the source does not give the claim's figure")
            return f"the source gives {text}{read} at {where}, but the checker set it aside as {why}: " + \
                fix.format(text=text)
        if result.verdict == "contradicted" and result.found:      # the checker took another figure as the claim's
            taken = result.found[0]
            return (f"the source gives {text}{read} at {where} too, but the checker took {taken.figure.strip()} at "
                    f"{taken.where} as the figure the claim is about: if the claim means {text}, say in its words "
                    "what sets it apart (its year, row, list item or subject); if not, correct the figure")
        if claim.near:
            sentence = doc.index.folded_sentence(found.sentence) or ""
            forms = [glossary.variants(w) | extra for w, extra in zip(claim.near, term_forms(claim.near, doc.lang,
                                                                                            glossary))]
            lacking = [f"{w} (looked for: {', '.join(sorted(f - {w})[:6]) or w})"
                       for w, f in zip(claim.near, forms) if not any(v and v in sentence for v in f)]
            if not lacking:
                return (f"the source gives {text}{read} at {where}, with the `near` words, but the checker set it "
                        "aside (the `why:` says for what)")
            return (f"the source gives {text}{read} at {where}, but its sentence lacks the `near` word "
                    f"{'; '.join(lacking)}: add the word the source uses to `glossary:`, or drop it from `near:`")
        shared = _claim_words_in(claim, doc, glossary, found)
        if shared:          # the sentence does speak of it: some other rule (what it counts, its part) set it aside
            return (f"the source gives {text}{read} at {where}, in a sentence with the claim's words "
                    f"({', '.join(shared[:3])}), but the checker did not take it as the claim's figure (what it "
                    "counts or the part it is about may differ): if it is the one meant, add `near:` words from its "
                    "clause")
        return (f"the source gives {text}{read} at {where}, but its sentence does not speak of what the claim "
                "does: write the subject as the source names it, or add `near:`")
    return f"did you mean {text}{read} at {where}?"


def _claim_words_in(claim, doc, glossary, found) -> list[str]:
    """The claim's own words (as it writes them) that stand in the sentence of `found`."""
    from .claimwords import claim_terms
    sentence = doc.index.folded_sentence(found.sentence) or ""
    terms = claim_terms(claim.claim, claim.figures, doc.lang, glossary) if claim.claim.strip() else ()
    return [t.word for t in terms if not t.when and any(f and f in sentence for f in t.forms)]


SET_ASIDE_FIXES = {
    "a starting value": "the value changed from {text} to another, so a claim that it rose or fell to {text} is "
                        "wrong; if the claim means the start, write it so ('fell from {text}')",
}


def set_aside_as(reason: str, where: str) -> str:
    """Why the checker's reason set aside the figure at `where` ('a starting value' in '…: 19% (a.txt:1:54, a
    starting value)'), else ''."""
    marker = f" appears at {where} but is "      # the lead of a reason unfound_reason wrote
    at = reason.find(marker)
    if at >= 0:
        rest = reason[at + len(marker):]
        ends = [i for i in (rest.find("; "), rest.find(", not the claim's")) if i >= 0]
        return rest[:min(ends, default=len(rest))]
    start = reason.find(f"({where}, ")
    if start < 0:
        return ""
    start += len(where) + 3
    depth = 0
    for i in range(start, len(reason)):
        if reason[i] == "(":
            depth += 1
        elif reason[i] == ")":
            if not depth:
                return reason[start:i]
            depth -= 1
    return ""


def _distance(a, b) -> Decimal:
    if a.value is None or b.value is None:
        return Decimal(10 ** 9)
    try:
        return abs(a.value - b.value) / (abs(a.value) + abs(b.value) or 1)
    except Exception:  # noqa: BLE001 - dates and odd values: no distance, last in line
        return Decimal(10 ** 9)


def unfound_reason(claimed_fig, doc, claimed, has_near: bool, weak_match, out_of_scope: list, set_aside: list) -> str:
    """The reason for a claim figure with no evidence. Where the claim's very value stands in the source but was
    set aside for its scope (another period, a starting value, another row, list item or clause), the reason
    says that first, where and why ('12% appears at s.md:1:14 but is about 2019, not the claim's 2021'): never
    'no figure like 12%' over a hint that cites 12%. `out_of_scope`: (Found, why) the scope rules set aside;
    `set_aside`: Found the near words' binding set aside; `weak_match`: the value in a sentence about another
    thing."""
    value = claimed_fig.value_text()
    aside = [*out_of_scope, *((found, "") for found in set_aside)]
    same = [(found, why) for found, why in aside if _distance(claimed_fig, found.figure) == 0]
    if weak_match is not None:
        reason = (f"{weak_match.figure.text} ({doc.path}:{weak_match.line}:{weak_match.col}) has the claim's value, "
                  + (f"but the source never names {', '.join(claimed.absent_names)}: scope not established"
                     if claimed.absent_names else "but its sentence shares none of the claim's words: scope not "
                                                  "established"))
        if not claimed.bindable:
            reason += " (none of the claim's words stands anywhere in the source: give near words or a glossary entry)"
    elif same:
        reason = "; ".join(_appears(doc, found, why, claimed) for found, why in same[:2])
        if len(same) > 2:
            reason += f"; and {len(same) - 2} more place(s) with {value}, set aside alike"
        return reason + f"; no other figure like {value} in the source" + (" near the given words" if has_near else "")
    else:
        reason = f"no figure like {value} in the source" + (" near the given words" if has_near else "")
    if out_of_scope:
        shown = ", ".join(f"{f.figure.text} ({doc.path}:{f.line}:{f.col}, {why})" for f, why in out_of_scope[:2])
        reason += f"; set aside, as about another period or a starting value: {shown}" + \
            (f" and {len(out_of_scope) - 2} more" if len(out_of_scope) > 2 else "")
    if set_aside:
        # Say what the near words' sentences do hold, so a person can see why it does not count.
        shown = ", ".join(f"{f.figure.text} ({doc.path}:{f.line}:{f.col})" for f in set_aside[:2])
        reason += (f"; set aside, as the near words speak of another subject or clause: {shown}"
                   + (f" and {len(set_aside) - 2} more" if len(set_aside) > 2 else ""))
    return reason


def _appears(doc, found, why: str, claimed) -> str:
    """'12% appears at s.md:1:14 but is about 2019, not the claim's 2021': the claim's value, where it stands and
    what it is about (`why` from the scope rules; '' where the near words bind another clause)."""
    text, read = found.figure.text.strip(), found.figure.value_text()
    read = f" ({read})" if read and read != text else ""
    head = f"{text}{read} appears at {doc.path}:{found.line}:{found.col} but "
    if not why:
        return head + "the near words speak of another subject or clause there"
    years = sorted(getattr(claimed, "years", ()) or ())
    contrast = f", not the claim's {', '.join(years)}" if years and _ABOUT_YEARS.fullmatch(why) else ""
    return head + f"is {why}{contrast}"


_ABOUT_YEARS = re.compile(r"about \d{4}(?:, \d{4})*")
