"""What a figure is about (verifier/document/scope.py) and what that does to verdicts (verifier/check/checking.py)."""
from __future__ import annotations

import pytest
from conftest import one_claim_verdict

from verifier.claimsfile.claims import load_claims
from verifier.document.lexicon import lexicon
from verifier.check.run import check_all
from verifier.document.scope import claim_years, scope_of
from verifier.document.sources import SourceDoc
from verifier.document.text import contains, fold_spaced

YEARS = [
    # text, figure text, years it belongs to
    ("2019年营收为4.41亿元，2021年营收为5.0亿元。", "4.41亿元", {"2019"}),
    ("21年上半年营收为4.41亿元。", "4.41亿元", {"2021"}),                   # a two-digit year before its half
    ("公司成立18年来营收为4.41亿元。", "4.41亿元", set()),                    # 18年来: eighteen years, no year
    ("In January-July 2017, sales were 31.8 million.", "31.8 million", {"2017"}),
    ("2019年营收为4.41亿元，2021年营收为5.0亿元。", "5.0亿元", {"2021"}),
    ("2019年、2021年营收分别为4.41亿元、5.0亿元。", "4.41亿元", {"2019"}),
    ("2019年、2021年营收分别为4.41亿元、5.0亿元。", "5.0亿元", {"2021"}),
    ("In 2016, 48.8% of users were new.", "48.8%", {"2016"}),
    ("2021年营业收入76.2亿元，比2020年增加了22.8亿元。", "22.8亿元", {"2021"}),   # 2020 is what it is compared with
    ("营收为5.0亿元。", "5.0亿元", set()),
    ("早在2019年，动漫公司与卡游达成授权合作。该年，动漫公司实现营业收入1.24亿元。", "1.24亿元", {"2019"}),  # 该年
    ("Sales began in 2019. That year, the firm earned $12 million.", "$12 million", {"2019"}),
    ("2018-2021年，收入分别为4.53亿元，5.48亿元，5.30亿元，6.61亿元。", "5.48亿元", {"2019"}),   # one per year of the span
    ("2019年~2021年，收入分别约为13.98亿元、23.52亿元及56.47亿元。其中，来自最大客户的收入占比分别为39.6%、55.1%及51.9%。",
     "55.1%", {"2020"}),                                      # the span of the sentence before
    ("2019年~2021年，收入为13.98亿元。\n\n其中，占比分别为39.6%、55.1%及51.9%。", "55.1%", set()),  # another paragraph
]


@pytest.mark.parametrize("text,shown,years", YEARS, ids=[f"{c[1]}-{sorted(c[2])}" for c in YEARS])
def test_a_figure_knows_its_year(text, shown, years):
    doc = SourceDoc("a.txt", text)
    (found,) = [f for f in doc.found if f.figure.text == shown]
    assert scope_of(doc, found).years == frozenset(years)


BASELINES = [
    ("Usage rose to 55%, up from 48.8% last year.", "48.8%", True),
    ("Usage rose to 55%, up from 48.8% last year.", "55%", False),
    ("This year's 4.4% is up from last year's 3.7%.", "3.7%", True),
    ("营收从4.41亿元增长到5.0亿元。", "4.41亿元", True),
    ("营收从4.41亿元增长到5.0亿元。", "5.0亿元", False),
    ("公司由10人组成。", "10", False),
    ("总预定量达到了 9 万辆，超过了三月份公布的 8.3 万辆。", "8.3 万", True),     # what it is measured against
    ("总预定量达到了 9 万辆，超过了三月份公布的 8.3 万辆。", "9 万", False),
    ("订单超过9万辆。", "超过9万", False),                                           # a hedge, not a comparison
    ("Orders reached 90,000, exceeding the 83,000 announced in March.", "83,000", True),
    ("Orders reached more than 90,000.", "more than 90,000", False),
    ("Cash rose to $53.3 million compared to $39.6 million a year ago.", "$39.6 million", True),
    ("Cash rose to $53.3 million compared to $39.6 million a year ago.", "$53.3 million", False),
    ("Apple took 30.7 percent versus 20.4 percent for Samsung.", "20.4 percent", False),   # two subjects
    ("同店销售增长率为-13.1%(较2023年Q3的+19.9%下降)", "+19.9%", True),
]


@pytest.mark.parametrize("text,shown,baseline", BASELINES, ids=[f"{c[1]}-{c[2]}" for c in BASELINES])
def test_a_starting_value_is_marked(text, shown, baseline):
    doc = SourceDoc("a.txt", text)
    (found,) = [f for f in doc.found if f.figure.text.strip() == shown]
    assert scope_of(doc, found).baseline is baseline


PERIODS = [
    # text, figure, the months/quarters/halves it belongs to
    ("CPI inflation declined from 2.7% in June to 1.6% in September.", "1.6%", {"m9"}),
    ("前三季度，制造业投资同比增长14.8%。", "14.8%", {"m1-9"}),              # the year to September, not Q3
    ("Sales were $1.13bn for the three months to December.", "$1.13bn", {"q4"}),   # a quarter by its months
    ("Sales were $2.1bn in the six months ended June 30.", "$2.1bn", {"h1"}),
    ("全年开关店比达1.67，高于上半年1.34的水平。", "1.67", {"m1-12"}),    # the full year
    ("7、8、9三个月，青年失业率分别为16.2%、15.3%和14.6%。", "16.2%", {"m7"}),   # one month per slot of the list
    ("7、8、9三个月，青年失业率分别为16.2%、15.3%和14.6%。", "14.6%", {"m9"}),
    ("In the first three quarters, investment rose 7.3%.", "7.3%", {"m1-9"}),
    ("第三季度，投资增长3.1%。", "3.1%", {"q3"}),
    ("CPI inflation declined from 2.7% in June to 1.6% in September.", "2.7%", {"m6"}),
    ("一季度GDP增长18.3%，上半年增长12.7%。", "18.3%", {"q1"}),
    ("一季度GDP增长18.3%，上半年增长12.7%。", "12.7%", {"h1"}),
    ("Growth was 2% in the first half and 1.75% in the second half.", "1.75%", {"h2"}),
    ("Prices may rise 5% next year.", "5%", set()),                  # 'may' the verb
    ("1—11月份，全国规模以上工业企业利润同比增长38.0%。", "38.0%", {"m1-11"}),   # a span of months, named before
    ("From January-November, profits rose 38%.", "38%", {"m1-11"}),
    ("2Q26 earnings of US$0.80 compared to a 2Q25 loss of US$0.47", "US$0.47", {"q2"}),   # as earnings releases write
    ("This year, that number has fallen to 7.5%.", "7.5%", {"y0"}),
    ("1-8 月我国动力电池累计装车量 162.1GWh。", "162.1GWh", {"m1-8"}),   # typesetting spaces before 月
    ("今年 8 月，三元电池装车量 10.5GWh。", "10.5GWh", {"m8"}),                 # the month nearest it
    ("7月份，出口增长10.1%；其中运输出口增长21.1%。", "21.1%", {"m7"}),       # framed by the sentence before its semicolon
    ("Shipments for the calendar 2012 were worth $576.9 billion.", "$576.9 billion", {"m1-12"}),
    ("Stable users now make up 77.9% of Rust users.", "77.9%", {"y0"}),
]


@pytest.mark.parametrize("text,shown,periods", PERIODS, ids=[f"{c[1]}-{sorted(c[2])}" for c in PERIODS])
def test_a_figure_knows_its_month_quarter_or_half(text, shown, periods):
    doc = SourceDoc("a.txt", text)
    (found,) = [f for f in doc.found if f.figure.text.strip().endswith(shown)]
    assert scope_of(doc, found).periods == frozenset(periods)


