"""English <-> Chinese terms, so a word in one language finds its match in the other.

The built-in list covers the vocabulary of tech and business news; a claims file
adds its own under `glossary:`. Lookups are on folded text (see text.fold), and
English words also match their simple plural/inflected forms.
"""
from __future__ import annotations

import re

from .text import fold

BUILTIN: dict[str, tuple[str, ...]] = {
    "nvidia": ("英伟达",), "alibaba": ("阿里", "阿里巴巴"), "alibaba cloud": ("阿里云",),
    "qwen": ("通义千问", "千问"), "tongyi": ("通义",), "bailian": ("百炼",), "modelscope": ("魔搭",),
    "huawei": ("华为",), "baidu": ("百度",), "tencent": ("腾讯",), "xiaomi": ("小米",),
    "qualcomm": ("高通",), "snapdragon": ("骁龙",), "sensetime": ("商汤",), "ant group": ("蚂蚁集团", "蚂蚁"),
    "microsoft": ("微软",), "google": ("谷歌",), "apple": ("苹果",), "tesla": ("特斯拉",),
    "openai": ("openai",), "china": ("中国", "国内"), "u.s.": ("美国",), "united states": ("美国",),
    "america": ("美国",), "beijing": ("北京",), "shanghai": ("上海",),
    "parameter": ("参数", "参数量", "params", "param"), "parameters": ("参数", "参数量", "params", "#params"), "token": ("token", "tokens"),
    "model": ("模型",), "models": ("模型",), "large model": ("大模型",), "price": ("价格", "价"),
    "prices": ("价格",), "cost": ("成本", "花费", "费用"), "costs": ("成本",), "fell": ("下降", "降"),
    "drop": ("下降",), "dropped": ("下降",), "cut": ("降",), "rose": ("上升", "增长"), "growth": ("增长",),
    "revenue": ("收入", "营收"), "profit": ("利润",), "users": ("用户",), "user": ("用户",),
    "developers": ("开发者",), "developer": ("开发者",), "devices": ("设备",), "device": ("设备",),
    "on-device": ("端侧", "终端侧"), "edge": ("端侧", "边缘"), "phone": ("手机",), "phones": ("手机",),
    "smartphone": ("智能手机", "手机"), "smartphones": ("智能手机", "手机"), "pc": ("pc", "电脑"),
    "cloud": ("云",), "data center": ("数据中心",), "data centers": ("数据中心",), "chip": ("芯片",),
    "chips": ("芯片",), "gpu": ("gpu",), "robot": ("机器人",), "robots": ("机器人",),
    "household": ("家庭",), "households": ("家庭",), "family": ("家庭",), "car": ("车", "汽车"), "cars": ("车", "汽车"),
    "investment": ("投入", "投资"), "invest": ("投入", "投资"), "threshold": ("门槛",), "billion": ("亿",),
    "year": ("年",), "years": ("年",), "month": ("月",), "months": ("个月", "月"), "day": ("天", "日"),
    "days": ("天", "日"), "second": ("秒",), "seconds": ("秒",), "speed": ("速度",), "faster": ("快",),
    "accuracy": ("正确率", "准确率", "精度"), "score": ("分数", "得分"), "test": ("测试", "考试"),
    "exam": ("考试",), "companies": ("公司", "家"), "company": ("公司",), "startups": ("创业公司",),
    "singularity": ("奇点",), "scaling law": ("scaling law", "规模定律"), "inference": ("推理",),
    "reasoning": ("推理",), "training": ("训练",), "download": ("下载",), "downloads": ("下载",),
    "open-source": ("开源",), "open source": ("开源",), "context": ("上下文",), "memory": ("显存", "内存"),
    "audience": ("观众",), "viewers": ("观众",), "online": ("线上",), "guests": ("嘉宾",),
    "speakers": ("嘉宾", "大佬", "大咖"), "compensation": ("赔偿",), "damages": ("赔偿",),
    "rmb": ("元", "人民币"), "yuan": ("元", "人民币"), "dollars": ("美元", "美金"), "usd": ("美元", "美金"),
    "saturday": ("周六", "星期六"), "sunday": ("周日", "星期日"), "conference": ("大会", "会议"),
    "weather": ("天气", "气象"), "forecast": ("预报",), "ranking": ("排名",), "rank": ("排名",),
    "second place": ("第二",), "global": ("全球",), "world": ("世界", "全球"),
    # funding, listings and results: the vocabulary of business news
    "series a": ("a轮",), "series b": ("b轮",), "series c": ("c轮",), "series d": ("d轮",), "series e": ("e轮",),
    "angel round": ("天使轮",), "pre-ipo": ("pre-ipo",), "funding": ("融资",), "financing": ("融资",),
    "raised": ("融资", "募资", "筹集"), "ipo": ("ipo", "上市"), "listing": ("上市",), "valuation": ("估值",),
    "net loss": ("净亏损", "净亏"), "net profit": ("净利润", "净利"), "gross margin": ("毛利率",),
    "market share": ("市场份额", "市占率"), "take rate": ("抽佣率", "货币化率"), "commission": ("佣金", "抽佣"),
    "domestic": ("国内", "内地"), "overseas": ("海外",), "mainland": ("内地", "大陆"), "orders": ("订单",),
    "drivers": ("司机",), "respondents": ("受访者",), "survey": ("调查", "调研", "问卷"),
    # the metrics of results and statistics releases, with their abbreviations
    "monthly active users": ("mau", "月活", "月活跃用户", "月活用户", "月均活跃用户"),
    "daily active users": ("dau", "日活", "日活跃用户", "日活用户"), "gmv": ("gmv", "交易总额", "成交总额", "成交额"),
    "year on year": ("同比", "yoy"), "year-on-year": ("同比", "yoy"), "month on month": ("环比",),
    "quarter on quarter": ("环比", "qoq"), "compound annual growth rate": ("cagr", "复合年增长率", "年复合增长率"),
    "research and development": ("研发", "r&d"), "earnings per share": ("eps", "每股收益"),
    "recovery time objective": ("rto",), "recovery point objective": ("rpo",),
    "operating profit": ("营业利润",), "operating income": ("营业收入",), "gross profit": ("毛利",),
    "net income": ("净利润", "净利"), "market value": ("市值",), "market cap": ("市值",),
    "shipments": ("出货量", "出货"), "installed capacity": ("装机量",), "exports": ("出口",), "imports": ("进口",),
    "trade": ("进出口", "贸易", "外贸"), "gdp": ("gdp", "国内生产总值", "地区生产总值"),
    "cpi": ("cpi", "居民消费价格"), "population": ("人口",), "unemployment rate": ("失业率",),
    "interest rate": ("利率",), "inflation": ("通胀", "通货膨胀"), "subscribers": ("订阅用户", "订阅者", "会员"),
    "employees": ("员工", "雇员"), "cities": ("城市",), "stores": ("门店",), "preorders": ("预定", "预订", "订单"),
    "deliveries": ("交付", "交付量"), "production": ("产量", "生产"),
}

