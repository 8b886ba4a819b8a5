"""What a claim counts, read from its words: the noun right after its figure, through the glossary."""
import pytest

from verifier.counted import claim_noun, names_noun
from verifier.glossary import DEFAULT
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


@pytest.mark.parametrize("text,end,expected", [
    ("共5款大模型", 2, True),
    ("三个参数量级", 1, False),
    ("10,000 open models", 6, True),
    ("超过690万开发者", 6, False),
])
def test_source_names_noun(text, end, expected):
    assert names_noun(text, end, frozenset(DEFAULT.variants("models"))) is expected