ROLES = [
    # text, percentage, role
    ("少数民族人口增长10.26%。", "10.26%", "change"),
    ("机电产品出口占出口总值的58.3%。", "58.3%", "share"),
    ("Ethnic minorities made up 10.26% of the population.", "10.26%", "share"),
    ("Exports grew 58.3% in the period.", "58.3%", "change"),
    ("Prices went up 5% on the year.", "5%", "change"),
    ("占比提升1.1个百分点至48.2%。", "48.2%", ""),               # the level reached: neither
    ("The rate rose to 48.2% in May.", "48.2%", ""),
    ("年平均增长率为0.53%。", "0.53%", ""),
]


@pytest.mark.parametrize("text,shown,role", ROLES, ids=[f"{c[1]}-{c[2] or 'none'}" for c in ROLES])
def test_a_percentage_is_a_change_or_a_share(text, shown, role):
    doc = SourceDoc("a.txt", text)
    (found,) = [f for f in doc.found if f.figure.text.strip().endswith(shown)]
    assert scope_of(doc, found).role == role


TABLE = "# 结果\n\n| 模型 | MMLU | CMMLU |\n|---|---|---|\n| Alpha-7B | 54.16 | 57.07 |\n| Beta-13B | 59.17 | 61.97 |\n"

CLAIM_YEARS = [
    # claim text, the years it names
    ("Users grew 36.56% year on year in 2021.", {"2021"}),     # a year that ends the sentence
    ("Revenue in FY2021.", {"2021"}),
    ("2021年营收为5.0亿元。", {"2021"}),
    ("The company employs 2000, up from 1800.", set()),        # a count, not a year
    ("The rate was 0.53%, 0.04 points lower than in 2000-2010.", set()),   # the years compared with
    ("2021年营收比2020年增长5%。", {"2021"}),
    ("Version 2021.5 is out.", set()),
]


IN_CLAIM = [
    # claim text, a figure as `figures:` writes it, the words of the claim it is
    ("R&D fell to 35 million yuan in 2021, from 76 million yuan in 2018.", "¥76 million", "76 million yuan"),
    ("Revenue rose 5% to $3 billion.", "5%", "5%"),
    ("Revenue rose 5% to $3 billion.", "¥3 billion", ""),                     # another currency: not this one
]


@pytest.mark.parametrize("claim,figure,words", IN_CLAIM)
def test_a_claim_figure_is_found_in_the_claim_however_written(claim, figure, words):
    from verifier.document.scope import in_claim
    at, end = in_claim(claim, figure)
    assert (claim[at:end] if at >= 0 else "") == words


@pytest.mark.parametrize("text,years", CLAIM_YEARS)
def test_a_claim_names_its_years(text, years):
    assert claim_years(text, ()) == frozenset(years)


_SURVEY = ('+++\npath = "2017/09/05/survey"\n+++\n\nLast year, 16.2% of respondents said that upgrading broke their '
           "code. This year, that number has fallen to 7.5% of respondents.\n")
_SPEEDS = ("| Model | Speed (tokens/s) |\n|---|---|\n| OrionStar-14B-Base | 135 |\n"
           "| OrionStar-14B-Base-Int4 | 178 |\n")
_GROUPS = ("#### Online Chat\n##### 1. QQ Group (Chinese Social APP)\n- **Group 1**, 808364215 (Full)\n"
           "- **Group 2**, 230696694 (Full)\n- **Group 3**, 933639842\n")
_SCORES = ("We tested the base version.\n\n| Model | GSM8K | C-Eval | CMMLU |\n|---|---|---|---|\n"
           "| ChatGLM2-6B-Base | 32.4 | 51.7 | 50.0 |\n| ChatGLM3-6B-Base | 72.3 | 69.0 | 67.5 |\n")
_BMINF = ("Speeds of CPM2 on each platform.\n\nImplementation | GPU | Encoder Speed (tokens/s) | Decoder Speed "
          "(tokens/s) |\n|-|-|-|-|\nBMInf | NVIDIA Tesla V100 | 2966 | 20\nBMInf | NVIDIA Tesla A100 | 4365 | 26\n"
          "PyTorch | NVIDIA Tesla V100 | - | 3\nPyTorch | NVIDIA Tesla A100 | - | 7\n")
_TWO_LISTS = ("销售金额层面，金地集团、招商蛇口和瑞安房地产分别以311.26亿元、282.08亿元和254.43亿元获得前三名，销售面积榜方面，"
              "金地集团、招商蛇口和融创中国分别以76.06万平、68.31万平和54.56万平获得前三名。")
_CASH = ("# 瑞幸咖啡2024年第三季度财报\n\n## 4. 现金流状况\n\n- 经营活动现金流净额13.16亿元\n- 投资活动现金流净流出9.88亿元\n"
         "- 筹资活动现金流净流出0.5亿元\n")
_GAAP = "## 盈利能力\n\n- GAAP营业利润15.58亿元,营业利润率15.3%\n- 非GAAP营业利润16.56亿元,营业利润率16.3%\n"
_KUAIGOU = "2021年，快狗打车的营收为6.61亿元，同比增加24.59%；净亏损为8.73亿元，亏损额度同比增长32.61%。"
_SHOTS = ("## Leaderboard\n\n#### Five-shot\n\n| Model | STEM | Average |\n|---|---|---|\n| ChatGPT | 47.81 | 55.51 |\n\n"
          "#### Zero-shot\n\n| Model | STEM | Average |\n|---|---|---|\n| ChatGPT | 44.80 | 53.22 |\n")
_CHIPMOS = ("Revenue for the second quarter of 2026 was NT$7,383.1 million, an increase of 6.5% from NT$6,935.6 "
            "million in the first quarter of 2026 and an increase of 28.7% from NT$5,735.8 million for the same period "
            "in 2025.")
