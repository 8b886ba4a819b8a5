"""Every currency, from CLDR: ISO 4217 codes, English and Chinese names, and symbols (issue 12).

The tables come from babel (which carries CLDR) through `python -m verifier.numbers.currencies`, which
writes currencies.json next to this file; the engine loads that JSON so that no run pays for opening
230 CLDR locales, and tests/test_currencies.py checks the file is exactly what babel gives today.
Our conventions, which CLDR cannot decide, stay in lexicon.CURRENCY_AFTER/BEFORE and win over these:
a bare '$' or 'dollars' is USD, '¥' is CNY, 元/块 are CNY.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("currencies.json")

# Codes that are also words or names in upper-case English and tech text (TOP 10, PHP 8, AMD 7nm,
# CVE-2024, TRY AGAIN): read as a currency only with a currency word, never as a bare code.
WORD_CODES = frozenset("ALL AMD BAM BOB CUP CVE ESP GEL MAD MOP PEN PHP SOS STD TOP TRY SIT ROL NAD "
                       "LAK MRO GMD EEK BOV ANG AOA FIM".split())
# X-codes are funds, metals and test codes; only the four regional currencies are money.
X_MONEY = frozenset({"XAF", "XOF", "XCD", "XPF"})


def _symbol_ok(sym: str, code: str) -> bool:
    """A symbol we can read after or before a number: not the code itself, not one bare letter (R, K, L, P)."""
    sym = sym.strip().replace("\u200f", "").replace("\u200b", "")
    is_code = len(sym) == 3 and sym.isupper() and sym.isalpha()      # en writes ILS for the old shekel ILR
    return bool(sym) and not is_code and not (len(sym) == 1 and sym.isalpha()) and not sym.isdigit()


def generate() -> dict:
    """The tables from babel's CLDR: {'codes', 'names', 'symbols'}, every key mapped to one ISO code."""
    from babel import Locale
    from babel.core import get_global
    from babel.languages import get_official_languages
    from babel.numbers import get_currency_name, get_territory_currencies

    en, zh, hant = Locale("en"), Locale("zh"), Locale("zh_Hant")
    codes = sorted(c for c in en.currencies if len(c) == 3 and c.isupper()
                   and (not c.startswith("X") or c in X_MONEY))
    names: dict[str, str] = {}
    for code in codes:
        for loc in (en, zh, hant):
            for count in (1, 2):
                name = get_currency_name(code, count=count, locale=loc)
                if name and name != code and "(" not in name and "（" not in name:   # dated variants: (1927–2002)
                    names.setdefault(name, code)
                    if loc is en:
                        names.setdefault(name.lower(), code)
    # Symbols: English and Chinese first, then each territory's own language (zł, Kč, ₹, ₩, kr).
    votes: dict[str, dict[str, int]] = {}
    for loc in (en, zh, hant):
        for code, sym in loc.currency_symbols.items():
            if code in codes and _symbol_ok(sym, code):
                votes.setdefault(sym.strip(), {}).setdefault(code, 1000)
    for territory in sorted(get_global("territory_currencies")):
        current = get_territory_currencies(territory, tender=True)
        langs = get_official_languages(territory)
        if not current or not langs or current[0] not in codes:
            continue
        try:
            loc = Locale.parse(f"{langs[0]}_{territory}")
        except Exception:      # CLDR has no locale for this pair
            continue
        sym = loc.currency_symbols.get(current[0], "")
        if _symbol_ok(sym, current[0]):
            v = votes.setdefault(sym.strip().replace("\u200f", ""), {})
            v[current[0]] = v.get(current[0], 0) + 1
    # A symbol several currencies write (kr, Rs) goes to the one most territories write it for.
    symbols = {s: max(sorted(v), key=lambda c: v[c]) for s, v in sorted(votes.items())}
    return {"cldr": __import__("babel").__version__, "codes": codes, "names": dict(sorted(names.items())),
            "symbols": symbols}


@lru_cache(maxsize=1)
def tables() -> dict:
    with DATA.open(encoding="utf-8") as f:
        return json.load(f)


# Bare currency nouns that are also English words (he won, a real gain, 10 marks, a dram of whisky):
# read only in the full CLDR name (South Korean won, Brazilian real).
WORD_NOUNS = frozenset("won real reals mark marks kip kips dram drams sol soles lek leke som pula rand lari leu lei "
                       "lats litas kroon kroons pataca dobra vatu tala para gold value".split())


def _bare_nouns(names: dict[str, str]) -> dict[str, str]:
    """The last word of English names that only one currency ends with: ringgit, shekels, tugriks, euros.

    'dinar', 'rupee', 'dollar' end several currencies' names, so they stay unread (or ours decide)."""
    owners: dict[str, set[str]] = {}
    for name, code in names.items():
        if name.isascii() and " " in name:
            owners.setdefault(name.rsplit(" ", 1)[1].lower(), set()).add(code)
    return {w: next(iter(c)) for w, c in owners.items()
            if len(c) == 1 and w.isalpha() and len(w) > 2 and w not in WORD_NOUNS}


def after_words() -> dict[str, str]:
    """Words written after a number (78 EUR, 5 Canadian dollars, 3加拿大元, 78 €, 99 zł, 42 ringgit)."""
    t = tables()
    out = {c: c for c in t["codes"] if c not in WORD_CODES}
    out.update(t["names"])
    for word, code in _bare_nouns(t["names"]).items():
        out.setdefault(word, code)
    out.update(t["symbols"])
    return out


def before_words() -> dict[str, str]:
    """Signs and codes written before a number (CAD 3.03, ₹ 4649, R$ 10, zł 5)."""
    t = tables()
    out = {c: c for c in t["codes"] if c not in WORD_CODES}
    out.update(t["symbols"])
    return out


if __name__ == "__main__":
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {DATA}")
