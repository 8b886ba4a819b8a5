"""Page furniture: the lines of a saved web page that are not the article.

A page saved as text keeps its navigation bar, its footer and the lists of other
stories after the article ("相关阅读", "Related articles"). Their figures are real
figures, but nobody writes claims about them, so `verifier suggest` leaves them
out (`--all` lists them). Plain rules, each with the reason it gives:

- footer: a copyright or licence line (©, All rights reserved, 版权所有, ICP备);
- page counter: a short line with a view or read count (人气值:837, 阅读量 1.2万, 3,400 views);
- navigation: a line of three or more short items between separators (Home | News | About);
- link: a line that is mostly a link (Markdown [text](url) or a bare URL);
- after the article: from a short line that opens the related-stories part of a page (更多内容,
  相关阅读, Read more, Related articles, You may also like …) to the end, when it comes after the
  first third of the text.

Code is not here: a fenced code block is blanked before figures are read (document/markdown.py).
"""
from __future__ import annotations

import re

_FOOTER = re.compile(r"copyright|©|\(c\)\s*\d{4}|all rights? reserved|版权所有|版权声明|ICP备|ICP证|公网安备"
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
    r"subscribe to our newsletter|sign up for our newsletter)",
    re.IGNORECASE)
SHORT_LINE = 30          # characters: a heading-like line, not a sentence that happens to start with "Read more"


def furniture_lines(text: str) -> dict[int, str]:
    """1-based line number -> why it is furniture ("footer", "navigation", "link", "after the article")."""
    lines = text.split("\n")
    out: dict[int, str] = {}
    third = len(text) // 3
    offset = 0
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped and offset >= third and len(stripped) <= SHORT_LINE and _AFTER_ARTICLE.match(stripped):
            out.update((n, "after the article") for n in range(number, len(lines) + 1))
            break
        reason = _reason(stripped)
        if reason:
            out[number] = reason
        offset += len(line) + 1
    return out


def _reason(line: str) -> str:
    if not line:
        return ""
    if _FOOTER.search(line):
        return "footer"
    if _COUNTER.search(line) and len(line) <= 80:
        return "page counter"
    items = [item for item in _SEPARATOR.split(line) if item.strip()]
    table_row = line.startswith(("|", "｜")) or line.endswith(("|", "｜"))      # a Markdown table is content
    if (len(items) >= 3 and not table_row and not _SENTENCE_END.search(line)
            and all(len(item) <= 16 and _LETTER.search(item) and not _CLAUSE.search(item) for item in items)):
        return "navigation"
    linked = sum(len(m.group()) for m in _LINK.finditer(line))
    if linked and linked >= 0.6 * len(line):
        return "link"
    return ""
