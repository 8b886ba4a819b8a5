"""The CLI end to end: bundled claims, formats, exit codes, verdicts on edited claims."""
import json
import shutil
from pathlib import Path

import pytest

from verifier.commands.cli import main

ROOT = Path(__file__).resolve().parents[1]
CARD = {"qwen-price-drop": "97%", "qwen-price-per-million-tokens": "5毛钱", "cpm-cricket-vs-gpt4": "63.76%",
        "snapdragon-10b-on-device": "100亿参数"}


@pytest.fixture(scope="module")
def bundled():
    import io
    import contextlib
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([str(ROOT / "claims.yaml"), "--format", "json"])
    return code, json.loads(out.getvalue())


def test_bundled_claims_all_meet_expect(bundled):
    code, data = bundled
    failing = [(c["id"], c["verdict"], c["reason"]) for c in data["claims"] if not c["passed"]]
    assert failing == []
    assert code == 0
    assert data["summary"]["total"] >= 40
    assert sum(c["expect"] != "supported" for c in data["claims"]) >= 8


@pytest.mark.parametrize("claim_id,source_words", CARD.items())
def test_card_figures_are_supported_with_evidence(bundled, claim_id, source_words):
    (claim,) = [c for c in bundled[1]["claims"] if c["id"] == claim_id]
    assert claim["verdict"] == "supported"
    found = claim["found"][0]
    assert source_words in found["text"]
    assert found["path"].startswith("seeds/") and found["line"] > 0 and found["col"] > 0
    assert set(found) >= {"text", "value", "unit", "path", "line", "col"}


def test_evidence_location_is_exact(bundled):
    (claim,) = [c for c in bundled[1]["claims"] if c["id"] == "qwen-price-drop"]
    found = claim["found"][0]
    line = (ROOT / found["path"]).read_text(encoding="utf-8").splitlines()[found["line"] - 1]
    assert line[found["col"] - 1:].startswith(found["figure"])