# Vocabulary of model READMEs and tech reports, for the bilingual audit: the words
# that stand next to figures in tables and release notes.
README_TERMS: dict[str, tuple[str, ...]] = {
    "average": ("平均", "平均分", "均分", "avg", "avg."), "chinese": ("中文",), "english": ("英文",), "math": ("数学",),
    "mathematics": ("数学",), "code": ("代码",), "coding": ("代码", "编程"), "benchmark": ("评测", "基准"),
    "evaluation": ("评测", "测评"), "results": ("结果",), "performance": ("性能", "表现"),
    "base model": ("基座模型", "基础模型"), "chat model": ("对话模型", "chat模型"), "dialogue": ("对话",),
    "context length": ("上下文长度",), "sequence length": ("序列长度",), "length": ("长度",),
    "quantization": ("量化",), "quantized": ("量化",), "gpu memory": ("显存",), "vram": ("显存",),
    "memory usage": ("显存占用", "内存占用"), "throughput": ("吞吐", "吞吐量"), "latency": ("延迟", "时延"),
    "fine-tuning": ("微调",), "finetuning": ("微调",), "fine-tune": ("微调",), "pre-training": ("预训练",),
    "pretraining": ("预训练",), "pre-trained": ("预训练",), "tokens": ("token", "tokens"),
    "vocabulary": ("词表",), "vocab": ("词表",), "dataset": ("数据集",), "datasets": ("数据集",),
    "data": ("数据",), "corpus": ("语料",), "release": ("发布",), "released": ("发布",), "version": ("版本",),
    "license": ("协议", "许可"), "commercial": ("商用", "商业"), "free": ("免费",), "languages": ("语言",),
    "language": ("语言",), "multilingual": ("多语言",), "bilingual": ("双语",), "window": ("窗口",),
    "batch size": ("batch size", "批大小"), "precision": ("精度",), "efficiency": ("效率",),
    "accelerate": ("加速",), "acceleration": ("加速",), "deploy": ("部署",), "deployment": ("部署",),
    "consumer-grade": ("消费级",), "graphics card": ("显卡",), "graphics cards": ("显卡",), "gpus": ("gpu", "显卡"),
    "single": ("单",), "node": ("节点",), "nodes": ("节点",), "training time": ("训练时间",),
    "hours": ("小时",), "hour": ("小时",), "minutes": ("分钟",), "trillion": ("万亿",), "million": ("百万",),
    "thousand": ("千",), "speedup": ("加速比", "加速"), "times": ("倍",), "improvement": ("提升",),
    "improved": ("提升",), "increase": ("提升", "增加"), "increased": ("提升", "增加"), "reduce": ("降低", "减少"),
    "reduced": ("降低", "减少"), "generation": ("生成",), "tool": ("工具",), "agent": ("智能体", "agent"),
    "long text": ("长文本",), "long context": ("长上下文",), "knowledge": ("知识",), "reasoning ability": ("推理能力",),
    "mobile": ("手机", "移动"), "chip": ("芯片",), "parameter count": ("参数量",), "weights": ("权重",),
    "open-sourced": ("开源",), "b2b": ("tob", "to b"), "b2c": ("toc", "to c"), "tmtpost": ("钛媒体",), "baai": ("智源",), "t-edge": ("t-edge",),
}


