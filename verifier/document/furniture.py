"""Page furniture: the lines of a saved web page that are not the article.

A page saved as text keeps its navigation bar, its footer and the lists of other
stories after the article ("相关阅读", "Related articles"). Their figures are real
figures, but nobody writes claims about them, so `verifier suggest` leaves them
out (`--all` lists them). Plain rules, each with the reason it gives:

- footer: a copyright or licence line (©, All rights reserved, 版权所有, ICP备);
- page counter: a short line with a view or read count (人气值:837, 阅读量 1.2万, 3,400 views);
- navigation: a line of three or more short items between separators (Home | News | About);
- link: a line that is mostly a link (Markdown [text](url) or a bare URL);
- code: a line of keyword arguments (`max_output_len=300, prompt=...`) or a shell prompt (`$ pip install`);
- after the article: from a short line that opens the related-stories part of a page (更多内容,
  相关阅读, Read more, Related articles, You may also like …) or its list of references (本文部分参考资料,
  参考文献, References) to the end, when it comes after the first third of the text.

The rules read a page saved as HTML by its text: `<p>本文部分参考资料：</p>` is the line 本文部分参考资料：.
Within a line, two kinds of figures are furniture too (furniture_figures):

- section number: the number a heading starts with (`## 4.6. 示例输出`, `#### Step 1: Start Ray`, `#### 方式2：`);
- licence: a licence's version (`Apache 2.0`, `CC BY-NC 4.0`, `GPL-3.0`).

Code is not here: a fenced code block is blanked before figures are read, and so are URLs, HTML tags and
attributes, character references (`&#123;`), style sheets, images (`![alt](src)`, `![alt][7]`), link labels
(`[1]`), footnote marks and list numbers (document/markdown.py): no reader sees those figures at all.
"""
from __future__ import annotations

import re

_FOOTER = re.compile(r"copyright|©|\(c\)\s*\d{4}|all rights? reserved|版权所有|版权声明|ICP备|ICP证|公网安备"
                     r"|^本文来自|^本文转载自|转载请注明|^原文链接"
                     r"|违法和不良信息举报|terms of (?:use|service)|privacy policy|cookie (?:policy|settings)",
                     re.IGNORECASE)
_COUNTER = re.compile(r"(?:人气值|阅读量|阅读数|浏览量|浏览次数|点击量|点赞数|评论数)\s*[:：]?\s*\d|\d[\d,.]*[KkMm万]?\s*(?:views|reads)\b",
                      re.IGNORECASE)
_SEPARATOR = re.compile(r"\s*[|｜»]\s*|\s+[·•>/]\s+")
_SENTENCE_END = re.compile(r"[。！？.!?]$")
_CLAUSE = re.compile(r"[,，;；:：]")
_LETTER = re.compile(r"[^\W\d_]")
_LINK = re.compile(r"\[[^\]\n]*\]\([^)\n]*\)|(?:https?://|www\.)\S+")
_AFTER_ARTICLE = re.compile(
    r"^[\s#*>•\-]*(?:更多内容|更多精彩|相关阅读|相关推荐|相关新闻|相关文章|延伸阅读|推荐阅读|热门推荐|热门标签|热点资讯|"
    r"猜你喜欢|责任编辑|read more|more from|more stories|related (?:articles?|stories|news|coverage|posts|reading)|"
    r"recommended(?: for you)?|you may also like|most (?:read|popular|viewed)|trending now|share this (?:article|story)|"
    r"subscribe to our newsletter|sign up for our newsletter|"
    r"(?:本文)?(?:部分)?(?:参考资料|参考文献|参考来源)|references\s*[:：]?$|further reading|about the authors?\s*[:：]?$)",
    re.IGNORECASE)
