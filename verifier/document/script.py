"""Which script a source's prose is written in: Han characters against Latin letters.

A source's `lang:` decides how the checker reads it: a claim's English words are looked up in Chinese
(glossary, CC-CEDICT) only for a `zh` source, and the reverse for an `en` one. A wrong `lang:` is therefore
silent: `near: [shippers]` finds nothing in a Chinese text declared `en`. The letters of the prose tell the
truth: the text the number engine reads (code, URLs, HTML tags and attributes, image text blanked by
`markdown.read_layout`), its Han characters counted against its Latin letters.

A text written in one language is far from the middle; a bilingual text is not. Measured with
`python bench/bench_lang.py` on every text we hold (seeds/, bench/heldout/*, external_suites/texts and
external_suites/bilingual: 62 English and 67 Chinese texts when written, by the `lang:` the bench's claims give
them or their names, and each of the 25 README pairs joined into one bilingual file), the share of Han among the
letters is

* English texts: 0.0% to 5.2% (`yi/en.md`, which quotes Chinese prompts); the English notes that describe a
  Chinese-English test set reach 9.2%;
* bilingual files (an English README and its Chinese one, joined): 12.3% to 32.9% (`yuan-2.0`);
* Chinese READMEs: 35.4% (`cogview4/README_zh.md`, half of it English names and tables) to 73%; Chinese news
  and articles: 73% to 100%. A Chinese blog post that quotes an English earnings call reads 44%.

A declared `en` is questioned from ZH_AT_LEAST (half the letters Chinese: no English or bilingual text comes
within 17 points of it; every Chinese article is above it, a Chinese README half in English may stay below), a
declared `zh` under EN_AT_MOST (no Chinese or bilingual text comes within 7 points). In between a text is
mixed, and no `lang:` is questioned: zero false warnings on those texts. Under MIN_LETTERS letters (a short
paragraph) nothing is judged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
# Latin letters: ASCII, Latin-1 and Latin Extended-A/B (not × ÷), full-width A-Z.
_LATIN = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\uff21-\uff3a\uff41-\uff5a]")

ZH_AT_LEAST = 0.50       # a declared `en` is questioned from this share of Han letters
EN_AT_MOST = 0.05        # a declared `zh` is questioned below it
MIN_LETTERS = 200        # fewer letters than a short paragraph: too little to judge


@dataclass(frozen=True)
class LetterMix:
    """How many Han characters and Latin letters a text's prose holds."""

    han: int
    latin: int

    @property
    def letters(self) -> int:
        return self.han + self.latin

    @property
    def han_share(self) -> float:
        return self.han / self.letters if self.letters else 0.0

    def reads_as(self, min_letters: int = MIN_LETTERS) -> str:
        """'zh', 'en', 'mixed' (both languages, or a Chinese text half in English names), or '' (too short)."""
        if self.letters < min_letters:
            return ""
        if self.han_share >= ZH_AT_LEAST:
            return "zh"
        return "en" if self.han_share < EN_AT_MOST else "mixed"

    def described(self, where: str = "") -> str:
        """'97% of the letters in a.md are Chinese (2,838 Han, 81 Latin; code, URLs and markup not counted)'."""
        share = self.han_share * 100
        shown = f"{share:.0f}" if share >= 1 or share == 0 else f"{share:.1f}"
        return (f"{shown}% of the letters{f' in {where}' if where else ''} are Chinese ({self.han:,} Han, "
                f"{self.latin:,} Latin; code, URLs and markup not counted)")


def letter_mix(prose: str) -> LetterMix:
    """Han characters and Latin letters of `prose` (a text with its non-prose blanked: `layout.masked`)."""
    return LetterMix(len(_HAN.findall(prose)), len(_LATIN.findall(prose)))


NAMES = {"en": "English", "zh": "Chinese"}


def contradicts(mix: LetterMix, declared: str) -> str:
    """The language the letters read as when it contradicts `declared` ('en' or 'zh'), else ''."""
    found = mix.reads_as()
    return found if found in NAMES and declared in NAMES and found != declared else ""
