"""The monthly FAQ as the ethics office receives it: a Markdown digest, CSV, JSON or an
HTML page with charts (bot.report).

The figures come from storage.faq (already k-anonymous, frozen once the month has ended);
this module only writes them out, with the guideline titles and verbatim excerpts that
answer each cluster of questions.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from conversations import Engine
from knowledge import Lang
from storage.faq import Breakdown, Faq
from storage.faqdigest import TrendMonth

from .report.texts import report_texts


def render(
    faq: Faq,
    engine: Engine,
    fmt: str,
    lang: Lang = "en",
    trend: Sequence[TrendMonth] = (),
) -> str:
    """``trend``: the frozen digests of the months up to ``faq.month`` (json and html)."""
    if fmt == "md":
        return markdown(faq, engine, lang)
    if fmt == "csv":
        return csv_text(faq)
    if fmt == "json":
        return json.dumps(as_data(faq, trend), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        from .report import render_html  # matplotlib: only when a page is drawn

        return render_html(faq, trend, engine, lang)
    raise ValueError(f"unknown format {fmt!r}")


def as_data(faq: Faq, trend: Sequence[TrendMonth] = ()) -> dict:
    return {
        "month": faq.month,
        "min_askers": faq.k,
        "total": (
            {"questions": faq.total.questions, "askers": faq.total.askers} if faq.total else None
        ),
        "breakdowns": {
            name: {
                "shown": [
                    {"key": f.key, "questions": f.questions, "askers": f.askers} for f in b.shown
                ],
                "other_withheld": b.withheld,
            }
            for name, b in faq.breakdowns.items()
        },
        # Most asked first; no counts (they would add up to recover what is withheld).
        "clusters": [
            {
                "question": c.representative,
                "lang": c.lang,
                "askers_at_least": faq.k,
                "guidelines": list(c.guidelines),
            }
            for c in faq.clusters
        ],
        # Each month's topic figures as that month's digest published them: a topic below k
        # that month is absent, "other_withheld" says so; null when nothing was kept.
        "trend": [
            {
                "month": m.month,
                "topics": (
                    [
                        {"key": f.key, "questions": f.questions, "askers": f.askers}
                        for f in m.faq.breakdowns["topic"].shown
                    ]
                    if m.faq
                    else None
                ),
                "other_withheld": m.faq.breakdowns["topic"].withheld if m.faq else None,
            }
            for m in trend
        ],
    }


def csv_text(faq: Faq) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", "breakdown", "key", "questions", "askers"])
    if faq.total:
        writer.writerow([faq.month, "total", "all", faq.total.questions, faq.total.askers])
    for name, breakdown in faq.breakdowns.items():
        for f in breakdown.shown:
            writer.writerow([faq.month, name, f.key, f.questions, f.askers])
        if breakdown.withheld:
            writer.writerow([faq.month, name, "other", "", ""])
    for c in faq.clusters:
        key = f"{c.representative or ''} [{' '.join(map(str, c.guidelines))}]"
        writer.writerow([faq.month, "question", _cell(key), f"{faq.k}+", ""])
    return out.getvalue()


def _cell(text: str) -> str:
    """Anyone can ask Amicus a question: never let one become a spreadsheet formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def markdown(faq: Faq, engine: Engine, lang: Lang) -> str:
    ui, corpus = engine.ui, engine.corpus
    excerpt = engine.ctx.excerpt
    lines = [f"# {ui.faq_title.format(lang, month=faq.month)}", "", ui.faq_intro(lang), ""]
    lines += [f"> {ui.faq_protection.format(lang, k=faq.k)}", ""]
    if faq.total:
        lines += [
            ui.faq_total.format(lang, questions=faq.total.questions, askers=faq.total.askers),
            "",
        ]
    nothing = not faq.clusters and not any(b.shown for b in faq.breakdowns.values())
    if nothing:
        return "\n".join([*lines, ui.faq_nothing(lang), ""])

    lines += [f"## {ui.faq_questions(lang)}", ""]
    for i, c in enumerate(faq.clusters, 1):
        if c.representative is not None:
            heading = f"«{c.representative}»"
        elif c.guidelines:  # no wording shared by k askers: name the subject, not anyone's words
            heading = ui.faq_about.format(lang, title=corpus.guideline(c.guidelines[0]).title(lang))
        else:  # similar questions no guideline answers, in no shared wording
            heading = report_texts().outside_heading(lang)
        lines += [f"### {i}. {heading}", "", f"*{ui.faq_asked_by.format(lang, k=faq.k)}*", ""]
        if c.guidelines:
            lines.append(f"**{ui.faq_answered_by(lang)}:**")
        else:
            lines.append(report_texts().outside_answer(lang))
        for number in c.guidelines:
            heading = engine.guideline_heading(number, lang)
            lines.append(f"- **{heading}**: {excerpt(number, lang)}")
        lines.append("")

    def table(title: str, breakdown: Breakdown, label) -> None:
        if not breakdown.shown and not breakdown.withheld:
            return
        lines.extend([f"## {title}", ""])
        lines.extend(
            f"- {label(f.key)}: {ui.faq_count.format(lang, questions=f.questions, askers=f.askers)}"
            for f in breakdown.shown
        )
        if breakdown.withheld:
            lines.append(f"- {ui.faq_other.format(lang, k=faq.k)}")
        lines.append("")

    trees = engine.trees.trees
    topic_titles = {t.topic: t.title(lang) for t in trees.values()}
    table(ui.faq_by_topic(lang), faq.breakdowns["topic"], lambda k: topic_titles.get(k, k))
    table(
        ui.faq_by_language(lang),
        faq.breakdowns["language"],
        lambda k: {"zh": "中文", "en": "English"}.get(k, k),
    )
    table(
        ui.faq_walkthroughs(lang),
        faq.breakdowns["walkthrough"],
        lambda k: trees[k].title(lang) if k in trees else k,
    )
    table(
        ui.faq_by_guideline(lang),
        faq.breakdowns["guideline"],
        lambda k: engine.guideline_heading(int(k), lang) if k.isdecimal() else k,
    )
    lines += ["---", "", f"*{corpus.preamble.translation_note(lang)}*", ""]
    return "\n".join(lines)
