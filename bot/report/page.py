"""The monthly FAQ as one self-contained HTML page: figures first, then the questions.

No network: the stylesheet is inline, the charts are inline SVG, the fonts are the
reader's own. Every number on the page comes from the frozen, k-anonymous digest (and the
digests of the months before it, for the trend); sums and shares are only ever taken over
published figures, so nothing withheld can be recovered from them. Each number carries a
``data-figure`` naming the figure it shows, for the tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from conversations import Engine
from knowledge import Lang
from storage.faq import Breakdown, Faq
from storage.faqdigest import TrendMonth

from . import charts
from .labels import Labels
from .texts import ReportText, report_texts

STYLESHEET = Path(__file__).resolve().parent / "page.css"


def render_html(faq: Faq, trend: Sequence[TrendMonth], engine: Engine, lang: Lang) -> str:
    return Page(faq, trend, engine, lang).html()


def topic_series(trend: Sequence[TrendMonth], labels: Labels) -> list[charts.Series]:
    """One series per topic published in any month: its published figure or a gap."""
    shown: dict[str, dict[str, int]] = {}
    for m in trend:
        if m.faq is None:
            continue
        for f in m.faq.breakdowns["topic"].shown:
            shown.setdefault(f.key, {})[m.month] = f.questions
    last = trend[-1].month if trend else ""
    order = sorted(shown, key=lambda t: (-shown[t].get(last, 0), -sum(shown[t].values()), t))
    return [
        charts.Series(
            labels("topic", topic),
            [shown[topic].get(m.month) for m in trend],
            [f"topic|{m.month}|{topic}" for m in trend],
        )
        for topic in order
    ]


def breakdown_bars(faq: Faq, name: str, labels: Labels) -> list[charts.Bar]:
    return [
        charts.Bar(labels(name, f.key), f.questions, f"{name}|{faq.month}|{f.key}")
        for f in faq.breakdowns[name].shown
    ]


class Page:
    def __init__(self, faq: Faq, trend: Sequence[TrendMonth], engine: Engine, lang: Lang):
        self.faq, self.trend, self.engine, self.lang = faq, list(trend), engine, lang
        self.t: ReportText = report_texts()
        self.labels = Labels(engine, self.t, lang)

    def html(self) -> str:
        ui, lang, faq = self.engine.ui, self.lang, self.faq
        title = ui.faq_title.format(lang, month=faq.month)
        body = [
            "<header>",
            f"<h1>{escape(title)}</h1>",
            f"<p class=intro>{escape(ui.faq_intro(lang))}</p>",
            f"<p class=protection>{escape(ui.faq_protection.format(lang, k=faq.k))}</p>",
            "</header>",
            self.glance(),
            self.figures(),
            self.trend_section(),
            self.questions(),
            "<footer>",
            f"<p>{escape(self.engine.corpus.preamble.translation_note(lang))}</p>",
            f"<p>{escape(self.t.generated(lang))}</p>",
            "</footer>",
        ]
        css = STYLESHEET.read_text(encoding="utf-8")
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{self.t.html_lang(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            # Nothing on this page may reach the network, whoever opens it, wherever.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; img-src data:\">\n"
            f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n"
            f"<body>\n<main>\n{''.join(body)}\n</main>\n</body>\n</html>\n"
        )

    # ---------------------------------------------------------------- sections

    def glance(self) -> str:
        t, lang, faq = self.t, self.lang, self.faq
        cards = []
        if faq.total:
            cards.append(self._card(faq.total.questions, t.kpi_questions(lang), "questions"))
            cards.append(self._card(faq.total.askers, t.kpi_askers(lang), "askers"))
        else:
            cards.append(self._card(None, t.kpi_total_withheld.format(lang, k=faq.k), None))
        cards.append(
            f'<div class=card><span class=big data-figure="clusters|{faq.month}|count">'
            f"{len(faq.clusters)}</span><span>{escape(t.kpi_clusters.format(lang, k=faq.k))}"
            "</span></div>"
        )
        topics = faq.breakdowns["topic"].shown
        if topics:
            top = topics[0]
            cards.append(
                f"<div class=card><span class=name>{escape(self.labels('topic', top.key))}"
                f"</span><span>{escape(t.kpi_top_topic(lang))}</span></div>"
            )
        split = self._inside_outside()
        if split:
            inside, outside = split
            percent = round(outside.value * 100 / (inside.value + outside.value))
            cards.append(
                f"<div class=card><span class=big "
                f'data-figure="share|{self.faq.month}|out_of_scope">{percent}%'
                f"</span><span>{escape(t.kpi_outside(lang))}</span></div>"
            )
        return (
            f"<section class=glance><h2>{escape(t.at_a_glance(lang))}</h2>"
            f"<div class=cards>{''.join(cards)}</div>{self.changes()}</section>"
        )

    def changes(self) -> str:
        """This month's published topic figures beside last month's, where both exist."""
        t, lang = self.t, self.lang
        if len(self.trend) < 2 or self.trend[-1].faq is None:
            return ""
        before, now = self.trend[-2], self.trend[-1]
        previous = (
            {f.key: f.questions for f in before.faq.breakdowns["topic"].shown} if before.faq else {}
        )
        rows = []
        for f in now.faq.breakdowns["topic"].shown:
            was = previous.get(f.key)
            if was is None:
                arrow, was_cell = "new", "<td>·</td>"
            else:
                arrow = "up" if f.questions > was else "down" if f.questions < was else "same"
                was_cell = f'<td data-figure="topic|{before.month}|{f.key}">{was:,}</td>'
            rows.append(
                f"<tr class={arrow}><th scope=row>{escape(self.labels('topic', f.key))}</th>"
                f'{was_cell}<td data-figure="topic|{now.month}|{f.key}">{f.questions:,}</td>'
                f'<td class=arrow aria-hidden="true"></td></tr>'
            )
        if not rows:
            return f"<h3>{escape(t.changes_heading(lang))}</h3><p>{escape(t.no_changes(lang))}</p>"
        head = (
            f"<thead><tr><th></th><th scope=col>{_month(before.month)}</th>"
            f"<th scope=col>{_month(now.month)}</th><th></th></tr></thead>"
        )
        return (
            f"<h3>{escape(t.changes_heading(lang))}</h3>"
            f'<table class="numbers changes">{head}<tbody>{"".join(rows)}</tbody></table>'
        )

    def figures(self) -> str:
        t, lang = self.t, self.lang
        parts = [f"<section class=figures><h2>{escape(t.figures_heading(lang))}</h2>"]
        parts.append(self._bar_figure("topic", t.chart_topics(lang), wide=True))
        split = self._inside_outside()
        if split:
            inside, outside = split
            svg = charts.share(
                inside,
                outside,
                t.chart_outside(lang),
                (t.inside_label(lang), t.outside_label(lang)),
                "share",
            )
            legend = (
                f"{escape(t.inside_label(lang))}: "
                f'<span data-figure="{inside.ident}">{inside.value:,}</span> · '
                f"{escape(t.outside_label(lang))}: "
                f'<span data-figure="{outside.ident}">{outside.value:,}</span>. '
                f"{escape(t.outside_explain(lang))}"
            )
            parts.append(self._figure(t.chart_outside(lang), svg, legend, "wide"))
        parts.append('<div class="grid">')
        parts.append(self._bar_figure("language", t.chart_languages(lang), half=True))
        parts.append(self._bar_figure("walkthrough", t.chart_walkthroughs(lang), half=True))
        parts.append("</div>")
        parts.append(self._bar_figure("guideline", t.chart_guidelines(lang), wide=True))
        parts.append("</section>")
        return "".join(parts)

    def trend_section(self) -> str:
        t, lang = self.t, self.lang
        series = topic_series(self.trend, self.labels)
        months = [m.month for m in self.trend]
        head = f"<section class=trend><h2>{escape(t.trend_heading(lang))}</h2>"
        if not series:
            return f"{head}<p>{escape(t.nothing_to_plot(lang))}</p></section>"
        svg = charts.trend(series, months, t.chart_trend(lang), "trend")
        caption = escape(t.trend_explain.format(lang, k=self.faq.k))
        rows = []
        for s in series:
            cells = "".join(
                f'<td data-figure="{ident}">{value:,}</td>' if value is not None else "<td>·</td>"
                for value, ident in zip(s.values, s.idents, strict=True)
            )
            rows.append(f"<tr><th scope=row>{escape(s.label)}</th>{cells}</tr>")
        header = "".join(f"<th scope=col>{_month(m)}</th>" for m in months)
        table = (
            f'<table class="numbers trend-table"><thead><tr><th></th>{header}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        return f"{head}{self._figure(t.chart_trend(lang), svg, caption, 'wide')}{table}</section>"

    def questions(self) -> str:
        ui, t, lang, faq, engine = self.engine.ui, self.t, self.lang, self.faq, self.engine
        parts = [f"<section class=questions><h2>{escape(ui.faq_questions(lang))}</h2>"]
        if not faq.clusters:
            parts.append(f"<p>{escape(ui.faq_nothing(lang))}</p>")
        seen: set[str] = set()
        quoted: set[int] = set()
        for c in faq.clusters:
            if c.representative is not None:
                heading = f"<q>{escape(c.representative)}</q>"
            elif c.guidelines:  # no wording shared by k askers: name the subject, not words
                title = engine.corpus.guideline(c.guidelines[0]).title(lang)
                heading = escape(ui.faq_about.format(lang, title=title))
            else:
                heading = escape(t.outside_heading(lang))
            if heading in seen:  # two clusters on one subject, neither quoted: say it once
                continue
            seen.add(heading)
            items = ""
            for n in c.guidelines:
                # Each guideline's excerpt once, where it first answers: the page is looked
                # at, and the same sentence five times over is only read past.
                excerpt = "" if n in quoted else escape(engine.ctx.excerpt(n, lang))
                quoted.add(n)
                items += (
                    f"<li><strong>{escape(engine.guideline_heading(n, lang))}</strong> "
                    f"<span class=excerpt>{excerpt}</span></li>"
                )
            answered = (
                f"<p class=by>{escape(ui.faq_answered_by(lang))}</p><ul>{items}</ul>"
                if items
                else f"<p class=outside>{escape(t.outside_answer(lang))}</p>"
            )
            parts.append(
                f"<article class=cluster><h3>{heading}</h3>"
                f"<p class=asked>{escape(ui.faq_asked_by.format(lang, k=faq.k))}</p>"
                f"{answered}</article>"
            )
        parts.append("</section>")
        return "".join(parts)

    # ---------------------------------------------------------------- pieces

    def _inside_outside(self) -> tuple[charts.Bar, charts.Bar] | None:
        """Published topic figures, in and out of the guidelines: both sums of published
        figures, so neither tells anything a reader could not add up."""
        month, topics = self.faq.month, self.faq.breakdowns["topic"].shown
        outside = [f for f in topics if f.key == "out_of_scope"]
        inside = sum(f.questions for f in topics if f.key != "out_of_scope")
        if not outside or not inside:
            return None
        return (
            charts.Bar("", inside, f"topic|{month}|inside-published"),
            charts.Bar("", outside[0].questions, f"topic|{month}|out_of_scope"),
        )

    def _bar_figure(self, name: str, title: str, wide: bool = False, half: bool = False) -> str:
        breakdown: Breakdown = self.faq.breakdowns[name]
        bars = breakdown_bars(self.faq, name, self.labels)
        if not bars and not breakdown.withheld:
            return ""
        note = escape(self.t.withheld_note.format(self.lang, k=self.faq.k))
        if not bars:
            svg = f"<p class=empty>{escape(self.t.nothing_to_plot(self.lang))}</p>"
        else:
            svg = charts.bars(bars, title, name, half=half)
        caption = note if breakdown.withheld else ""
        return self._figure(title, svg, caption, "wide" if wide else "")

    def _figure(self, title: str, svg: str, caption: str, cls: str) -> str:
        return (
            f'<figure class="chart {cls}"><figcaption><strong>{escape(title)}</strong>'
            f"{'<br>' + caption if caption else ''}</figcaption>{svg}</figure>"
        )

    def _card(self, value: int | None, label: str, ident: str | None) -> str:
        if value is None:
            return (
                f"<div class=card><span class=big>{escape(self.t.kpi_none(self.lang))}</span>"
                f"<span>{escape(label)}</span></div>"
            )
        return (
            f'<div class=card><span class=big data-figure="total|{self.faq.month}|{ident}">'
            f"{value:,}</span><span>{escape(label)}</span></div>"
        )


def _month(month: str) -> str:
    return f"{month[5:]}/{month[2:4]}"
