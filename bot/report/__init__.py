"""The ethics office's monthly report: an HTML page with charts, and a PNG overview.

Importing this package costs nothing: matplotlib is imported by the functions that draw.
"""

from __future__ import annotations

from collections.abc import Sequence

from conversations import Engine
from knowledge import Lang
from storage.faq import Faq
from storage.faqdigest import TrendMonth


def render_html(faq: Faq, trend: Sequence[TrendMonth], engine: Engine, lang: Lang) -> str:
    from .page import render_html as page

    return page(faq, trend, engine, lang)


def overview_png(faq: Faq, trend: Sequence[TrendMonth], engine: Engine, lang: Lang) -> bytes:
    """One picture for the admin chat: questions per topic, and the trend of the largest."""
    from . import charts
    from .labels import Labels
    from .page import breakdown_bars, topic_series
    from .texts import report_texts

    t = report_texts()
    labels = Labels(engine, t, lang)
    return charts.overview_png(
        breakdown_bars(faq, "topic", labels),
        topic_series(trend, labels),
        [m.month for m in trend],
        (
            t.overview_title.format(lang, month=faq.month),
            t.chart_topics(lang),
            t.chart_trend(lang),
        ),
    )
