"""What a claim counts, read from its words: the noun right after its figure, through the glossary."""
import pytest

from verifier.check.counted import claim_noun, figure_noun
from verifier.document.glossary import DEFAULT
from verifier.numbers import parse_figure

CLAIM_NOUNS = [
    # claim text, figure, a form the noun must include ('' = no noun)
    ("BlueLM comprises five models.", "5", "模型"),
    ("ModelScope hosts more than 100,000 models.", "more than 100,000", "models"),
    ("Five large models were released.", "5", "模型"),             # an English adjective may come first
    ("", "超过690万个模型", "模型"),
    ("", "5款大模型", "模型"),                                     # a classifier and one adjective
    ("ModelScope served more than 6.9 million developers.", "more than 6.9 million", "开发者"),
    # found by the scale benchmark: in Chinese the noun follows the number, not a later clause
    ("OpenAI发布的 164 个手写的编程问题，包括模型语言理解。", "164", ""),
    ("It has 10B parameters.", "10B parameters", ""),              # a unit is not a noun to look for
    ("Revenue rose to 300.", "300", ""),
]


@pytest.mark.parametrize("claim,figure,form", CLAIM_NOUNS)
def test_claim_noun(claim, figure, form):
    noun = claim_noun(claim, figure, parse_figure(figure), DEFAULT)
    assert (form in noun) if form else noun == frozenset()


@pytest.mark.parametrize("text,figure,after,before", [
    # source text, the figure in it, a form of the noun after it, a form of the noun right before it
    ("共5款大模型", "5", "模型", ""),
    ("三个参数量级", "三", "", ""),
    ("10,000 open models", "10,000", "models", ""),
    ("服务了超过690万开发者", "超过690万", "开发者", ""),
    ("中美相加最后将有五、六家大模型公司笑到最后", "五、六", "公司", ""),     # a compound: 大模型公司 are companies
    ("衍生模型接近5万个，排名全球第二", "接近5万", "", "模型"),
    ("的用户数达到1370万。", "1370万", "", "用户"),
    ("蓝心大模型包含十亿/百亿/千亿三个参数量级", "三", "", ""),                 # the topic is too far before
])
def test_figure_noun(text, figure, after, before):
    start = text.index(figure)
    got_after, got_before = figure_noun(text, start, start + len(figure), DEFAULT)
    assert (after in got_after) if after else got_after == frozenset()
    assert (before in got_before) if before else got_before == frozenset()
