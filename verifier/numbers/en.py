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
    acc: tuple | None = (Decimal(0), None, None)      # (total of the scales read, the group being read, its scale)
    prev = None
    for t in toks:
        step = _cardinal_step(t, acc)
        acc = step(acc, t, prev) if step else None
        if acc is None:
            return None
        prev = t
    total, cur, _ = acc
    return total + (cur or 0)


def _cardinal_step(t: str, acc: tuple):
    """The reader of one word of a cardinal, by its class; None for a word that is none."""
    if _is_num(t):
        return _digits
    if t in UNITS:
        return _unit_word
    if t in TENS:
        return _tens_word
    if t in DOZENS:
        return _dozen_word
    if t in SCALES or (t[-1:] == "s" and t[:-1] in SCALES and acc[1] is not None and acc[0]):
        return _scale_word           # 'one billion twenty-five millions'
    return None


def _digits(acc, t, prev):
    total, cur, last = acc
    if cur is not None and prev not in ("hundred",):
        return None
    return total, (cur or 0) + Decimal(t.replace(",", "")), last


def _unit_word(acc, t, prev):
    total, cur, last = acc
    if prev in UNITS or (prev is not None and _is_num(prev)) or (prev in TENS and not 1 <= UNITS[t] <= 9):
        return None             # 'twenty fifteen' is two numbers (or a year), never 35
    return total, (cur or 0) + UNITS[t], last


def _tens_word(acc, t, prev):
    total, cur, last = acc
    if cur is not None and cur % 100 != 0:
        return None
    return total, (cur or 0) + TENS[t], last


def _dozen_word(acc, t, prev):
    total, cur, last = acc
    if cur is None and t != "dozen":
        return None             # bare 'dozens' is many dozens, not 12 (vague.py reads 'dozens of')
    return total, (cur if cur is not None else Decimal(1)) * 12, last


def _scale_word(acc, t, prev):
    total, cur, last = acc
    s = SCALES[t] if t in SCALES else SCALES[t[:-1]]
    if s == 100:
        return total, (cur if cur is not None else Decimal(1)) * 100, last
    if cur is None and total and last and s > last:
        return total * s, cur, s                     # three lakh crore
    if last and s > last and total:
        return (total + (cur or 0)) * s, None, s
    return total + (cur if cur is not None else Decimal(1)) * s, None, s


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
    head, den = _denominator(toks)
    if den is None or not head:
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


def _denominator(toks: list[str]) -> tuple[list[str], int | None]:
    """(the numerator's words, the denominator the last words name): 'three twenty firsts' = 3/21; 'twenty
    fifths' alone = 20/5."""
    last, head = toks[-1], toks[:-1]
    base = last[:-1] if last.endswith("s") else last
    if base in UNIT_ORDINALS and len(head) >= 2 and head[-1] in TENS and head[-2] != "and":
        return head[:-1], TENS[head[-1]] + UNIT_ORDINALS[base]
    return head, _ordinal(last)


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


_NOT_THIS = object()        # a form reader's answer when its form is not in the words


def _read(toks: list[str]) -> Decimal | None:
    """The value of number words: the first form that is there decides (None when its words do not read)."""
    if not toks:
        return None
    for form in (_ratio, _decimal, _part_of_scale, _of_scale, _with_fraction):
        v = form(toks)
        if v is not _NOT_THIS:
            return v
    return _cardinal(toks)


def _ratio(toks: list[str]):
    """X over Y, X out of Y, X in Y."""
    for sep in (("over",), ("out", "of"), ("in",)):
        n = len(sep)
        for i in range(1, len(toks) - n + 1):
            if tuple(toks[i:i + n]) == sep:
                a = _read(toks[:i])
                b = _read([t[:-1] if t.endswith("s") and t[:-1] in SCALES else t for t in toks[i + n:]])
                return None if a is None or not b else a / b
    return _NOT_THIS


def _decimal(toks: list[str]):
    """'three point one four', 'point five'."""
    if "point" not in toks:
        return _NOT_THIS
    i = toks.index("point")
    whole = _cardinal(toks[:i]) if i else Decimal(0)
    digits = _point(toks[i + 1:])
    return None if whole is None or digits is None else whole + Decimal("0." + digits)


def _part_of_scale(toks: list[str]):
    """'half a dozen', 'half a million', 'half million', 'quarter million'."""
    if toks[0] not in ("half", "quarter") or len(toks) < 2:
        return _NOT_THIS
    rest = toks[2:] if toks[1] in ("a", "an") else toks[1:]
    base = _cardinal(["one"] + rest) if rest and (rest[0] in SCALES or rest[0] in DOZENS) else None
    return _NOT_THIS if base is None else base / (2 if toks[0] == "half" else 4)


def _of_scale(toks: list[str]):
    """'two thirds of a million': a fraction of a scale."""
    if "of" not in toks:
        return _NOT_THIS
    i = toks.index("of")
    f = _read(toks[:i])
    rest = toks[i + 1:]
    if rest and rest[0] in ("a", "an"):
        rest = rest[1:]
    base = _cardinal(["one"] + rest) if rest else None
    return None if f is None or base is None else f * base


def _with_fraction(toks: list[str]):
    """'two fifths', 'five and a half million', '3 million and a half': the last ordinal is the denominator."""
    idx = [i for i, t in enumerate(toks) if _ordinal(t) is not None
           or (t.rstrip("s") in UNIT_ORDINALS and i > 0 and toks[i - 1] in TENS)]
    if not idx:
        return _NOT_THIS
    k = idx[-1]
    frac_toks, tail = toks[:k + 1], toks[k + 1:]
    if tail:
        return _fraction_then_scale(frac_toks, tail)
    if "and" in frac_toks:
        # '3 million and a half': the fraction is of the last scale word.
        j = len(frac_toks) - 1 - frac_toks[::-1].index("and")
        whole_toks, part = frac_toks[:j], frac_toks[j + 1:]
        if whole_toks and whole_toks[-1] in SCALES and SCALES[whole_toks[-1]] >= 1000:
            w = _cardinal(whole_toks)
            part_v = _fraction(part)
            return None if w is None or part_v is None else w + part_v * SCALES[whole_toks[-1]]
    return _fraction(frac_toks)


def _fraction_then_scale(frac_toks: list[str], tail: list[str]) -> Decimal | None:
    """'five and a half million', 'one billion and three quarters million', 'two thirds million'."""
    if any(t not in SCALES for t in tail):
        return None
    scale = _cardinal(["one"] + tail)
    if "and" not in frac_toks:
        f = _fraction(frac_toks)
        return None if f is None else f * scale
    j = len(frac_toks) - 1 - frac_toks[::-1].index("and")
    whole_toks, part = frac_toks[:j], frac_toks[j + 1:]
    part_v = _fraction(part)
    w = None if part_v is None else _cardinal(whole_toks)
    if w is None:
        return None
    # 'five and a half million': the whole shares the scale unless it has its own.
    if any(t in SCALES and SCALES[t] >= 1000 for t in whole_toks):
        return w + part_v * scale
    return (w + part_v) * scale


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