@pytest.mark.parametrize("fmt", ["plain", "simple", "github", "grid", "html"])
def test_table_formats(capsys, fmt):
    assert main([str(ROOT / "claims.yaml"), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "qwen-price-drop" in out and "supported" in out
    if fmt == "html":
        assert "<table>" in out


def make_project(tmp_path, claims_body, source_text=None):
    """claims.yaml over one source `ali`: seeds/003 unless `source_text` is given."""
    if source_text is None:
        shutil.copy(ROOT / "seeds" / "003_d8845f575fbdae67.txt", tmp_path / "a.txt")
    else:
        (tmp_path / "a.txt").write_text(source_text + "\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  ali: {path: a.txt, lang: zh}\nclaims:\n" + claims_body, encoding="utf-8")
    return tmp_path / "claims.yaml"


def first_claim(path, capsys) -> dict:
    """Run the CLI on a claims file and return the JSON of its first claim."""
    main([str(path), "--format", "json"])
    return json.loads(capsys.readouterr().out)["claims"][0]


VERDICT_CASES = [
    # figure, near, verdict: a wrong value, a reversed qualifier, an absent figure
    ("97%", "[通义千问]", "supported"),
    ("95%", "[通义千问]", "contradicted"),
    ("fewer than 6.9 million", "[开发者]", "contradicted"),
    ("more than 6.9 million", "[开发者]", "supported"),
    ("42%", "[通义千问]", "contradicted"),
    ("3 million", "[用户]", "not_found"),
]


@pytest.mark.parametrize("figure,near,verdict", VERDICT_CASES)
def test_verdicts_and_exit_codes(tmp_path, capsys, figure, near, verdict):
    path = make_project(tmp_path, f"  - id: c\n    source: ali\n    figure: \"{figure}\"\n    near: {near}\n")
    code = main([str(path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["claims"][0]["verdict"] == verdict
    assert code == (0 if verdict == "supported" else 1)


SNAPDRAGON = "第三代骁龙8支持运行高达100亿参数的模型，而骁龙X Elite是最强处理器，支持运行超过130亿参数的模型。"
BINDING_CASES = [
    # source, figures, near, verdict, evidence: near binds a one-figure claim to the figure it speaks of
    (SNAPDRAGON, ["up to 10B parameters"], "[X Elite]", "contradicted", "超过130亿参数"),
    (SNAPDRAGON, ["more than 13B parameters"], "[X Elite]", "supported", "超过130亿参数"),
    (SNAPDRAGON, ["more than 15B parameters"], "[X Elite]", "not_found", "超过130亿参数"),
    (SNAPDRAGON, ["10B parameters"], "[骁龙8]", "supported", "高达100亿参数"),
    (SNAPDRAGON, ["10B parameters"], "[骁龙8, 终端侧]", "not_found", None),       # 终端侧 is in no sentence
    ("100亿参数的模型跑在骁龙8上，130亿参数的模型跑在X Elite上。", ["13B parameters"], "[骁龙8]",
     "contradicted", "100亿参数"),
    ("Snapdragon 8 runs 10B-parameter models, while X Elite runs models of more than 13B parameters.",
     ["10B parameters"], "[X Elite]", "contradicted", "more than 13B parameters"),
    ("全世界的投入门槛，将达到数十亿甚至数百亿美金。", ["数百亿美金"], "[投入门槛]", "supported", "数百亿美金"),
    ("12月14日，在MEET 2024大会上，李开复发言。", ["12月14日"], "[MEET]", "supported", "12月14日"),
    ("正确率为71.5%，高于对手的68.2%。", ["71.5%", "68.2%"], "[正确率]", "supported", "71.5%"),
    ("骁龙X Elite很强，据介绍，它支持超过130亿参数。", ["more than 13B parameters"], "[X Elite]",
     "supported", "超过130亿参数"),
    # a contrast (，而 / , while) starts a new subject: a lone figure before it is not the later subject's
    ("第三代骁龙8支持高达100亿参数，并以20 token/秒的速度运行，而骁龙X Elite支持超过130亿参数。", ["20 tokens/s"],
     "[X Elite]", "not_found", None),
    ("第三代骁龙8支持高达100亿参数，并以20 token/秒的速度运行，而骁龙X Elite支持超过130亿参数。", ["20 tokens/s"],
     "[骁龙8]", "supported", "20 token/秒"),
    ("X Elite runs 13B models, while Snapdragon 8 runs 10B models.", ["10B"], "[X Elite]", "contradicted", "13B"),
    # an ASCII comma before a digit ends a clause; the comma of 1,000 does not
    ("如今,70亿参数版本对外开源,130亿版本在端侧跑通。", ["13B"], "[开源]", "contradicted", "70亿参数"),
    ("如今,70亿参数版本对外开源,130亿版本在端侧跑通。", ["13B"], "[端侧]", "supported", "130亿"),
    # a part naming more of the near words wins over one naming fewer
    ("第三代骁龙8在终端侧运行高达100亿参数的模型，而X Elite在终端侧运行超过130亿参数的模型。",
     ["more than 10B parameters"], "[第三代骁龙8, 终端侧]", "contradicted", "高达100亿参数"),
    # a date opens the clauses it dates; a year glued to a near word names it
    ("2021年9月,源1.0发布,2023年9月,浪潮信息又新发布了源2.0。", ["2023年9月"], "[源1.0]", "contradicted", "2021年9月"),
    ("2021年9月,源1.0发布,2023年9月,浪潮信息又新发布了源2.0。", ["September 2023"], "[源2.0]", "supported", "2023年9月"),
    ("源1.0于2021年9月发布,源2.0于2023年9月发布。", ["2023年9月"], "[源2.0]", "supported", "2023年9月"),
    ("2021年9月,源1.0发布,2023年9月,浪潮信息又新发布了源2.0。", ["September 2021"], "[源2.0, 发布]", "contradicted",
     "2023年9月"),                                      # 发布 twice: 源2.0 says where to look
    ("12月14日,在MEET 2024大会上,李开复发言。", ["12月15日"], "[MEET]", "contradicted", "12月14日"),
    ("It opened on Saturday at the 2024 T-EDGE Conference.", ["2024"], "[T-EDGE]", "supported", "2024"),
    # what a count counts: '5 models' meets 5款大模型, not 三个参数量级 in the same clause
    ("蓝心大模型包含十亿/百亿/千亿三个参数量级,共5款大模型。", ["5 models"], "[蓝心]", "supported", "5"),
    ("蓝心大模型包含十亿/百亿/千亿三个参数量级,共5款大模型。", ["3 models"], "[蓝心]", "contradicted", "5"),
    ("魔搭社区上有超过1万个模型、服务了超过690万开发者。", ["超过690万个模型"], "[魔搭]", "not_found", "超过1万"),
    ("魔搭社区上有超过1万个模型、服务了超过690万开发者。", ["超过690万开发者"], "[魔搭]", "supported", "超过690万"),
    # text extracted from PDFs writes CJK radicals for whole characters: ⻩泽铧 is 黄泽铧
    ("⻩泽铧说，两年内会有答案。", ["两年"], "[黄泽铧]", "supported", "两年内"),
    # the source names what it counts: a bare 两 in another sentence is no evidence against 15B parameters
    ("高通发布了两款X Elite芯片。X Elite支持超过130亿参数。", ["more than 15B parameters"], "[X Elite]",
     "not_found", "超过130亿参数"),
]


HEDGE_CASES = [
    # source, claimed figure, near, verdict: 多/余 closes at the next step; 'up to' names a maximum
    ("李开复等20余位行业大佬齐聚一堂。", "30余位", "行业大佬", "contradicted"),
    ("李开复等20余位行业大佬齐聚一堂。", "more than 20", "行业大佬", "supported"),
    ("李开复等20余位行业大佬齐聚一堂。", "nearly 20", "行业大佬", "contradicted"),
    ("这一过程持续了40多年。", "more than 50 years", "过程", "contradicted"),
    ("这一过程持续了40多年。", "40多年", "过程", "supported"),
    ("骁龙8支持高达100亿参数的模型。", "up to 13B parameters", "骁龙8", "contradicted"),
    ("骁龙8支持高达100亿参数的模型。", "less than 13B parameters", "骁龙8", "supported"),
    ("未来1-2年内将实现。", "1-3 years", "未来", "contradicted"),
    # the same number in another unit: a share told as times
    ("LFA使精度提高4.4%。", "4.4x", "精度", "contradicted"),
    ("LFA使精度提高4.4%。", "4.4%", "精度", "supported"),
    ("LFA使速度提高了4.4倍。", "4.4%", "速度", "contradicted"),
    ("LFA使精度提高4.4%。", "3x", "精度", "not_found"),
]


@pytest.mark.parametrize("text,figure,near,verdict", HEDGE_CASES)
def test_hedges_bound_what_a_claim_may_say(tmp_path, capsys, text, figure, near, verdict):
    path = make_project(tmp_path, f"  - {{id: h, source: ali, figure: \"{figure}\", near: [{near}]}}\n", text)
    assert first_claim(path, capsys)["verdict"] == verdict


def test_a_figure_set_aside_by_near_is_named_in_the_reason(tmp_path, capsys):
    text = "第三代骁龙8支持高达100亿参数，并以20 token/秒的速度运行，而骁龙X Elite支持超过130亿参数。"
    path = make_project(tmp_path, "  - {id: b, source: ali, figure: '20 tokens/s', near: [X Elite]}\n", text)
    claim = first_claim(path, capsys)
    assert claim["verdict"] == "not_found"
    assert claim["reason"].startswith("20 token/秒 (20 token/second) appears at a.txt:1:")
    assert "but the near words speak of another subject or clause there" in claim["reason"]


@pytest.mark.parametrize("text,figures,near,verdict,evidence", BINDING_CASES)
def test_near_binds_the_figure_it_speaks_of(tmp_path, capsys, text, figures, near, verdict, evidence):
    listed = ", ".join(f'"{f}"' for f in figures)
    path = make_project(tmp_path, f"  - id: b\n    source: ali\n    figures: [{listed}]\n    near: {near}\n", text)
    claim = first_claim(path, capsys)
    assert claim["verdict"] == verdict
    assert (claim["found"][0]["figure"] if claim["found"] else None) == evidence


def test_bad_input_exits_2_without_traceback(tmp_path, capsys):
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\nclaims:\n  - id: a\n   source: x\n", encoding="utf-8")
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert "claims.yaml:4:" in err and "YAML syntax error" in err and "Traceback" not in err


def test_claim_error_exits_2_but_reports_the_rest(tmp_path, capsys):
    path = make_project(tmp_path, "  - id: ok\n    source: ali\n    figure: '97%'\n"
                                  "  - id: bad\n    source: nowhere\n    figure: '97%'\n")
    assert main([str(path), "--format", "json"]) == 2
    captured = capsys.readouterr()
    verdicts = {c["id"]: c["verdict"] for c in json.loads(captured.out)["claims"]}
    assert verdicts == {"ok": "supported", "bad": "error"}
    assert "unknown source 'nowhere'" in captured.err


def test_missing_claims_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.yaml")]) == 2
    assert "claims file not found" in capsys.readouterr().err


def test_output_file(tmp_path, capsys):
    out = tmp_path / "report.json"
    assert main([str(ROOT / "claims.yaml"), "-f", "json", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["failed"] == 0


def test_check_audits_pairs_too(tmp_path, capsys):
    (tmp_path / "en.txt").write_text("Revenue rose 12% to $3 billion last year.\n", encoding="utf-8")
    (tmp_path / "zh.txt").write_text("去年营收增长15%,达到30亿美元。\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  en: {path: en.txt, lang: en}\n  zh: {path: zh.txt, lang: zh}\n"
        "pairs:\n  - {en: en, zh: zh}\nclaims:\n  - {id: rev, source: zh, figure: '30亿美元'}\n", encoding="utf-8")
    code = main([str(tmp_path / "claims.yaml"), "-f", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["claims"][0]["verdict"] == "supported"
    (pair,) = data["pairs"]
    assert pair["id"] == "pair:en~zh" and not pair["summary"]["passed"]
    assert [(m["en"]["text"], m["zh"]["text"]) for m in pair["mismatches"]] == [("12%", "15%")]
    assert code == 1


def test_empty_claims_file_is_not_a_pass(tmp_path, capsys):
    (tmp_path / "claims.yaml").write_text("version: 1\nclaims:\n", encoding="utf-8")
    assert main([str(tmp_path / "claims.yaml")]) == 2
    assert "nothing to check" in capsys.readouterr().err


PRICE_CASES = [
    # source text, claimed figure, verdict: a money-rate claim meets joined rates and bare money alike
    ("每百万tokens 0.5元。", "¥0.5 per million tokens", "supported"),
    ("每百万tokens 0.5元。", "¥0.8 per million tokens", "contradicted"),
    ("百万Tokens调用花费最低降至5毛钱。", "¥0.5 per million tokens", "supported"),
    ("It costs ¥0.5 for a million tokens.", "¥0.5 per million tokens", "supported"),
    ("每百万tokens 0.5元。", "$0.5 per million tokens", "contradicted"),
]


@pytest.mark.parametrize("text,figure,verdict", PRICE_CASES)
def test_money_rate_claims(tmp_path, capsys, text, figure, verdict):
    path = make_project(tmp_path, f"  - {{id: p, source: ali, figure: \"{figure}\", near: [tokens]}}\n", text)
    assert first_claim(path, capsys)["verdict"] == verdict


QUOTE_CASES = [
    # quote, verdict, reason fragment: a near miss names the real wording and where it stands
    ("调用价格下降了97%", "supported", ""),
    ("调用价格 下降了 97％", "supported", ""),
    ("调用价格下降了95%", "not_found", "closest passage: '调用价格下降了97%' at a.txt:19:"),
    ("机器人将彻底取代人类", "not_found", "quote not found"),
]


@pytest.mark.parametrize("quote,verdict,fragment", QUOTE_CASES)
def test_quotes(tmp_path, capsys, quote, verdict, fragment):
    path = make_project(tmp_path, f"  - id: q\n    source: ali\n    quote: \"{quote}\"\n")
    claim = first_claim(path, capsys)
    assert claim["verdict"] == verdict
    assert fragment in claim["reason"]
    if verdict == "supported":
        assert claim["found"][0]["relation"] == "quote" and claim["found"][0]["line"] == 19
