"""A source's `lang:` against the letters of its prose (verifier.document.script).

A wrong `lang:` changes how every claim on the source is read and says nothing: a `zh` text declared `en`
never has a claim's English words looked up in Chinese. When the prose plainly reads as the other language,
the run says so at the `lang:` key: a warning, or, with `strict_lang`, an error for each claim on the source.
"""
from __future__ import annotations

from ..claimsfile.claims import SourceSpec
from ..document.script import EN_AT_MOST, NAMES, ZH_AT_LEAST, contradicts, letter_mix
from ..document.sources import SourceDoc
from ..errors import VerifierError


class LangWarning(VerifierError):
    """A declared `lang:` the source's letters contradict."""

    kind = "lang"


def lang_problem(spec: SourceSpec, doc: SourceDoc, strict: bool = False) -> LangWarning | None:
    """The located message when `spec.lang` is declared and the prose of `doc` reads as the other language."""
    if not spec.lang:
        return None
    mix = letter_mix(doc.layout.masked)
    found = contradicts(mix, spec.lang)
    if not found:
        return None
    if spec.lang == "en":
        expected = f"English prose for `lang: en` (under {ZH_AT_LEAST:.0%} of the letters Chinese)"
        crossing = "English words of a claim are then looked up in Chinese"
    else:
        expected = f"Chinese prose for `lang: zh` (at least {EN_AT_MOST:.0%} of the letters Chinese)"
        crossing = "Chinese words of a claim are then looked up in English"
    hint = f"if `path:` names the right file, write `lang: {found}` ({crossing})"
    if not strict:
        hint += "; strict_lang = true in [tool.verifier] makes this an error"
    where = spec.lang_loc or spec.loc
    prefix, suffix = ("", " (strict_lang)") if strict else ("warning: ", "")
    return LangWarning(where, f"{prefix}source {spec.id!r} is declared `lang: {spec.lang}`, but its text reads as "
                              f"{NAMES[found]}{suffix}",
                       found=mix.described(doc.path),
                       expected=expected, hint=hint, excerpt=spec.lang_excerpt)
