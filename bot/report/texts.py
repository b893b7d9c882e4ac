"""The report's own words, loaded and checked from ``texts.yaml`` (both languages)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from conversations.ui import Phrase
from knowledge.schema import Strict
from knowledge.validation import load_model

TEXTS_FILE = Path(__file__).resolve().parent / "texts.yaml"


class ReportText(Strict):
    outside_heading: Phrase
    outside_answer: Phrase
    at_a_glance: Phrase
    figures_heading: Phrase
    kpi_questions: Phrase
    kpi_askers: Phrase
    kpi_total_withheld: Phrase
    kpi_clusters: Phrase
    kpi_top_topic: Phrase
    kpi_outside: Phrase
    kpi_none: Phrase
    chart_topics: Phrase
    chart_guidelines: Phrase
    chart_walkthroughs: Phrase
    chart_languages: Phrase
    chart_outside: Phrase
    inside_label: Phrase
    outside_label: Phrase
    outside_explain: Phrase
    chart_trend: Phrase
    trend_explain: Phrase
    trend_heading: Phrase
    changes_heading: Phrase
    change_line: Phrase
    change_new: Phrase
    no_changes: Phrase
    withheld_note: Phrase
    nothing_to_plot: Phrase
    axis_questions: Phrase
    table_key: Phrase
    table_questions: Phrase
    table_askers: Phrase
    topic_out_of_scope: Phrase
    topic_general: Phrase
    guideline_none: Phrase
    lang_zh: Phrase
    lang_en: Phrase
    overview_title: Phrase
    overview_caption: Phrase
    contents: Phrase
    generated: Phrase
    html_lang: Phrase


def load_texts(path: Path = TEXTS_FILE) -> ReportText:
    return load_model(path, ReportText)


@cache
def report_texts() -> ReportText:
    return load_texts()
