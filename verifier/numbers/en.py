"""English number words to decimals: 'two years', 'one hundred and six',
'five and a half million', 'two thirds', 'one over 20', 'nought point five'.

`read_words(tokens)` takes the lower-cased words (and Arabic numbers) the
scanner matched and returns a Decimal, or None when the words do not form a
number (the scanner then falls back to reading the digits alone).
Fractions that do not terminate (two thirds) are rounded to 28 digits.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .lexicon import (
    EN_DOZENS as DOZENS, EN_FUSED as FUSED, EN_ORDINALS as ORDINALS, EN_TENS as TENS,
    EN_UNIT_ORDINALS as UNIT_ORDINALS, EN_UNITS as UNITS, EN_WORD_SCALES as SCALES, out_of_range,
)


def _ordinal(word: str) -> int | None:
    if "-" in word:
        # A compound written with a hyphen: twenty-first, thirty-fifths.
        a, _, b = word.partition("-")
        b = b[:-1] if b.endswith("s") and b[:-1] in UNIT_ORDINALS else b
        if a in TENS and b in UNIT_ORDINALS:
            return TENS[a] + UNIT_ORDINALS[b]
        return None
    w = word[:-1] if word.endswith("s") and word[:-1] in ORDINALS else word
    if w == "halve":
        w = "half"
    return ORDINALS.get(w)


def _is_num(tok: str) -> bool:
    return bool(tok) and (tok[0].isdigit() or (tok[0] == "." and len(tok) > 1))


def _cardinal(toks: list[str]) -> Decimal | None:
    """'one hundred and sixty-one' -> 161; '2.12 hundred' -> 212; None if not a cardinal."""
    if "and" in toks and toks[-1] in DOZENS:
        # 'three hundred and two dozens': the dozens count only what follows 'and'.
        k = len(toks) - 1 - toks[::-1].index("and")
        a, b = _cardinal(toks[:k]), _cardinal(toks[k + 1:])
        return None if a is None or b is None else a + b
    toks = [t for t in toks if t != "and"]
    if not toks:
        return None
    if toks[0] in ("a", "an"):
        if len(toks) == 1 or toks[1] not in SCALES and toks[1] not in DOZENS:
            return None
        toks = ["one"] + toks[1:]
    total = Decimal(0)
    cur: Decimal | None = None
    last_scale = None
    prev = None
    for t in toks:
        if _is_num(t):
            if cur is not None and prev not in ("hundred",):
                return None
            cur = (cur or 0) + Decimal(t.replace(",", ""))
        elif t in UNITS:
            if prev in UNITS or (prev is not None and _is_num(prev)) or (prev in TENS and not 1 <= UNITS[t] <= 9):
                return None             # 'twenty fifteen' is two numbers (or a year), never 35
            cur = (cur or 0) + UNITS[t]
        elif t in TENS:
            if cur is not None and cur % 100 != 0:
                return None
            cur = (cur or 0) + TENS[t]
        elif t in DOZENS:
            if cur is None and t != "dozen":
                return None             # bare 'dozens' is many dozens, not 12 (vague.py reads 'dozens of')
            cur = (cur if cur is not None else Decimal(1)) * 12
        elif t in SCALES or (t[-1:] == "s" and t[:-1] in SCALES and cur is not None and total):
            s = SCALES[t] if t in SCALES else SCALES[t[:-1]]     # 'one billion twenty-five millions'
            if s == 100:
                cur = (cur if cur is not None else Decimal(1)) * 100
            elif cur is None and total and last_scale and s > last_scale:
                total *= s                      # three lakh crore
                last_scale = s
            else:
                if last_scale and s > last_scale and total:
                    total = (total + (cur or 0)) * s
                else:
                    total += (cur if cur is not None else Decimal(1)) * s
                cur = None
                last_scale = s
        else:
            return None
        prev = t
    return total + (cur or 0)


def _point(toks: list[str]) -> str | None:
    """Digits after 'point': 'zero three' -> '03', 'seventy-one' -> '71', 'eleven' -> '11'."""
    out = ""
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in UNITS:
            out += str(UNITS[t])
        elif t in ("o", "oh"):
            out += "0"                # 'eighteen point o five': o is the digit zero after a point
        elif t in TENS:
            v = TENS[t]
            if i + 1 < len(toks) and toks[i + 1] in UNITS and UNITS[toks[i + 1]] < 10:
                v += UNITS[toks[i + 1]]
                i += 1
            out += str(v)
        elif t.isdigit():
            out += t
        else:
            return None
        i += 1
    return out or None


def _fraction(toks: list[str]) -> Decimal | None:
    """Numerator words followed by an ordinal denominator: 'three twenty-firsts'."""
    last = toks[-1]
    den = _ordinal(last)
    head = toks[:-1]
    base = last[:-1] if last.endswith("s") else last
    if base in UNIT_ORDINALS and len(head) >= 2 and head[-1] in TENS and head[-2] != "and":
        # 'three twenty firsts' = 3/21; 'twenty fifths' alone = 20/5.
        den = TENS[head[-1]] + UNIT_ORDINALS[base]
        head = head[:-1]
    if den is None:
        return None
    if not head:
        return None
    whole = Decimal(0)
    num_toks = head
    if head[-1] == "and" and last in ("half", "quarter"):
        # 'five and half' is five and a half, not five halves; 'one and quarter' is one and a quarter
        w = _cardinal(head[:-1])
        return None if w is None else w + 1 / Decimal(den)
    if "and" in head:
        # 'twenty and three fifths' = 20 + 3/5, but 'one hundred and thirty fifths' = 130/5:
        # split at the last 'and' only when what follows is a proper fraction.
        k = len(head) - 1 - head[::-1].index("and")
        part = head[k + 1:]
        num = Decimal(1) if part in (["a"], ["an"]) else _cardinal(part)
        if num is not None and num < den:
            w = _cardinal(head[:k])
            if w is None:
                return None
            whole, num_toks = w, part
    if num_toks in (["a"], ["an"]):
        num = Decimal(1)
    else:
        num = _cardinal(num_toks)
        if num is None:
            return None
    return whole + num / Decimal(den)


def _expand(tok: str) -> list[str]:
    """'fifty-two' -> ['fifty', 'two']; 'five-eighths' -> ['five', 'eighths']; 'twenty-first' stays."""
    if "-" not in tok:
        return list(FUSED.get(tok, (tok,)))
    parts = [q for p in re.split(r"\s*-\s*", tok) if p for q in FUSED.get(p, (p,))]
    joined = "-".join(parts)
    if len(parts) == 2 and _ordinal(joined) is not None:
        return [joined]
    return parts


# One word that is a whole number by itself: most number words in text are one ('two', 'twenty', 'fiftyfive').
_ONE_WORD = {**UNITS, **TENS, **{w: TENS[t] + UNITS[u] for w, (t, u) in FUSED.items()}}


def read_words(tokens: list[str]) -> Decimal | None:
    """Value of a run of English number words, or None."""
    if len(tokens) == 1 and tokens[0].lower() in _ONE_WORD:
        return Decimal(_ONE_WORD[tokens[0].lower()])
    toks = [p for t in tokens if t != "-" for p in _expand(t.lower())]
    if not toks:
        return None
    if toks in (["half"], ["a", "half"]):
        return Decimal("0.5")
    neg = False
    if toks[0] in ("minus", "negative"):
        neg, toks = True, toks[1:]
    try:
        v = _read(toks)
    except ArithmeticError:
        return None
    if v is None or out_of_range(v):
        return None
    return -v if neg else v


def _read(toks: list[str]) -> Decimal | None:
    if not toks:
        return None
    # X over Y, X out of Y, X in Y
    for sep in (("over",), ("out", "of"), ("in",)):
        n = len(sep)
        for i in range(1, len(toks) - n + 1):
            if tuple(toks[i:i + n]) == sep:
                a = _read(toks[:i])
                b_toks = [t[:-1] if t.endswith("s") and t[:-1] in SCALES else t for t in toks[i + n:]]
                b = _read(b_toks)
                if a is None or not b:
                    return None
                return a / b
    if "point" in toks:
        i = toks.index("point")
        whole = _cardinal(toks[:i]) if i else Decimal(0)
        digits = _point(toks[i + 1:])
        if whole is None or digits is None:
            return None
        return whole + Decimal("0." + digits)
    # 'half a dozen', 'half a million', 'half million', 'quarter million'
    if toks[0] in ("half", "quarter") and len(toks) >= 2:
        rest = toks[1:]
        if rest[0] in ("a", "an"):
            rest = rest[1:]
        base = _cardinal(["one"] + rest) if rest and (rest[0] in SCALES or rest[0] in DOZENS) else None
        if base is not None:
            return base / (2 if toks[0] == "half" else 4)
    # '... of a million' after a fraction: 'two thirds of a million'
    if "of" in toks:
        i = toks.index("of")
        f = _read(toks[:i])
        rest = toks[i + 1:]
        if rest and rest[0] in ("a", "an"):
            rest = rest[1:]
        base = _cardinal(["one"] + rest) if rest else None
        if f is None or base is None:
            return None
        return f * base
    # Fraction somewhere: find the last ordinal denominator.
    idx = [i for i, t in enumerate(toks) if _ordinal(t) is not None
           or (t.rstrip("s") in UNIT_ORDINALS and i > 0 and toks[i - 1] in TENS)]
    if idx:
        k = idx[-1]
        frac_toks, tail = toks[:k + 1], toks[k + 1:]
        # 'five and a half million', 'one billion and three quarters million'
        if tail:
            if any(t not in SCALES for t in tail):
                return None
            scale = _cardinal(["one"] + tail)
            if "and" in frac_toks:
                j = len(frac_toks) - 1 - frac_toks[::-1].index("and")
                whole_toks, part = frac_toks[:j], frac_toks[j + 1:]
                part_v = _fraction(part)
                if part_v is None:
                    return None
                w = _cardinal(whole_toks)
                if w is None:
                    return None
                # 'five and a half million': the whole shares the scale unless it has its own.
                if any(t in SCALES and SCALES[t] >= 1000 for t in whole_toks):
                    return w + part_v * scale
                return (w + part_v) * scale
            f = _fraction(frac_toks)
            return None if f is None else f * scale
        # '3 million and a half': the fraction is of the last scale word.
        if "and" in frac_toks:
            j = len(frac_toks) - 1 - frac_toks[::-1].index("and")
            whole_toks, part = frac_toks[:j], frac_toks[j + 1:]
            if whole_toks and whole_toks[-1] in SCALES and SCALES[whole_toks[-1]] >= 1000:
                w = _cardinal(whole_toks)
                part_v = _fraction(part)
                if w is None or part_v is None:
                    return None
                return w + part_v * SCALES[whole_toks[-1]]
        return _fraction(frac_toks)
    return _cardinal(toks)


WORD_SPLIT = re.compile(r"[A-Za-z]+(?:[ \t]*-[ \t]*[A-Za-z]+)*|\d+(?:[.,]\d+)*|\.\d+")


def split_words(s: str) -> list[str]:
    return WORD_SPLIT.findall(s)


def _word_class(tok: str) -> str:
    """'u' for a unit word or a written number, 'c' for twenty-one, 't' for a tens word, '' otherwise."""
    t = tok.lower()
    if t in UNITS or _is_num(t):
        return "u"
    if t in TENS:
        return "t"
    a, dash, b = t.partition("-")
    if dash and a.strip() in TENS and b.strip() in UNITS:
        return "c"
    return ""


def first_break(tokens: list[str]) -> int:
    """How many leading tokens can form one number: 'one one one' and 'twenty thirty' break after
    the first word ('point' digits and fractions excepted: 'three point one four one', 'twenty
    twenty fifths').

    When a chain does not read as one number, the reader cuts it here at once: a run of such
    words costs one pass instead of one read per word dropped from the right.
    """
    prev = ""
    for i, tok in enumerate(tokens):
        cls = _word_class(tok)
        if (prev in ("u", "c") and cls in ("u", "c")) or (prev == "t" and cls in ("t", "c")):
            for t in tokens:
                low = t.lower()
                if low == "point" or _ordinal(low) is not None or low.rstrip("s") in UNIT_ORDINALS:
                    return len(tokens)      # 'twenty twenty fifths' = 20/25: fractions are read whole
            return i
        prev = cls
    return len(tokens)