_NEWS = "## Updates\n\n**2023.08.30**\n\n- Vocos decoder replaces EnCodec.\n\n**2023.08.14**\n\n- Pretrained checkpoint released.\n"
VERDICTS = [
    # source text, claim, figure, expected verdict
    ("休闲娱乐业态上半年的开关店比为1.57，全年回落至1.21。", "休闲娱乐业态全年的开关店比为1.57。", "1.57", "contradicted"),
    ("儿童游乐热度走高，全年开关店比达1.67，高于上半年1.34的水平。", "儿童游乐全年开关店比为1.67，上半年为1.34。", "1.67",
     "supported"),                                           # a claim of the year and its first half
    ("高技术服务业投资同比增长6.6%。高技术服务业中，电子商务服务业、检验检测服务业投资同比分别增长43.8%、23.7%。",
     "高技术服务业投资同比增长超过20%。", "超过20%", "contradicted"),     # 23.7% is a part, named after 'X中，'
    ("高技术服务业投资同比增长6.6%。高技术服务业中，电子商务服务业、检验检测服务业投资同比分别增长43.8%、23.7%。",
     "检验检测服务业投资同比增长23.7%。", "23.7%", "supported"),
    ("三季度末，生猪存栏43764万头，同比增长18.2%；其中，能繁殖母猪存栏4459万头，增长16.7%。", "能繁殖母猪存栏同比增长18.2%。",
     "18.2%", "contradicted"),                               # the whole's change, for its part named after 其中
    ("三季度末，生猪存栏43764万头，同比增长18.2%；其中，能繁殖母猪存栏4459万头，增长16.7%。", "生猪存栏同比增长18.2%。",
     "18.2%", "supported"),
    ("截至1月，上报公共类充电桩117.8万台，其中直流充电桩48.6万台、交流充电桩69.1万台。", "公共类充电桩中，直流桩48.6万台。",
     "48.6万台", "supported"),
    ("据介绍，前三季度，最终消费支出对经济增长贡献率为64.8%，资本形成总额贡献率为15.6%。", "文化办公用品类零售额同比增长64.8%。",
     "64.8%", "not_found"),                                  # 增长 says how it moved, not what
    ("9月份，社会消费品零售总额同比增长4.4%。", "前三季度社会消费品零售总额同比增长16.4%。", "16.4%", "not_found"),
    ("高技术制造业中，计算机及办公设备制造业、航空航天器及设备制造业投资同比分别增长40.8%、38.5%。",
     "计算机及办公设备制造业投资同比增长38.5%。", "38.5%", "contradicted"),  # 、 parts the items, 及 joins inside one
    ("高技术制造业中，计算机及办公设备制造业、航空航天器及设备制造业投资同比分别增长40.8%、38.5%。",
     "计算机及办公设备制造业投资同比增长40.8%。", "40.8%", "supported"),
    ("We are pleased that over 3/4th of all respondents said they feel welcome, with 23.6% not sure.",
     "More than 75% of respondents said they feel welcome.", "more than 75%", "supported"),  # a share, no part count
    ("Windows is second at 1,130 of 3,588 respondents, putting it at 31.5% of respondents, up from 27.6% of last "
     "year.", "Windows use was 27.6% last year.", "27.6%", "supported"),     # the candidate of the claim's period
    ("安徽省一季度的GDP为9529.1亿元，这一数据高出上海70.24亿元。", "一季度安徽省GDP比上海高出70.24亿元。", "70.24亿元",
     "supported"),                                           # a difference is checked against the difference
    ("安徽省一季度的GDP为9529.1亿元，这一数据高出上海70.24亿元。", "一季度安徽省GDP比上海高出9529.1亿元。", "9529.1亿元",
     "contradicted"),                                        # not against the level
    ("We got 5,368 responses this year. That is 2,163 more responses than last year.",
     "There were 5,368 more responses than last year.", "5,368", "contradicted"),
    ("Oil prices are about $10 lower than assumed in July.", "油价比7月的假设低约10美元。", "约10美元", "supported"),
    ("The model was trained on 3.2 trillion tokens covering more than 40 languages.",
     "It was trained on 3.2 trillion tokens covering more than 40 languages.", "3.2 trillion", "supported"),
    ("| Resolution | offload OFF | offload ON |\n| --- | --- | --- |\n| 512 * 512 | 33GB | 20GB |\n"
     "| 2048 * 2048 | 43GB | 21GB |\n", "At 2048 x 2048 with offload OFF it needs 43GB.", "43GB", "supported"),
    ("| Resolution | offload OFF | offload ON |\n| --- | --- | --- |\n| 512 * 512 | 33GB | 20GB |\n"
     "| 2048 * 2048 | 43GB | 21GB |\n", "At 512*512 with offload OFF it needs 43GB.", "43GB", "contradicted"),
    ("- 2024/07/01：转写服务GPU版本 1.1发布。\n- 2024/06/27：转写服务GPU版本 1.0发布。\n", "转写服务GPU版本 1.1于2024年6月27日发布。",
     "2024年6月27日", "contradicted"),                      # the neighbouring release's date
    ("- 2024/07/01：转写服务GPU版本 1.1发布。\n- 2024/06/27：转写服务GPU版本 1.0发布。\n", "转写服务GPU版本 1.1于2024年7月1日发布。",
     "2024年7月1日", "supported"),
    ("2. 远洋海运 净利润盈利：892.8亿，同比增长799%。", "远洋海运净利润盈利892.8亿元。", "892.8亿元", "supported"),   # 元 unwritten
    ("2. 远洋海运 净利润盈利：892.8亿，同比增长799%。", "远洋海运净利润盈利982.8亿元。", "982.8亿元", "contradicted"),
    ("2. 远洋海运 员工人数：892.8万，同比增长7%。", "远洋海运员工人数为892.8万元。", "892.8万元", "not_found"),  # no money word
    ("原材料成本39.55亿元(同比+24.9%)。", "原材料成本同比下降24.9%。", "24.9%", "contradicted"),   # a plus sign rises
    ("原材料成本39.55亿元(同比+24.9%)。", "原材料成本同比增长24.9%。", "24.9%", "supported"),
    ("9月份零售总额同比增长4.4%，比上月加快1.9个百分点。", "9月份零售总额增速比上月放缓1.9个百分点。", "1.9个百分点",
     "contradicted"),
    ("Cash from operations rose to $53.3 million in the second quarter of fiscal 2026 compared to $39.6 million "
     "in the second quarter of last year.", "Cash from operations was $39.6 million in the fiscal 2026 second quarter.",
     "$39.6 million", "contradicted"),                       # last year's value, for this year's
    ("Cash from operations rose to $53.3 million in the second quarter of fiscal 2026 compared to $39.6 million "
     "in the second quarter of last year.", "Cash from operations rose to $53.3 million in the second quarter, "
     "versus $39.6 million a year earlier.", "$39.6 million", "supported"),
    ("2019年营收为4.41亿元，2021年营收为5.0亿元。", "2021年营收为4.41亿元。", "4.41亿元", "contradicted"),
    ("2019年营收为4.41亿元，2021年营收为5.0亿元。", "2019年营收为4.41亿元。", "4.41亿元", "supported"),
    # a claim of one counted word (营收) needs only that word in the other slot's scope for a conflict
    ("2019年、2021年营收分别为4.41亿元、5.0亿元。", "2021年营收为4.41亿元。", "4.41亿元", "contradicted"),
    ("Usage rose to 55%, up from 48.8% last year.", "Usage is 48.8%.", "48.8%", "contradicted"),
    ("Usage rose to 55%, up from 48.8% last year.", "Usage rose to 55% from 48.8%.", "48.8%", "supported"),
    # the value reached (55%) is the claim's own other figure, no conflict with its start
    (TABLE, "Alpha-7B scores 57.07 on CMMLU.", "57.07", "supported"),
    (TABLE, "Alpha-7B scores 57.07 on MMLU.", "57.07", "contradicted"),        # MMLU is not CMMLU
    (TABLE, "Gamma-7B scores 57.07 on CMMLU.", "57.07", "not_found"),         # no such row
    ("| Model | TextVQA |\n|---|---|\n| CogVLM2-LLaMA3 | 84.2 |\n| CogVLM2-LLaMA3-Chinese | 85.0 |\n",
     "CogVLM2-LLaMA3 scores 85.0 on TextVQA.", "85.0", "contradicted"),   # the longer name is another row; its
    #                                                                         own row says 84.2
    pytest.param("We surveyed 5,000 people. The city has 200 parks.", "The survey drew 200 respondents.", "200",
                 "contradicted", marks=pytest.mark.xfail(strict=True, reason="'drew' and 'respondents' are not in the "
                                                         "source and 'people' is no synonym the checker knows: the "
                                                         "5,000 surveyed are not taken for the claim's subject")),
    ("We met 5,000 people. The city has 200 parks.", "The survey drew 200 respondents.", "200", "not_found"),
    ("平台离岸至少32公里。", "平台离岸至少23公里。", "至少23", "contradicted"),     # the floor lowered
    ("平台离岸超过130亿参数。", "平台离岸超过150亿参数。", "超过150亿参数", "not_found"),   # a higher floor: allowed, not stated
    ("去年用户达到1370万。", "用户超过430。", "超过430", "not_found"),           # a bound far below is no statement
    ("调查显示，受访者中有63%使用Linux。", "63% of respondents use Linux.", "63%", "supported"),   # CC-CEDICT
    ("少数民族人口增长10.26%，汉族人口增长4.93%。", "少数民族占总人口的10.26%。", "10.26%", "not_found"),   # a change, not a share
    ("机电产品出口占出口总值的58.3%。", "机电产品出口增长58.3%。", "58.3%", "not_found"),
    ("我国与欧盟、东盟和美国分别增长12.4%、10.5%和9.7%。", "我国与欧盟贸易增长10.5%。", "10.5%", "contradicted"),  # 欧盟's is 12.4%
    ("我国与欧盟、东盟和美国分别增长12.4%、10.5%和9.7%。", "我国与东盟贸易增长10.5%。", "10.5%", "supported"),
    ("在健身 App 市场和健身设备市场，给出的市场份额数据分别为 44.7% 和 38.8%。", "健身设备市场份额为44.7%。", "44.7%",
     "contradicted"),                                        # the items joined by 和, not the stretch after the comma
    ("2018年内地和海外的抽佣率分别为5.8%和4.5%，2021年上升至12.0%和9.2%。", "2021年内地的抽佣率为9.2%。", "9.2%",
     "contradicted"),                                        # a later list keeps the order of the 分别 list
    ("2018年内地和海外的抽佣率分别为5.8%和4.5%，2021年上升至12.0%和9.2%。", "2021年海外的抽佣率为9.2%。", "9.2%",
     "supported"),
    ("The rates in 2023 or 2024 were 90% and 93%, respectively.", "The rate in 2024 was 90%.", "90%", "not_found"),
    ("1—11月份，工业企业利润同比增长38.0%。", "11月份，工业企业利润同比增长38.0%。", "38.0%", "not_found"),  # Jan–Nov is not Nov
    ("Bots made up 322.65% more repositories.", "Bots made up more than 97% of developers.", "more than 97%",
     "not_found"),                                           # over 100%: no share
    ("1—11月份，汽车制造业利润下降3.4%。", "1—11月份，汽车制造业利润增长3.4%。", "3.4%", "contradicted"),  # the way it went
    ("Revenue fell 5% in the quarter.", "Revenue rose 5% in the quarter.", "5%", "contradicted"),
    ("Notebook shipments saw a 13.1 percent decline.", "Notebook shipments grew 13.1 percent.", "13.1 percent",
     "contradicted"),                                        # the noun after the figure says the way
    ("中远海运股价曾跌去96%。", "中远海运股价上涨了96%。", "96%", "contradicted"),
    ("Revenue fell 5% in the quarter.", "Revenue fell 5% in the quarter.", "5%", "supported"),
    ("CPI inflation declined from 2.7% in June to 1.6% in September.", "CPI inflation was 1.6% in June.", "1.6%",
     "contradicted"),                                        # June's was 2.7%; September's 1.6% says nothing of June
    ("CPI inflation declined from 2.7% in June to 1.6% in September.", "CPI inflation was 1.6% in September.",
     "1.6%", "supported"),
    ("去年同期，上海市GDP为7856.62亿元，安徽省GDP为7821.3亿元。", "Shanghai's GDP was 782.13 billion yuan.",
     "782.13 billion yuan", "contradicted"),                 # the clause of 安徽, built like Shanghai's
    ("一季度海南省服务业增加值同比增长25.5%，对整体经济增长贡献作用达到78.9%。",
     "Hainan's service sector contributed 78.9% of the province's economic growth.",
     "78.9%", "supported"),                                  # a clause without a subject of its own keeps Hainan
    ("Prices start at $60 for the 4 GB model, and the 8 GB model costs $80.", "The 4 GB model costs $80.", "$80",
     "contradicted"),                                        # the claim's 4 GB names the item: $80 is the 8 GB's
    ("Prices start at $60 for the 4 GB model, and the 8 GB model costs $80.", "The 8 GB model costs $80.", "$80",
     "supported"),
    ("Capital expenditures of $105 million to $115 million (vs. previous outlook of $110 million to $125 "
     "million).", "The outlook for capital expenditures is $110 million to $125 million.",
     "$110 million to $125 million", "contradicted"),                      # a previous outlook is replaced
    ("In the survey, 12% of respondents use Copilot.", "12% of respondents use Google Gemini.", "12%",
     "not_found"),                                           # the source never names Gemini
    ("In the survey, 12% of respondents use Copilot.", "12% of respondents use Copilot.", "12%", "supported"),
    ("Our survey drew 5,000 respondents. Of them, 70% use VS Code, and the median age was 31.",
     "The median age of survey respondents was 34.", "34", "contradicted"),
    ("Our survey drew 5,000 respondents. Of them, 70% use VS Code.",
     "The median age of survey respondents was 34.", "34", "not_found"),    # 5,000 is no age: the rare words lack
    ("月活跃用户由2018年的69.11万人降至2021年的45.62万人。", "2021年月活跃用户为69.11万人。", "69.11万人",
     "contradicted"),                                        # a start value with its own year
    ("月活跃用户由2018年的69.11万人降至2021年的45.62万人。", "2021年月活跃用户为45.62万人。", "45.62万人",
     "supported"),
    ("Gross margin rose from 23.0% in 2018 to 36.6% in 2021.", "Gross margin was 23.0% in 2021.", "23.0%",
     "contradicted"),                                        # each year belongs to the figure nearest it
    ("VSCode adoption is at 34.1% (up from last year's 3.8%).", "Last year 3.8% used VSCode.", "3.8%",
     "supported"),                                           # a claim about last year may take last year's value
    ("Windows is used by 31.5% of respondents, up from 27.6% of last year.", "Windows use was 27.6% last year.",
     "27.6%", "supported"),
    ("Windows is used by 31.5% of respondents, up from 27.6% of last year.", "Windows use is 27.6%.",
     "27.6%", "contradicted"),
    ("This year the survey had 5,368 responses. Rustup users grew, totalling now 3,205 of the responses.",
     "This year the survey had 3,205 responses.", "3,205", "contradicted"),   # a part of the whole, not the whole
    ("This year the survey had 5,368 responses. Rustup users grew, totalling now 3,205 of the responses.",
     "Rustup users made up 3,205 of the responses.", "3,205", "supported"),
    ("Revenue was $95 million, short of the $130 million analysts expected.", "Revenue was $130 million.",
     "$130 million", "contradicted"),                        # an expectation is not what happened
    ("Revenue was $95 million, short of the $130 million analysts expected.",
     "Analysts expected revenue of $130 million.", "$130 million", "supported"),
    ("全年生产目标是5万辆。", "全年产量为5万辆。", "5万辆", "not_found"),          # a target, not the output
    ("全年生产目标是5万辆。", "全年生产目标为5万辆。", "5万辆", "supported"),
    ("这轮融资金额低于A轮的2.5亿美元。", "A轮融资为2.5亿美元。", "2.5亿美元", "supported"),   # names what it is measured against
    ("总预定量达到了9万辆，超过了三月份公布的8.3万辆。", "总预定量为8.3万辆。", "8.3万辆", "contradicted"),
    ("电池支持 80W 有线快充和 50W 无线快充。", "It supports 80W wireless charging.", "80W", "contradicted"),
    ("电池支持 80W 有线快充和 50W 无线快充。", "It supports 50W wireless charging.", "50W", "supported"),
    ("整机展开厚度 6.9mm，折叠后 15.5mm，重量 204g。", "Folded, the phone is 6.9 mm thick.", "6.9 mm", "contradicted"),
    ("整机展开厚度 6.9mm，折叠后 15.5mm，重量 204g。", "Folded, the phone is 15.5 mm thick.", "15.5 mm", "supported"),
    ("2021年工业产值比上年增长55.9%，其中能源工业产值增长61.4%。", "2021年工业产值增长61.4%。", "61.4%",
     "contradicted"),                                        # 其中: a part the claim does not name
    ("2021年工业产值比上年增长55.9%，其中能源工业产值增长61.4%。", "2021年能源工业产值增长61.4%。", "61.4%",
     "supported"),
    ("旅行服务进出口4299.8亿元，下降32.7%，其中出口下降41.6%，进口下降31.6%。", "旅行服务进出口下降32.7%。", "32.7%",
     "supported"),                                           # 出口 inside the whole's 进出口 names no part
    ("旅行服务进出口4299.8亿元，下降32.7%，其中出口下降41.6%，进口下降31.6%。", "旅行服务出口下降41.6%。", "41.6%",
     "supported"),
    ("Insta360 GO Ultra 今日发布，单机续航则为 70 分钟（1080p）或 60 分钟（4K）。",
     "Insta360 GO Ultra records 70 minutes in 4K.", "70 minutes", "contradicted"),                                        # the claim's other number (4K) says which item
    ("东方财富证券实现营业收入41.77亿元。", "Eastmoney Securities posted revenue of 4.177 billion yuan.",
     "4.177 billion yuan", "supported"),                    # Securities is no proper name the source must write
    ("投入门槛将达到数十亿甚至数百亿美金的级别。", "The threshold will reach 数百亿美金.", "数百亿美金",
     "supported"),                                           # the verb before both figures is neither's own
    ("全国人口共141178万人，与2010年的133972万人相比，增加7206万人。", "全国人口增加7206万人。", "7206万人",
     "supported"),                                           # the first clause names what all clauses are about
    # what a change is measured against (verifier/check/basis.py): 同比 / 环比, a frame clause, a paragraph's lead,
    # a two-year average, the quarter after 'from'
    ("11月份，CPI同比上涨2.3%，环比上涨0.4%。", "11月CPI环比上涨2.3%。", "2.3%", "contradicted"),
    ("从环比看，生活资料价格上涨0.4%。", "生活资料价格同比上涨0.4%。", "0.4%", "not_found"),
    ("从环比看，生活资料价格上涨0.4%。", "生活资料价格环比上涨0.4%。", "0.4%", "supported"),
    ("<p><font>从环比看，PPI由上月上涨2.5%转为持平。</font>其中，生活资料价格上涨0.4%。</p>", "生活资料价格同比上涨0.4%。",
     "0.4%", "not_found"),                                  # the lead, behind markup, gives the paragraph its base
    ("与2019年同期相比，服务进出口下降9%，两年平均下降4.6%，其中出口增长21.5%。", "与2019年同期相比，出口增长21.5%。",
     "21.5%", "supported"),                                  # the frame clause, not the two-year average before it
    (_CHIPMOS, "Revenue for the second quarter of 2026 rose 6.5% year on year.", "6.5%", "contradicted"),
    (_CHIPMOS, "Revenue for the second quarter of 2026 rose 28.7% year on year.", "28.7%", "supported"),
    ("分领域看，房地产开发投资同比增长8.8%，两年平均增长7.2%。",
     "Property development investment rose 7.2% year on year in the first three quarters.", "7.2%", "contradicted"),
    # a README's dated list: each date is its item's, and the claim's words say which
    (_NEWS, "The pretrained checkpoint was released on 14 August 2023.", "14 August 2023", "supported"),
    (_NEWS, "The pretrained checkpoint was released on 30 August 2023.", "30 August 2023", "contradicted"),
    ("2Q26 Net Earnings of US$0.80 per Basic ADS Compared to a 2Q25 Net Loss of US$0.47 per Basic ADS",
     "Second-quarter 2026 net earnings were US$0.47 per basic ADS.", "US$0.47", "contradicted"),   # 2Q25 is 2025
    # 'last year', 'this year' and 'now' count from the year the source was written (its opening's full date)
    (_SURVEY, "In 2017, 16.2% of respondents said upgrading broke their code.", "16.2%", "not_found"),
    (_SURVEY, "In 2016, 16.2% of respondents said upgrading broke their code.", "16.2%", "supported"),
    (_SURVEY, "This year 16.2% of respondents said upgrading broke their code.", "16.2%", "not_found"),
    # a row whose name the claim's name extends is another model's, where a row bears the claim's name
    (_SPEEDS, "OrionStar-14B-Base-Int4 runs at 135 tokens per second.", "135", "not_found"),
    (_SPEEDS, "OrionStar-14B-Base runs at 135 tokens per second.", "135", "supported"),
    ("Turnout was 66.1%, up on 2010's 65.1%.", "Turnout in the 2015 general election was 65.1%.", "65.1%",
     "not_found"),                                           # 2010's 65.1%: a year written as a possessive
    ("《原神》角色PV在YouTube上的播放量已超500万次。", "《原神》角色PV在B站的播放量已超500万次。", "超500万次",
     "not_found"),                                           # B站, a lettered name the source never writes
    (_GROUPS, "ChatTTS's QQ Group 1 is number 230696694.", "230696694", "not_found"),   # Group 2's number
    (_GROUPS, "ChatTTS's QQ Group 2 is number 230696694.", "230696694", "supported"),
    # a cell whose row and column the claim names conflicts without the claim's verbs and articles around it
    (_SCORES, "ChatGLM3-6B-Base scores 67.5 on the C-Eval benchmark.", "67.5", "contradicted"),
    (_SCORES, "The ChatGLM3-6B-Base model scores 69.0 on C-Eval.", "69.0", "supported"),
    # two columns in one unit: the claim that names one apart (decodes: Decoder) reads its cells in that unit; a
    # second label column (GPU) holds the row's name too (Tesla A100, not its sibling Tesla V100)
    (_BMINF, "PyTorch decodes CPM2 at 7 tokens/s on a Tesla A100.", "7 tokens/s", "supported"),
    (_BMINF, "PyTorch decodes CPM2 at 3 tokens/s on a Tesla A100.", "3 tokens/s", "not_found"),
    # a sentence of two 分别 lists: each figure is its own list's; a unit the engine does not read (平) may follow
    # each value
    (_TWO_LISTS, "融创中国的销售面积为76.06万平。", "76.06万", "contradicted"),
    (_TWO_LISTS, "融创中国的销售面积为54.56万平。", "54.56万", "supported"),
    ("前2个月我国与欧盟、东盟和美国分别进出口8746.4亿元、8704.7亿元和7859.2亿元，分别增长12.4%、10.5%和9.7%。",
     "前两个月我国与美国进出口增长9.7%。", "9.7%", "supported"),     # the second list keeps the first's subjects
    ("7月份，我国服务进出口总额4319.2亿元，同比增长10.1%；其中出口2088.2亿元，同比增长21.1%。", "1-7月，我国服务出口同比增长21.1%。",
     "21.1%", "not_found"),                                 # the sentence before, to its semicolon, frames July
    ("Tablet shipments for the calendar 2012 surpassed 128 million units, with total shipments worth $576.9 billion.",
     "Devices shipped in the fourth quarter of 2012 were worth $576.9 billion.", "$576.9 billion",
     "not_found"),                                          # the calendar year, not its fourth quarter
    # a short item of a key-figures list is a sibling of the others: the item the claim names decides
    (_CASH, "瑞幸三季度投资活动现金流净流出13.16亿元。", "13.16亿元", "contradicted"),
    (_CASH, "经营活动现金流净额13.16亿元。", "13.16亿元", "supported"),
    # non-GAAP (非GAAP) is another measure than GAAP, both ways
    (_GAAP, "Luckin's GAAP operating profit came to 1.656 billion yuan.", "1.656 billion yuan", "contradicted"),
    (_GAAP, "Luckin's non-GAAP operating profit came to 1.558 billion yuan.", "1.558 billion yuan", "not_found"),
    (_GAAP, "Luckin's non-GAAP operating profit came to 1.656 billion yuan.", "1.656 billion yuan", "supported"),
    # a sentence past a semicolon keeps the year that frames it; a change or level is its own measure's
    (_KUAIGOU, "快狗打车2020年净亏损为8.73亿元。", "8.73亿元", "not_found"),
    (_KUAIGOU, "快狗打车2021年净亏损同比增长24.59%。", "24.59%", "contradicted"),
    (_KUAIGOU, "快狗打车2021年营收同比增加24.59%。", "24.59%", "supported"),
    ("Backblaze reduced the total number of hard drives in service in Q1 by 648 drives.",
     "Backblaze added 648 drives in Q1.", "648", "contradicted"),     # 'reduced … by 648' goes down
    # two tables alike, each under its own heading: the claim that writes one heading means that table
    (_SHOTS, "In the five-shot setting, ChatGPT's average is 53.22.", "53.22", "contradicted"),
    (_SHOTS, "In the zero-shot setting, ChatGPT's average is 53.22.", "53.22", "supported"),
    # markup never parts a list from its values: the slots of a 分别 list hold with <b> around each value
    ("华北、华东、华南地区销售额同比分别增长<b>5.1%</b>、<b>7.3%</b>和<b>9.8%</b>。", "华东地区销售额同比增长7.3%。",
     "7.3%", "supported"),
    ("华北、华东、华南地区销售额同比分别增长<b>5.1%</b>、<b>7.3%</b>和<b>9.8%</b>。", "华北地区销售额同比增长9.8%。",
     "9.8%", "contradicted"),
    # the words every item shares (地区销售额同比) stand after the last item, not in it
    ("今年一季度，华北、华东、华南地区销售额同比分别增长5.1%、7.3%和9.8%。", "华东地区销售额同比增长7.3%。", "7.3%",
     "supported"),
    # the claim names this slot's own subject more than another's: 地区 is generic, 北美 decides
    ("亚洲地区和北美实际销量同比分别增长8.4%和9.1%。", "北美地区实际销量同比增长9.1%。", "9.1%", "supported"),
    # a figure written with its verb says its way inside the figure
    ("Shares lost 10.5% against 11.1% growth of the industry.", "The industry declined 11.1%.", "declined 11.1%",
     "contradicted"),
    ("The sequel dropped nearly 60% to second place.", "The sequel rose nearly 60% to second place.",
     "rose nearly 60%", "contradicted"),
    # a verb of expecting governs its object clause: the +9% is the forecast's
    ("Acme expects its fiscal 2025 traffic to reach almost 200 million (+9%) passengers.",
     "Acme's passenger numbers grew 9% in January 2025.", "9%", "not_found"),
    # a setting (mp=1, r=8) names a configuration: another row's setting is another configuration
    ("| setting | 8 | 16 |\n|---|---|---|\n| Z3(mp=1) | 14.88 | 21.69 |\n| Z3(mp=4) | 15.51 | - |\n",
     "Z3(mp=1) reaches a throughput of 15.51 at batch size 8.", "15.51", "not_found"),
    ("| setting | 8 | 16 |\n|---|---|---|\n| Z3(mp=1) | 14.88 | 21.69 |\n| Z3(mp=4) | 15.51 | - |\n",
     "Z3(mp=1) reaches a throughput of 21.69 at batch size 16.", "21.69", "supported"),
    # a row labelled by a bare number is the row of the number the claim writes
    ("| bits | false positive ratio |\n|---|---|\n| 2 | 12.5% |\n| 4 | 6.2% |\n",
     "With 4 checksum bits, the false positive ratio is 12.5%.", "12.5%", "contradicted"),
    # what a figure counts, written in the figure, must be what the source's figure counts
    ("For first-time project use, there are two types: classification and detection.",
     "The project was written in the spare time of two weekends.", "two weekends", "not_found"),
    ("It includes an 8-core CPU and 10-core GPU.", "The chip has a 10-core CPU.", "10-core", "contradicted"),
    ("The store reaches 3.8M QPS on one instance.", "The store reaches 3.8M QPS.", "3.8M QPS", "supported"),
    ("The store serves 3.8M users on one instance.", "The store reaches 3.8M QPS.", "3.8M QPS", "not_found"),
    # a label line names the period of the paragraph under it
    ("Highlights, January–December 2024\n\nNet sales decreased by 15% to SEK 245 million\n\n"
     "Highlights, October–December 2024\n\nNet sales decreased by 7% to SEK 68 million\n",
     "Net sales fell 15% in the fourth quarter of 2024.", "15%", "contradicted"),
    ("Highlights, January–December 2024\n\nNet sales decreased by 15% to SEK 245 million\n\n"
     "Highlights, October–December 2024\n\nNet sales decreased by 7% to SEK 68 million\n",
     "Net sales fell 15% in the full year 2024.", "15%", "supported"),
    # a column headed by a bare number is the column of the number the claim writes
    ("|consumers|1|2|3|\n|---|---|---|---|\n|throughput|6,462,726|6,542,259|7,360,934|\n",
     "With 2 consumers the throughput is 7,360,934.", "7,360,934", "contradicted"),
    # a size (640x640) names a configuration, in a cell of several values too
    ("| task | speed |\n|---|---|\n| detection | YOLOv5s(224x224) 100fps<br>YOLOv5s(320x256) 70fps<br>"
     "YOLOv5s(640x640) 15fps |\n", "YOLOv5s(640x640) detection speed is 70fps.", "70fps", "contradicted"),
    # a bold label line over a list names its subject, as a heading does
    ("Regional results\n\n**Asia Pacific**\n\n- Nights booked grew 19% year on year\n- Cross-border travel grew 23%\n\n"
     "**Latin America**\n\n- Nights booked grew 15%\n", "Nights booked in Latin America grew 19%.", "19%",
     "contradicted"),
    # a row's other cells under a header the claim writes with a number (batch size 4) say which row it is
    ("| Method | Batch size | Mode | GRAM |\n|---|---|---|---|\n| LoRA | 8 | FP16 | 24GB |\n| LoRA | 4 | FP16 | 20GB |\n",
     "LoRA with batch size 4 in FP16 needs 24GB of GPU memory.", "24GB", "not_found"),
    ("| Method | Batch size | Mode | GRAM |\n|---|---|---|---|\n| LoRA | 8 | FP16 | 24GB |\n| LoRA | 4 | FP16 | 20GB |\n",
     "LoRA with batch size 4 in FP16 needs 20GB of GPU memory.", "20GB", "supported"),
    # a row whose settings are of other keys (Freeze (l=3)) is another method's than the claim's (LoRA (r=8))
    ("| Method | Batch size | Mode | GRAM |\n|---|---|---|---|\n| LoRA (r=8) | 4 | FP16 | 20GB |\n"
     "| Freeze (l=3) | 4 | FP16 | 24GB |\n", "LoRA (r=8) with batch size 4 in FP16 needs 24GB.", "24GB", "not_found"),
    ("| Method | Batch size | Mode | GRAM |\n|---|---|---|---|\n| LoRA (r=8) | 4 | FP16 | 20GB |\n"
     "| Freeze (l=3) | 4 | FP16 | 24GB |\n", "Freeze (l=3) with batch size 4 in FP16 needs 24GB.", "24GB", "supported"),
    # a year after 'from its' is the base of a change, not the year of the figures after it
    ("For the full year, the group posted a profit of $3.36bn, up 27% from its 2003 performance, while revenues "
     "grew 6.4% to $42.09bn.", "The group's revenues grew 6.4% to $42.09bn in 2004.", "$42.09bn", "supported"),
    # of a two-item list, the first item measures the last (兰州, not 兰州两个铁路局集团公司增幅较大)
    ("其中，西安、兰州两个铁路局集团公司增幅较大，分别达24.5％和22.2％。", "西安局集团公司旅客发送量同比增长22.2%。", "22.2%",
     "contradicted"),
    # a slot's subject named elsewhere in the sentence too (优化商品汽车班列) is still the other slot's
    ("优化商品汽车班列开行和冷链运输组织，商品汽车、冷链物流分别同比增长30.9％和45％。", "铁路商品汽车运输量同比增长45%。",
     "45%", "contradicted"),
    # a two-digit year before its months (18年1-7月份) is a year; a year after a month name is one before a comma
    ("18年1-7月份终端累计销售31.8万辆，终端销量与批发销量的比值为75.2%，较17年1-7月份58.2%的比值显著上升。",
     "In January-July 2017, the ratio of retail to wholesale sales was 75.2%.", "75.2%", "not_found"),
    ("18年1-7月份终端累计销售31.8万辆，终端销量与批发销量的比值为75.2%，较17年1-7月份58.2%的比值显著上升。",
     "In January-July 2018, the ratio of retail to wholesale sales was 75.2%.", "75.2%", "supported"),
    # columns alike in unit (ms) told apart by a version the claim writes
    ("| Query | Doris 1.2.0-rc01 (ms) | Doris 1.1.3 (ms) | Doris 0.15.0 RC04 (ms) |\n|---|---|---|---|\n"
     "| Q9 | 3.61 | 7.94 | 16.34 |\n", "On Q9, Doris 1.2.0-rc01 took 3.61 ms.", "3.61 ms", "supported"),
    ("| Query | Doris 1.2.0-rc01 (ms) | Doris 1.1.3 (ms) | Doris 0.15.0 RC04 (ms) |\n|---|---|---|---|\n"
     "| Q9 | 3.61 | 7.94 | 16.34 |\n", "On Q9, Doris 0.15.0 RC04 took 3.61 ms.", "3.61 ms", "contradicted"),
    ("全年出货超3亿台，同比略升1%。", "全年出货同比下降1%。", "下降1%", "contradicted"),     # 略升 goes up
    ("苹果出货同比大增四成，第四季度成中国市场第一。", "苹果在中国市场的出货份额占四成。", "四成", "not_found"),  # 大增: a change
    ("全年出货超3亿台，同比萎缩5%。", "全年出货同比增长5%。", "增长5%", "contradicted"),     # 萎缩 goes down
    # a part after 其中 named by a claim word the whole does not write (中国 of 美国和中国市场分别贡献了)
    ("在三季报中公司总共实现营收137.57亿美元，其中129亿美元为电动车业务收入，美国和中国市场分别贡献了64.14亿和31.13亿美元收入。",
     "中国市场贡献了31.13亿美元收入。", "31.13亿美元", "supported"),
    ("在三季报中公司总共实现营收137.57亿美元，其中129亿美元为电动车业务收入，美国和中国市场分别贡献了64.14亿和31.13亿美元收入。",
     "中国市场贡献了64.14亿美元收入。", "64.14亿美元", "contradicted"),
    # a column of sizes writes megabytes as '86 M'
    ("| Model | Model File Size |\n|---|---|\n| db_resnet18 | 47 M |\n| db_resnet34 | 86 M |\n",
     "The db_resnet34 model file is 86 MB.", "86 MB", "supported"),
    ("| Model | Model File Size |\n|---|---|\n| db_resnet18 | 47 M |\n| db_resnet34 | 86 M |\n",
     "The db_resnet34 model file is 47 MB.", "47 MB", "contradicted"),
    # a column the claim names by a word it would not weigh (Overall), and sibling headings over two tables
    ("### Scoring Rate of Objective Questions\n\n| Models | Overall | Chinese |\n|---|---|---|\n"
     "| GPT-4 | 72.2% | 53.9% |\n\n### Scoring Rate of Subjective Questions\n\n| Models | Overall | Math |\n"
     "|---|---|---|\n| GPT-4 | 58.6% | 41.0% |\n", "GPT-4 has an overall objective-question scoring rate of 72.2%.",
     "72.2%", "supported"),
    ("### Scoring Rate of Objective Questions\n\n| Models | Overall | Chinese |\n|---|---|---|\n"
     "| GPT-4 | 72.2% | 53.9% |\n\n### Scoring Rate of Subjective Questions\n\n| Models | Overall | Math |\n"
     "|---|---|---|\n| GPT-4 | 58.6% | 41.0% |\n", "On subjective questions GPT-4 has an overall scoring rate of 72.2%.",
     "72.2%", "contradicted"),
    # 'quarterly' says a quarter, which one unsaid: no full year's figure, and any quarter's
    ("Quarterly profits at the group jumped 76% to $1.13bn.", "The group's full-year profit rose 76%.", "76%",
     "not_found"),
    ("Quarterly profits at the group jumped 76% to $1.13bn.", "The group's fourth-quarter profit rose 76%.", "76%",
     "supported"),
    pytest.param("MMLU（+23%）、CEval（+33%）显著提升。", "MMLU 提升了 33%。", "33%", "contradicted",
                 marks=pytest.mark.xfail(strict=True, reason="without near, a conflict needs two claim words; the "
                                                              "claim shares one (MMLU) with the sentence")),
]


