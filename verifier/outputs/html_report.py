"""The HTML report: one self-contained page a reviewer can open, mail or attach to CI.

It is a projection of the canonical JSON (report.canonical) plus, for each
pair, the two source texts and what the bilingual audit says about them. No
scripts, no fonts, no URLs: inline CSS only, so the file renders the same
offline, in a mail client or as a CI artifact. Every piece of text from a
claims file or a source goes through html.escape.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from .report import VERDICT_ORDER as VERDICTS, config_lines, summary_line, warning_text

_HAN = re.compile(r"[\u3400-\u9fff]")
STATUS_TEXT = {"agree": "agree", "mismatch": "disagree", "missing": "missing in the other account",
               "accepted": "differ, accepted in claims.yaml",
               "conflict": "conflicts within this account", "unaligned": "not aligned"}

CSS = """
:root{--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;
 margin:0 auto;max-width:1200px;padding:24px;color:#1f2328}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
a{color:#0969da}code,.loc{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.status{font-weight:600;padding:8px 12px;border-radius:6px;background:var(--bg);border-left:4px solid var(--ok)}
.status.failing{border-left-color:var(--bad)}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin:10px 0}
.badge{display:inline-block;padding:1px 8px;border-radius:12px;font-size:12px;font-weight:600;color:#fff;
 background:var(--muted)}
.badge.supported{background:var(--ok)}.badge.contradicted{background:var(--bad)}.badge.error{background:#8250df}
.badge.stale{background:var(--warn)}.badge.pass{background:#fff;color:var(--ok);border:1px solid var(--ok)}
.badge.fail{background:#fff;color:var(--bad);border:1px solid var(--bad)}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid var(--line);padding:4px 6px;
 text-align:left;vertical-align:top}th{background:var(--bg)}tr.fail td:first-child{border-left:3px solid var(--bad)}
.claim{border:1px solid var(--line);border-radius:6px;padding:12px 14px;margin:12px 0}
.claim.fail{border-color:var(--bad);box-shadow:0 0 0 1px var(--bad) inset}
.statement{font-size:16px;margin:4px 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{color:var(--muted)}dd{margin:0}
blockquote{margin:8px 0 2px;padding:6px 10px;background:var(--bg);border-left:3px solid var(--line)}
figure{margin:0 0 8px}figcaption{color:var(--muted);font-size:13px}
mark{padding:0 2px;border-radius:3px;background:#fff8c5}
mark.match,mark.agree{background:#dafbe1;outline:1px solid var(--ok)}
mark.conflict,mark.mismatch{background:#ffebe9;outline:1px solid var(--bad)}
mark.compatible,mark.missing{background:#fff8c5;outline:1px solid var(--warn)}
mark.quote{background:#ddf4ff;outline:1px solid #0969da}
mark.unaligned{background:none;border-bottom:1px dotted var(--muted)}
mark.accepted{background:#ddf4ff;outline:1px dashed #0969da}
mark a{color:inherit;text-decoration:none}.account h4{margin:0 0 6px}
.why{color:var(--muted)}.hint{color:var(--muted);font-style:italic}pre.error{white-space:pre-wrap;background:#fff0f0;padding:8px;border-radius:6px;font-size:13px}
pre.warning{white-space:pre-wrap;background:#fff8c5;padding:8px;border-radius:6px;font-size:13px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.account{border:1px solid var(--line);border-radius:6px;padding:10px;max-height:70vh;overflow:auto}
.account .text{white-space:pre-wrap;font-size:14px}.note{color:var(--warn)}
.legend{font-size:13px;color:var(--muted)}.pair-summary{font-weight:600}
"""


@dataclass(frozen=True)
class Mark:
    """A figure in one account of a pair: where it is and what the audit says of it."""

    start: int
    end: int
    anchor: str
    status: str = "unaligned"
    partner: str = ""          # anchor of the aligned figure in the other account
    title: str = ""


@dataclass(frozen=True)
class Account:
    source: str
    lang: str
    path: str
    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class PairView:
    en: Account
    zh: Account
    rows: tuple[tuple[str, tuple, tuple, str], ...] = ()   # disagreements: (status, en marks, zh marks, note)
    note: str = ""
    summary: str = ""


def render_html(data: dict, pairs=(), title: str = "verifier report") -> str:
    """The whole page for canonical report `data` and optional PairViews."""
    claims = data["claims"]
    failing = [c for c in claims if not c["passed"]]
    pairs_fail = any(not p["summary"]["passed"] for p in data.get("pairs", ()))
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} — {escape(data['claims_file'])}</title>", f"<style>{CSS}</style>", "</head>",
        "<body>", f"<h1>{escape(title)}</h1>",
        f'<p>claims file <code>{escape(data["claims_file"])}</code></p>',
        *(f'<p class="config">{escape(line)}</p>' for line in config_lines(data)),
        f'<p class="status{" failing" if failing or pairs_fail else ""}" id="status">{escape(summary_line(data))}</p>',
        _counts(data["summary"]),
        _nav(bool(failing), bool(pairs)),
    ]
    if data.get("warnings"):
        parts += ['<h2 id="warnings">Warnings</h2>',
                  *(f'<pre class="warning">{escape(warning_text(w))}</pre>' for w in data["warnings"])]
    if failing:
        parts += ['<h2 id="failing">Claims that do not meet expect</h2>', _table(failing)]
    parts += ['<h2 id="all">All claims</h2>', _table(claims), '<h2 id="claims">Evidence</h2>']
    parts += [_claim(c) for c in claims]
    if pairs:
        parts.append('<h2 id="pairs">Bilingual pairs</h2>')
        parts += [_pair(view, i) for i, view in enumerate(pairs)]
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _counts(summary: dict) -> str:
    badges = [f'<span class="badge {v}">{summary.get(v, 0)} {v.replace("_", " ")}</span>'
              for v in VERDICTS if summary.get(v) or v in ("supported", "contradicted", "not_found")]
    badges.append(f'<span class="badge pass">{summary["passed"]} meet expect</span>')
    if summary["failed"]:
        badges.append(f'<span class="badge fail">{summary["failed"]} do not</span>')
    return f'<div class="counts">{"".join(badges)}</div>'


def _nav(failing: bool, pairs: bool) -> str:
    links = ([("failing", "failing claims")] if failing else []) + [("all", "all claims"), ("claims", "evidence")]
    links += [("pairs", "bilingual pairs")] if pairs else []
    return '<nav class="toc">' + " · ".join(f'<a href="#{a}">{t}</a>' for a, t in links) + "</nav>"


def _figure_text(claim: dict) -> str:
    figure = claim.get("figure")
    return figure if isinstance(figure, str) else " / ".join(figure or ())


def _table(claims: list[dict]) -> str:
    rows = ["<table>", "<tr><th>id</th><th>verdict</th><th>expected</th><th>figure</th><th>found</th>"
                       "<th>claim at</th></tr>"]
    for c in claims:
        found = c["found"][0] if c["found"] else None
        shown = (f"{found['value'] or found['text']}" if found else c["reason"] or c.get("error", "").split("\n")[0])
        rows.append(
            f'<tr class="{"pass" if c["passed"] else "fail"}">'
            f'<td><a href="#{_claim_anchor(c["id"])}">{escape(c["id"])}</a></td>'
            f'<td>{_badge(c["verdict"])}{"" if c["passed"] else " ✗"}</td><td>{escape(c["expect"].replace("_", " "))}</td>'
            f"<td>{escape(_figure_text(c))}</td><td>{escape(shown)}</td>"
            f'<td class="loc">{escape(c["location"])}</td></tr>')
    rows.append("</table>")
    return "\n".join(rows)


def _badge(verdict: str) -> str:
    return f'<span class="badge {escape(verdict)}">{escape(verdict.replace("_", " "))}</span>'


def _claim_anchor(claim_id: str) -> str:
    return "claim-" + re.sub(r"[^A-Za-z0-9_.\-]", "_", claim_id)


def _claim(c: dict) -> str:
    verdict_ok = ('<span class="badge pass">meets expect</span>' if c["passed"] else
                  f'<span class="badge fail">✗ expected {escape(c["expect"].replace("_", " "))}</span>')
    if c["verdict"] == "skipped":
        verdict_ok = '<span class="badge">not checked (skip)</span>'
    out = [f'<article class="claim {"pass" if c["passed"] else "fail"}" id="{_claim_anchor(c["id"])}">',
           f'<h3><a href="#{_claim_anchor(c["id"])}">{escape(c["id"])}</a> {_badge(c["verdict"])} {verdict_ok}</h3>']
    if c.get("claim"):
        out.append(f'<p class="statement"{_lang(c["claim"])}>{escape(c["claim"])}</p>')
    found_values = ", ".join(e["value"] or f"“{e['text']}”" for e in c["found"]) or "—"
    out.append("<dl>")
    if c.get("wanted") or c.get("figure"):
        wanted, written = ", ".join(c.get("wanted") or ()), _figure_text(c)
        shown = escape(wanted or written)
        if wanted and written and written.replace(" / ", ", ") != wanted:
            shown += f' <span class="why">written “{escape(written)}”</span>'
        out.append(f"<dt>wanted</dt><dd>{shown}</dd>")
    out.append(f"<dt>found</dt><dd>{escape(found_values)}</dd>")
    out.append(f'<dt>source</dt><dd>{escape(c.get("source", ""))}</dd>')
    out.append(f'<dt>claim at</dt><dd class="loc">{escape(c["location"])}</dd>')
    out.append("</dl>")
    several = not isinstance(c.get("figure"), str) and len(c.get("figure") or ()) > 1
    out += [_evidence(e, several) for e in c["found"]]     # in the JSON's order: what decides (a conflict) first
    if c.get("reason"):
        out.append(f'<p class="why">why: {escape(c["reason"])}</p>')
    if c.get("strict"):
        out.append(f'<p class="why">fails: {escape(c["strict"])}</p>')
    if not c["passed"]:        # what to fix, as the terminal, pytest and the JSON say it
        out += [f'<p class="hint">hint: {escape(hint)}</p>' for hint in c.get("hints", ())]
    if c.get("error"):
        out.append(f'<pre class="error">{escape(c["error"])}</pre>')
    out.append("</article>")
    return "\n".join(out)


def _evidence(e: dict, several: bool = False) -> str:
    """One piece of evidence; for a claim with several figures, the caption says which one it answers."""
    sentence = e.get("sentence") or e["text"]
    caption = [f'<span class="loc">{escape(e["path"])}:{e["line"]}:{e["col"]}</span>']
    if several and e.get("claimed"):
        caption.append(f"answers “{escape(e['claimed'])}”")
    if e.get("value"):
        caption.append(f"read as <b>{escape(e['value'])}</b>")
    caption.append(escape(e["relation"]))
    if e.get("note"):
        caption.append(escape(e["note"]))
    return (f'<figure class="evidence"><blockquote{_lang(sentence)}>'
            f'{highlight(sentence, e["text"], e.get("figure", ""), e["relation"])}</blockquote>'
            f'<figcaption>{" · ".join(caption)}</figcaption></figure>')


def highlight(sentence: str, text: str, figure: str = "", css: str = "") -> str:
    """`sentence`, escaped, with the figure (found through its words `text`) in <mark>."""
    start, end = _locate(sentence, text, figure)
    if start < 0:
        return escape(sentence)
    return (f"{escape(sentence[:start])}<mark class=\"{escape(css)}\">{escape(sentence[start:end])}</mark>"
            f"{escape(sentence[end:])}")


def _locate(sentence: str, text: str, figure: str) -> tuple[int, int]:
    if text and (at := sentence.find(text)) >= 0:
        if figure and text.endswith(figure):
            return at + len(text) - len(figure), at + len(text)
        return at, at + len(text)
    if figure and (at := sentence.find(figure)) >= 0:
        return at, at + len(figure)
    if text and text.startswith(sentence):          # a quote longer than its first sentence
        return 0, len(sentence)
    return -1, -1


def _lang(text: str) -> str:
    return ' lang="zh"' if _HAN.search(text or "") else ""


# -- pairs -------------------------------------------------------------------

def _pair(view: PairView, index: int) -> str:
    out = [f'<section class="pair-view" id="pair-{index}">',
           f"<h3>{escape(view.en.source)} ⇄ {escape(view.zh.source)}</h3>"]
    if view.note:
        out.append(f'<p class="note">{escape(view.note)}</p>')
    if view.summary:
        out.append(f'<p class="pair-summary">{escape(view.summary)}</p>')
    if view.rows:
        out.append(_pair_table(view.rows))
    out.append(LEGEND)
    out.append('<div class="pair">')
    out += [_account(view.en), _account(view.zh)]
    out += ["</div>", "</section>"]
    return "\n".join(out)


def _pair_table(rows) -> str:
    out = ["<table>", "<tr><th>status</th><th>English</th><th>Chinese</th><th>note</th></tr>"]
    for status, en, zh, note in rows:
        cells = [" vs ".join(f'<a href="#{m.anchor}">{escape(m.title)}</a>' for m in marks) or "—"
                 for marks in (en, zh)]
        out.append(f'<tr class="{escape(status)}"><td><mark class="{escape(status)}">'
                   f"{escape(STATUS_TEXT.get(status, status))}</mark></td>"
                   f"<td>{cells[0]}</td><td>{cells[1]}</td><td>{escape(note)}</td></tr>")
    out.append("</table>")
    return "\n".join(out)


def _account(account: Account) -> str:
    pieces, at = [], 0
    for mark in sorted(account.marks, key=lambda m: m.start):
        if mark.start < at:                  # overlapping figures: keep the first
            continue
        label = escape(account.text[mark.start:mark.end])
        inner = f'<a href="#{mark.partner}">{label}</a>' if mark.partner else label
        title = f"{mark.title} — {STATUS_TEXT.get(mark.status, mark.status)}"
        pieces.append(escape(account.text[at:mark.start]))
        pieces.append(f'<mark class="{escape(mark.status)}" id="{mark.anchor}" title="{escape(title)}">{inner}</mark>')
        at = mark.end
    pieces.append(escape(account.text[at:]))
    return (f'<div class="account" lang="{escape(account.lang or "en")}">'
            f'<h4>{escape(account.source)} <span class="loc">{escape(account.path)}</span></h4>'
            f'<div class="text">{"".join(pieces)}</div></div>')


# -- building pair views from the bilingual audit ------------------------------

_SEVERITY = ("unaligned", "agree", "accepted", "missing", "conflict", "mismatch")
_CATEGORY_STATUS = {"agree": "agree", "agree_approx": "agree", "missing_in_en": "missing",
                    "missing_in_zh": "missing", "internal_conflict": "conflict"}
LEGEND = ('<p class="legend">Figures: <mark class="agree">agree</mark> <mark class="mismatch">disagree</mark> '
          '<mark class="missing">missing in the other account</mark> <mark class="conflict">conflict within '
          'one account</mark> <mark class="accepted">accepted difference</mark> <mark class="unaligned">not '
          'aligned</mark>. Click an aligned figure to jump to its counterpart.</p>')


def pair_views(outcomes) -> list[PairView]:
    """One PairView per audited pair (verifier.pipeline.PairOutcome); a pair that could not be read becomes a
    note on the pair, never an exception."""
    views = []
    for index, outcome in enumerate(outcomes):
        pair = outcome.pair
        if outcome.error is not None:
            empty = Account(pair.en, "en", "", ""), Account(pair.zh, "zh", "", "")
            views.append(PairView(*empty, note=f"pair cannot be shown: {outcome.error.problem} "
                                               f"({outcome.error.location})"))
            continue
        views.append(_audited_view(index, pair, {"en": outcome.en, "zh": outcome.zh}, outcome.result))
    return views


def _value(figure) -> str:
    try:
        return figure.value_text()
    except Exception:  # noqa: BLE001 - a rendering gap must not hide a figure
        return figure.text


class _Marker:
    """Marks for one account: every figure, then audit statuses laid over them."""

    def __init__(self, index: int, lang: str, doc):
        self.prefix, self.doc = f"p{index}-{lang}", doc
        self.by_place = {(f.line, f.col): f for f in doc.found}
        self.marks: dict[int, Mark] = {}
        for f in doc.found:
            self.marks[f.figure.start] = Mark(f.figure.start, f.figure.end, self.anchor(f.figure.start),
                                              title=f"{f.figure.text} = {_value(f.figure)} · line {f.line}:{f.col}")

    def anchor(self, start: int) -> str:
        return f"{self.prefix}-{start}"

    def place(self, side) -> int | None:
        """Start offset of an audit Side in this document."""
        found = self.by_place.get((side.line, side.col))
        if found is not None:
            return found.figure.start
        lines = self.doc.text.split("\n")
        if not 1 <= side.line <= len(lines):
            return None
        start = sum(len(line) + 1 for line in lines[: side.line - 1]) + side.col - 1
        if self.doc.text[start:start + len(side.text)] != side.text:
            return None
        self.marks.setdefault(start, Mark(start, start + len(side.text), self.anchor(start)))
        return start

    def mark(self, start: int | None, status: str, partner: str, title: str) -> Mark | None:
        if start is None:
            return None
        old = self.marks[start]
        if _SEVERITY.index(status) >= _SEVERITY.index(old.status):
            old = Mark(old.start, old.end, old.anchor, status, partner or old.partner, title)
            self.marks[start] = old
        return old


def _side_title(side) -> str:
    value = f" = {side.value}" if getattr(side, "value", "") and side.value != side.text else ""
    return f"{side.text}{value} · line {side.line}:{side.col}"


def _audited_view(index, pair, docs, result) -> PairView:
    markers = {"en": _Marker(index, "en", docs["en"]), "zh": _Marker(index, "zh", docs["zh"])}
    rows = []
    for finding in getattr(result, "findings", ()):
        status = _CATEGORY_STATUS.get(finding.category, "mismatch")
        if getattr(finding, "accepted", "") and status != "agree":
            status = "accepted"
        sides = {lang: getattr(finding, lang) for lang in ("en", "zh")}
        starts = {lang: markers[lang].place(s) if s else None for lang, s in sides.items()}
        anchors = {lang: markers[lang].anchor(st) if st is not None else "" for lang, st in starts.items()}
        marks = {lang: markers[lang].mark(starts[lang], status, anchors["zh" if lang == "en" else "en"],
                                          _side_title(sides[lang]))
                 for lang in ("en", "zh") if sides[lang] is not None}
        if status != "agree":
            note = finding.note + (f" (accepted: {finding.accepted})" if getattr(finding, "accepted", "") else "")
            cells = [tuple(m for m in (marks.get(lang),) if m is not None) for lang in ("en", "zh")]
            rows.append((status, *cells, note or finding.category.replace("_", " ")))
    for conflict in getattr(result, "conflicts", ()):
        marker = markers[conflict.lang]
        first, second = marker.place(conflict.first), marker.place(conflict.second)
        a = marker.mark(first, "conflict", marker.anchor(second) if second is not None else "",
                        _side_title(conflict.first))
        b = marker.mark(second, "conflict", marker.anchor(first) if first is not None else "",
                        _side_title(conflict.second))
        note = f"within the {conflict.lang} account: {conflict.note or 'two figures for one subject'}"
        both = tuple(m for m in (a, b) if m is not None)
        rows.append(("conflict", both, (), note) if conflict.lang == "en" else ("conflict", (), both, note))
    accounts = [Account(sid, lang, docs[lang].path, docs[lang].text, tuple(markers[lang].marks.values()))
                for lang, sid in (("en", pair.en), ("zh", pair.zh))]
    return PairView(*accounts, rows=tuple(rows), summary=_pair_summary(docs, result, rows))


def _pair_summary(docs, result, rows) -> str:
    findings = getattr(result, "findings", ())
    aligned = sum(1 for f in findings if f.en is not None and f.zh is not None)
    agree = sum(1 for f in findings if _CATEGORY_STATUS.get(f.category) == "agree")
    from ..audit.report import disagreements
    unexplained = len(getattr(result, "unexplained", rows))
    verdict = disagreements(unexplained, len(getattr(result, "failing", rows)))
    en, zh = (getattr(result, f"figures_{lang}", len(docs[lang].found)) for lang in ("en", "zh"))
    summary = getattr(result, "summary", "")
    left_out = f", {result.left_out} left out of the {summary.upper()} summary" if summary else ""
    return (f"{en} EN / {zh} ZH figures, {aligned} aligned, "
            f"{agree} agree, {len(rows)} differ{left_out} — {verdict}")