_TAGS = re.compile(r"<[^<>\n]{0,500}>")
_CELL_TAG = re.compile(r"<t[dhr]\b", re.IGNORECASE)
_CODE_LINE = re.compile(r"^[A-Za-z_][\w.]*\s*=\s*[^\s,=][^,]*,\s*[A-Za-z_][\w.]*\s*=|^\$ \w")
# The number a heading starts with: `## 4.6. 示例输出`, `#### Step 1:`, `#### 方式2：`, `<h2>3.1 结果</h2>`.
_SECTION = re.compile(r"[ \t]*(?:#{1,6}[ \t]*|<h[1-6]\b[^<>]*>[ \t]*(?:<[^<>]*>[ \t]*)*)"
                      r"(?:(?:step|part|chapter|section|method|option|phase|stage|方式|方法|步骤|第)[ \t]*)?"
                      r"(\d{1,2}(?:\.\d{1,2})*)(?=[.、:：)）]|[ \t]|[章节步部]|$)", re.IGNORECASE)
# A licence's version: Apache 2.0, GPL-3.0, LGPLv3, CC BY-NC-SA 4.0, MPL 2.0.
_LICENCE = re.compile(r"\b(?:Apache|A?GPL|LGPL|MPL|EPL|BSD|CC[- ]BY(?:[- ](?:SA|NC|ND))*|CC0|Creative Commons)"
                      r"(?:[- ]?License)?[- ]?v?(\d+(?:\.\d+)*)", re.IGNORECASE)
SHORT_LINE = 30          # characters: a heading-like line, not a sentence that happens to start with "Read more"


def furniture_lines(text: str) -> dict[int, str]:
    """1-based line number -> why it is furniture ("footer", "navigation", "link", "after the article")."""
    lines = text.split("\n")
    out: dict[int, str] = {}
    third = len(text) // 3
    offset = 0
    for number, line in enumerate(lines, 1):
        stripped = _TAGS.sub(" ", line).strip() if "<" in line else line.strip()
        if stripped and offset >= third and len(stripped) <= SHORT_LINE and _AFTER_ARTICLE.match(stripped):
            out.update((n, "after the article") for n in range(number, len(lines) + 1))
            break
        reason = _reason(stripped, cells="<" in line and bool(_CELL_TAG.search(line)))
        if reason:
            out[number] = reason
        offset += len(line) + 1
    return out


def _reason(line: str, cells: bool = False) -> str:
    """Why `line` (its text, without tags) is furniture, or ''; `cells`: it holds HTML table cells (content)."""
    if not line:
        return ""
    if _FOOTER.search(line):
        return "footer"
    if _COUNTER.search(line) and len(line) <= 80:
        return "page counter"
    items = [item for item in _SEPARATOR.split(line) if item.strip()]
    table_row = cells or line.startswith(("|", "｜")) or line.endswith(("|", "｜"))   # a table is content
    if (len(items) >= 3 and not table_row and not _SENTENCE_END.search(line)
            and all(len(item) <= 16 and _LETTER.search(item) and not _CLAUSE.search(item) for item in items)):
        return "navigation"
    linked = sum(len(m.group()) for m in _LINK.finditer(line))
    if linked and linked >= 0.6 * len(line):
        return "link"
    if _CODE_LINE.match(line) and not table_row:
        return "code"
    return ""


def furniture_figures(doc) -> dict[tuple[int, int], str]:
    """(line, col) of each figure of `doc` (a SourceDoc) that `suggest` leaves out -> why: the figures on
    furniture_lines, a heading's section number and a licence's version."""
    lines = furniture_lines(doc.text)
    text_lines = doc.text.split("\n")
    out = {}
    for found in doc.found:
        reason = lines.get(found.line) or _in_line(text_lines[found.line - 1], found.col - 1,
                                                   found.figure.text.strip())
        if reason:
            out[(found.line, found.col)] = reason
    return out


def _in_line(line: str, col: int, figure: str) -> str:
    """'section number' or 'licence' when the figure at `col` of `line` is one, else ''."""
    section = _SECTION.match(line)
    if section and section.start(1) == col and len(figure) <= len(section.group(1)) + 1:
        return "section number"
    if any(m.start(1) <= col < m.end(1) for m in _LICENCE.finditer(line)):
        return "licence"
    return ""