class Glossary:
    """Variants of a term in both languages, folded for substring matching."""

    def __init__(self, extra: dict[str, tuple[str, ...]] | None = None):
        if not _BUILT_IN:                # the built-in tables, folded and grouped once per process
            self._map: dict[str, set[str]] = {}
            self._written: dict[str, str] = {}  # folded form -> as the glossary writes it ('research and development')
            self._parent: dict[str, str] = {}
            self._longest = 1
            for table in (BUILTIN, README_TERMS):
                for term, words in table.items():
                    self.add(term, words)
            _BUILT_IN.append((self._map, self._written, self._parent, self._longest))
        built_map, written, parent, self._longest = _BUILT_IN[0]
        self._map = {member: set(group) for member, group in built_map.items()}   # add() grows these sets
        self._written, self._parent = dict(written), dict(parent)
        for term, words in (extra or {}).items():
            self.add(term, words)

    def add(self, term: str, words) -> None:
        for word in (term, *words):
            self._written.setdefault(fold(word), word)
        group = {fold(term), *(fold(w) for w in words)}
        for member in list(group):
            self._map.setdefault(member, set()).update(group)
        members = sorted(group)
        for member in members:
            self._parent.setdefault(member, member)
            self._longest = max(self._longest, len(member))
        for member in members[1:]:
            self._union(members[0], member)

    def _find(self, word: str) -> str:
        while self._parent[word] != word:
            self._parent[word] = self._parent[self._parent[word]]
            word = self._parent[word]
        return word

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def concept(self, word: str) -> str | None:
        """One key shared by every word of a term's group in both languages, or None.

        'Nvidia' and '英伟达' give the same key; the bilingual audit compares the
        words around two figures by these keys.
        """
        key = fold(word)
        if key in self._parent:
            return self._find(key)
        for stem in _stems(key):
            if stem in self._parent:
                return self._find(stem)
        return None

    def concepts_in(self, text: str) -> set[str]:
        """Keys of every English word or phrase (up to three words) of `text` in the glossary."""
        words = _EN_WORD.findall(text)
        found = set()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                key = self.concept(" ".join(words[i:i + size]))
                if key is not None:
                    found.add(key)
        return found

    def phrases_in(self, text: str) -> list[str]:
        """English phrases of two or three words in `text` that the glossary knows ('Series C', 'market share')."""
        words = _EN_WORD.findall(text)
        found = []
        for size in (3, 2):
            for i in range(len(words) - size + 1):
                phrase = " ".join(words[i:i + size])
                if fold(phrase) in self._map:
                    found.append(phrase)
        return found

    def written(self, folded: str) -> str:
        """How the glossary spells a folded form, for people to read."""
        return self._written.get(folded, folded)

    def variants(self, term: str) -> set[str]:
        """Folded forms that count as `term` in either language (itself included)."""
        key = fold(term)
        found = set(self._map.get(key, ()))
        for stem in _stems(key):
            found |= self._map.get(stem, set())
        found.add(key)
        return found

    def pairs(self):
        """(term, variants) for every entry, for the bilingual audit."""
        return self._map.items()


_EN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
_BUILT_IN: list = []        # (map, written, parent, longest) of BUILTIN and README_TERMS alone, copied by each Glossary


def _stems(word: str):
    """Crude English inflection stripping: prices->price, fell stays, models->model."""
    for suffix in ("ies", "es", "s", "ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            yield word[: -len(suffix)] + ("y" if suffix == "ies" else "")


DEFAULT = Glossary()
