"""The corpus a judge reads: all 40 guidelines, six sections, both languages, verbatim Chinese."""

from __future__ import annotations

import re

import pytest

SEED_HEADINGS = [
    "法官认识与使用社交媒体的风险与机遇",
    "法官在社交媒体上的身份",
    "关于社交媒体的内容与行为",
    "线上友谊和关系",
    "隐私和安全",
    "培训",
]
# First and last guideline of each section, as the seed has them.
SECTION_SPANS = [(1, 11), (12, 14), (15, 24), (25, 31), (32, 37), (38, 40)]


def squeeze(text: str) -> str:
    """Drop whitespace and the seed's list bullets, which page layout alone introduced."""
    return re.sub(r"\s+", "", re.sub(r"(?m)^\s*-\s", "", text))


def test_all_forty_guidelines_once_in_order(corpus):
    assert list(corpus.guidelines) == list(range(1, 41))


def test_six_sections_are_the_seed_headings_with_the_seed_spans(corpus):
    assert [s.title.zh for s in corpus.sections] == SEED_HEADINGS
    for section, (first, last) in zip(corpus.sections, SECTION_SPANS, strict=True):
        numbers = [g.number for g in corpus.in_section(section.id)]
        assert numbers == list(range(first, last + 1)), section.id


@pytest.mark.parametrize("number", range(1, 41))
def test_every_guideline_has_text_and_titles_in_both_languages(corpus, number):
    g = corpus.guideline(number)
    for lang in ("zh", "en"):
        assert g.text(lang).strip()
        assert 0 < len(g.title(lang)) <= 40
    # The English is ours, not a copy of the Chinese.
    assert not re.search(r"[\u4e00-\u9fff]", g.text.en + g.title.en)
    assert re.search(r"[\u4e00-\u9fff]", g.title.zh)


@pytest.mark.parametrize("number", range(1, 41))
def test_chinese_text_is_the_seeds_verbatim(corpus, seed_text, number):
    text = corpus.guideline(number).text.zh
    assert not text.startswith(f"{number}."), "the number belongs in the number field"
    start = seed_text.index(f"\n{number}. ") + len(f"\n{number}. ")
    nxt = seed_text.find(f"\n{number + 1}. ", start)
    end = nxt if nxt != -1 else seed_text.index("多哈宣言", start)
    original = seed_text[start:end]
    for heading in SEED_HEADINGS:  # a section heading may follow the last guideline of a section
        original = original.split(f"\n{heading}\n")[0]
    assert squeeze(text) == squeeze(original)


def test_page_break_artefacts_are_mended(corpus):
    g22 = corpus.guideline(22).text.zh
    assert "但应避免直接回应。" in g22 and "\n" not in g22
    items = corpus.guideline(38).text.zh.splitlines()[1:]
    assert [line.split(")")[0] for line in items] == [str(i) for i in range(1, 9)]
    assert items[6].endswith("及")
    assert [line.split(")")[0] for line in corpus.guideline(38).text.en.splitlines()[1:]] == [
        str(i) for i in range(1, 9)
    ]


def test_guideline_21_chinese_kept_english_renders_the_original_meaning(corpus):
    g21 = corpus.guideline(21)
    assert "超越其职权" in g21.text.zh
    assert "before" in g21.text.en and "office" in g21.text.en
    assert "authority" not in g21.text.en


def test_preamble_essentials(corpus):
    p = corpus.preamble
    assert [v.zh for v in p.bangalore_values] == [
        "独立",
        "公正",
        "廉洁",
        "正当得体",
        "平等",
        "称职与尽责",
    ]
    assert "非约束性" in p.non_binding.zh and "non-binding" in p.non_binding.en
    assert "unofficial" in p.translation_note.en
    assert "法院工作人员" in p.scope.zh


def test_preamble_chinese_quotes_are_from_the_seed(corpus, seed_text):
    seed = squeeze(seed_text)
    p = corpus.preamble
    for field in (p.scope, p.bangalore_note):
        assert squeeze(field.zh) in seed
    for sentence in re.findall(r"[^。]+。", p.non_binding.zh):
        assert squeeze(sentence) in seed, sentence


# --------------------------------------------------------------------------- translation notes

NOTED = {21: ("超越其职权", "before taking judicial office"), 23: ("律师社团", "advocacy groups")}


@pytest.mark.parametrize("number", sorted(NOTED))
def test_where_translation_and_original_differ_a_note_says_so_in_both_languages(corpus, number):
    chinese, original = NOTED[number]
    note = corpus.guideline(number).translation_note
    assert note is not None
    assert chinese in note.zh and chinese in note.en and original in note.en
    assert "任职前" in note.zh if number == 21 else "倡导团体" in note.zh
    # The guideline text itself stays the seed's (zh) and our rendering (en).
    assert chinese in corpus.guideline(number).text.zh
    assert chinese not in corpus.guideline(number).text.en


def test_only_the_two_known_slips_carry_a_note_and_the_preamble_names_them(corpus):
    assert {n for n, g in corpus.guidelines.items() if g.translation_note} == set(NOTED)
    assert "advocacy" not in corpus.guideline(23).text.en  # the English follows the Chinese here
    note = corpus.preamble.translation_note
    for number, (chinese, _) in NOTED.items():
        assert f"guideline {number}" in note.en and f"第{number}条" in note.zh
        assert chinese in note.zh


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("number", sorted(NOTED))
def test_the_note_is_shown_right_under_the_text_in_the_cli(capsys, corpus, number, lang):
    from bot.cli import main

    assert main(["guideline", str(number), "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    text = corpus.guideline(number).text(lang).splitlines()[-1]
    assert lines[lines.index(text) + 1] == f"({corpus.guideline(number).translation_note(lang)})"
    assert main(["guideline", "22", "--lang", lang]) == 0
    assert "翻译说明" not in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_note_is_on_the_guideline_screen_of_telegram_and_the_console(engine, lang):
    from conversations import Choose

    session, _ = engine.start(lang)
    _, screen = engine.handle(session, Choose("g:21"))
    assert [b.kind for b in screen.blocks[:2]] == ["guideline", "note"]
    assert screen.blocks[1].text == engine.corpus.guideline(21).translation_note(lang)
    _, other = engine.handle(session, Choose("g:30"))
    assert all("翻译说明" not in b.text and "Translation note" not in b.text for b in other.blocks)