MULTI = [
    # source text, claim, its figures, expected verdict: a change that follows a level is that level's change
    ("| Model | Size | mAP | T4 FP16 b1 (fps) | T4 FP16 b32 (fps) |\n|---|---|---|---|---|\n"
     "| YOLOv6-L6 | 1280 | 57.2 | 26 | 29 |\n", "YOLOv6-L6 在1280输入下 mAP 为57.2，T4 FP16 b1 速度为26 fps。",
     ["57.2", "26 fps"], "not_found"),                       # the fps columns answer '26 fps' (two share the unit,
    #                                                          so no cell reads as fps), never 57.2: no conflict
    ("全市财政总收入484.74亿元，同比增长73.7%，地方财政收入124.11亿元，增长58.6%。", "地方财政收入124.11亿元，同比增长73.7%。",
     ["124.11亿元", "73.7%"], "contradicted"),
    ("全市财政总收入484.74亿元，同比增长73.7%，地方财政收入124.11亿元，增长58.6%。", "地方财政收入124.11亿元，增长58.6%。",
     ["124.11亿元", "58.6%"], "supported"),
    ("海南省GDP为1395.99亿元，同比增长19.8%，两年平均增长7%。", "海南省GDP为1395.99亿元，两年平均增长7%。",
     ["1395.99亿元", "7%"], "supported"),                      # a level may have several changes
    ("1月全国充电基础设施273.1万台，公共充电基础设施增量同比上涨772.6%。截至1月，全国充电基础设施累计数量为273.1万台，"
     "同比增加59.1%。", "全国充电基础设施273.1万台，同比增长59.1%。", ["273.1万台", "59.1%"],
     "supported"),                                           # 772.6% after 273.1万台 is the increment's change
    ("title: '1 月全国电动汽车充电基础设施 273.1 万台，公共充电基础设施增量同比上涨 772.6%'\n\n截至1月，全国充电基础设施累计"
     "数量为 273.1 万台，同比增加 59.1%。", "China had 2.731 million EV charging facilities, up 59.1% year on year.",
     ["2.731 million", "59.1%"], "supported"),
    ("Operating income increased 12.4 percent to $48.0 million. Adjusted operating income was $51.5 million.",
     "Operating income rose 12.4% to $51.5 million.", ["12.4%", "$51.5 million"], "contradicted"),  # change's level
    ("Operating income increased 12.4 percent to $48.0 million. Adjusted operating income was $51.5 million.",
     "Operating income rose 12.4% to $48.0 million.", ["12.4%", "$48.0 million"], "supported"),
    ("Net EPS rose 8.0 percent to $2.05 compared to $1.90 a year ago. Diluted EPS was $1.95.",
     "Net EPS rose 8.0% to $2.05 from $1.95.", ["8.0%", "$2.05", "$1.95"], "contradicted"),   # the start's own
    ("原材料成本同比增长24.9%至39.55亿元，其他成本为41.2亿元。", "原材料成本同比增长24.9%至41.2亿元。", ["24.9%", "41.2亿元"],
     "contradicted"),
]


@pytest.mark.parametrize("text,claim,figures,verdict", MULTI)
def test_a_change_belongs_to_its_level(tmp_path, text, claim, figures, verdict):
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    listed = ", ".join(f'"{f}"' for f in figures)
    (tmp_path / "claims.yaml").write_text(
        f"version: 1\nsources: {{s: {{path: s.md, lang: zh}}}}\nclaims:\n"
        f"  - id: c\n    claim: \"{claim}\"\n    source: s\n    figures: [{listed}]\n", encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    assert result.verdict == verdict, result.reason


@pytest.mark.parametrize("text,claim,figure,verdict", VERDICTS)
def test_verdicts_respect_scope(tmp_path, text, claim, figure, verdict):
    result = one_claim_verdict(tmp_path, text, claim, figure)
    assert result.verdict == verdict, result.reason


LEXICON = [("respondents", "受访者"), ("revenue", "营收"), ("valuation", "估值"), ("market share", "市场份额")]


@pytest.mark.parametrize("english,chinese", LEXICON)
def test_cc_cedict_translates_claim_words(english, chinese):
    assert chinese in lexicon().chinese(english)


WORDS = [("mmlu", " cmmlu 57.07 ", False), ("mmlu", " mmlu(5-shot) ", True), ("price", " prices fell ", True),
         ("ai", " he said ", False), ("营收", " 2021年 营收 ", True)]


@pytest.mark.parametrize("form,text,found", WORDS, ids=[f"{c[0]}-{c[2]}" for c in WORDS])
def test_latin_words_match_whole(form, text, found):
    assert contains(fold_spaced(text), form) is found


NEAR_PERIODS = [
    # source text, claim, figure, near word, verdict: near binds the candidate of the claim's period
    ("Windows is second at 1,130 of 3,588 respondents, putting it at 31.5% of respondents, up from 27.6% of last "
     "year.", "Windows use was 27.6% last year.", "27.6%", "Windows", "supported"),
    ("Windows is second at 1,130 of 3,588 respondents, putting it at 31.5% of respondents, up from 27.6% of last "
     "year.", "Windows use was 31.5% last year.", "31.5%", "Windows", "contradicted"),
]


@pytest.mark.parametrize("text,claim,figure,near,verdict", NEAR_PERIODS)
def test_near_binds_the_figure_of_the_claims_period(tmp_path, text, claim, figure, near, verdict):
    (tmp_path / "s.md").write_text(text, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        f"version: 1\nsources: {{s: {{path: s.md, lang: en}}}}\nclaims:\n"
        f"  - id: c\n    claim: \"{claim}\"\n    source: s\n    figure: \"{figure}\"\n    near: [{near}]\n",
        encoding="utf-8")
    (result,) = check_all(load_claims(tmp_path / "claims.yaml"))
    assert result.verdict == verdict, result.reason


SEGMENTS = [
    # a Chinese claim's run, its terms for a Chinese source: dictionary words, the fewest pieces first, and the
    # character pairs of what no word holds, cut at function characters
    ("全国电影票房为", ["全国", "电影", "票房"]),          # not 电影票 (movie ticket), the longest word first
    ("卡游净利润不足", ["卡游", "净利润", "不足"]),          # 卡游: a name the dictionary lacks
    ("营收为", ["营收"]),                                   # 为 joins nothing
]


@pytest.mark.parametrize("run,words", SEGMENTS)
def test_a_chinese_claim_is_cut_into_words(run, words):
    from verifier.check.claimwords import _chinese_terms
    assert _chinese_terms(run) == words


BASES = [
    # text, the base of its last change ('' when nothing says)
    ("CPI同比上涨2.3%", "yoy"),
    ("CPI环比上涨0.4%", "seq"),
    ("M2较上年末上升0.5个百分点", "ytd"),
    ("出口两年平均增长10.2%", "avg2"),
    ("与2019年同期相比，出口增长21.5%", "vs2019"),
    ("Sales rose 12% year on year", "yoy"),
    ("Sales rose 3% sequentially", "seq"),
    ("Sales rose 12%", ""),
]


@pytest.mark.parametrize("text,base", BASES)
def test_a_change_knows_what_it_is_measured_from(text, base):
    from verifier.check.basis import figure_basis
    doc = SourceDoc("a.txt", text)
    found = [f for f in doc.found if f.figure.kind in ("percent", "points")][-1]
    assert figure_basis(doc, found, frozenset()) == base


MEASURES = [
    # text, the financial measures it names
    ("营收为6.61亿元", {"revenue"}),
    ("净亏损为8.73亿元，亏损额度同比增长", {"bottom line"}),
    ("non-GAAP operating income and a gross margin of 16.3%", {"operating profit", "gross margin"}),
    ("毛利为3亿元，毛利率为20%", {"gross profit", "gross margin"}),
    ("For the full year, the group posted a profit of $3.36bn", {"bottom line"}),     # a bare profit
    ("利润总额为5亿元，营业利润为3亿元", {"bottom line", "operating profit"}),
    ("projecting operating earnings growth of around 5%", {"operating profit"}),
    ("Kuaigou's sales and marketing spending fell", {"selling expenses"}),
    ("销售及营销费用从5.24亿元缩减至3.35亿元；研发费用从0.76亿元缩减至0.35亿元", {"selling expenses", "R&D"}),
    ("The company hired 300 engineers.", set()),
]


@pytest.mark.parametrize("text,measures", MEASURES)
def test_a_text_names_its_financial_measures(text, measures):
    from verifier.check.measures import measures_in
    assert measures_in(text) == measures


NOT_FOUND_EVIDENCE = [
    # text, claim, figure, the source figure a not_found may show ('' for none): one the claim's value only
    # brushes (a hundred times apart) is shown only where its sentence speaks of what the claim does
    ("The city has 200 parks.", "The museum holds 2 paintings.", "2", ""),
    ("The city has 200 parks.", "The city has 2 parks.", "2", "city has 200"),
]


@pytest.mark.parametrize("text,claim,figure,shown", NOT_FOUND_EVIDENCE)
def test_not_found_shows_only_evidence_about_the_claim(tmp_path, text, claim, figure, shown):
    result = one_claim_verdict(tmp_path, text, claim, figure)
    assert result.verdict == "not_found"
    assert [e.text for e in result.found] == ([shown] if shown else [])
