"""The report's charts, drawn by matplotlib (Agg): inline SVG for the page, PNG for Telegram.

Importing matplotlib takes a few tenths of a second: only the HTML report and the Telegram
overview import this module, never other commands. Every figure handed to these functions
is a published one (already k-anonymous): a withheld group is simply not in the data, so it
is never drawn, not even as an unlabelled bar. Each bar, point and value label carries an id
naming the figure it shows (``chart:breakdown|month|key``), so that tests can check every
plotted figure against the k-rule.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 6.7  # inches: A4's 210 mm less 15 mm margins either side, with room to spare
# Okabe-Ito: distinguishable by the colour-blind and in grey print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#882255", "#000000")
INK, MUTED, GRID = "#1f2933", "#52606d", "#d9e2ec"
# DejaVu draws Latin text; the CJK fonts (if installed) the Chinese, glyph by glyph.
FONTS = ["DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Noto Sans CJK JP"]


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    ident: str  # breakdown|month|key of the published figure


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[int | None]  # None: withheld or nothing kept; drawn as a gap
    idents: Sequence[str]


def _style() -> dict:
    return {
        "font.family": FONTS,
        "font.size": 9,
        "text.color": INK,
        "axes.edgecolor": GRID,
        "axes.labelcolor": MUTED,
        "xtick.color": MUTED,
        "ytick.color": INK,
        "svg.fonttype": "none",  # real text: selectable, searchable, the browser's own fonts
        "svg.hashsalt": "amicus",  # the same figures give the same bytes, export after export
    }


def _figure(height: float, width: float = WIDTH):
    # The object-oriented API, not pyplot: no global figure state, no GUI backend. Margins
    # are computed here rather than by a layout engine, which would draw every chart twice.
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height))


def _text_inches(label: str, size: float) -> float:
    """About how wide a label prints: CJK glyphs are a full em, Latin ones a little over half."""
    ems = sum(1.0 if ord(c) > 0x2E7F else 0.6 for c in label)
    return ems * size / 72


def _quiet(fig) -> None:
    import logging

    # A glyph missing from the first font is found in the next: do not warn about it.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    del fig


def bars(
    bars_: Sequence[Bar], title: str, chart: str, colour: str = PALETTE[0], half: bool = False
) -> str:
    """Horizontal bars, largest first, each labelled with its value; no value axis.
    ``half``: drawn for half the page's width, so that its text prints at the same size."""
    import matplotlib

    with matplotlib.rc_context(_style()):
        width, limit = (WIDTH / 2 - 0.2, 22) if half else (WIDTH, 60)
        height = 0.3 + 0.3 * max(len(bars_), 1)
        fig = _figure(height, width)
        _quiet(fig)
        label = max((_text_inches(_short(b.label, limit), 9) for b in bars_), default=0.5)
        left = min(label + 0.15, width * 0.6)
        ax = fig.add_axes((left / width, 0.1 / height, 1 - (left + 0.1) / width, 1 - 0.2 / height))
        _bar_axes(ax, bars_, chart, colour, limit)
        return _svg(fig, title)


def _bar_axes(ax, bars_: Sequence[Bar], chart: str, colour: str, limit: int = 60) -> None:
    rows = list(reversed(bars_))  # matplotlib draws from the bottom up
    top = max((b.value for b in rows), default=1)
    for y, b in enumerate(rows):
        (rect,) = ax.barh(y, b.value, height=0.62, color=colour)
        rect.set_gid(f"{chart}:{b.ident}")
        ax.text(
            b.value + top * 0.01,
            y,
            f"{b.value:,}",
            va="center",
            ha="left",
            fontsize=8.5,
            color=INK,
            gid=f"{chart}-value:{b.ident}",
        )
    ax.set_yticks(range(len(rows)), [_short(b.label, limit) for b in rows])
    ax.set_xlim(0, top * 1.12 or 1)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.xaxis.set_visible(False)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)


def share(inside: Bar, outside: Bar, title: str, labels: tuple[str, str], chart: str) -> str:
    """One bar split in two, as percentages of what is published."""
    import matplotlib

    total = inside.value + outside.value
    with matplotlib.rc_context(_style()):
        fig = _figure(0.5)
        _quiet(fig)
        ax = fig.add_axes((0.01, 0.05, 0.98, 0.9))
        left = 0.0
        for bar, label, colour in zip(
            (inside, outside), labels, (PALETTE[0], PALETTE[1]), strict=True
        ):
            part = bar.value / total
            (rect,) = ax.barh(0, part, left=left, height=0.5, color=colour)
            rect.set_gid(f"{chart}:{bar.ident}")
            ax.text(
                left + part / 2,
                0,
                f"{label} {round(part * 100)}%" if part > 0.22 else f"{round(part * 100)}%",
                ha="center",
                va="center",
                color="white" if colour == PALETTE[0] else INK,
                fontsize=8.5,
                gid=f"{chart}-value:{bar.ident}",
            )
            left += part
        ax.set_xlim(0, 1)
        ax.set_axis_off()
        return _svg(fig, title)


def trend(series: Sequence[Series], months: Sequence[str], title: str, chart: str) -> str:
    """Small multiples: one small line chart per topic, on a shared scale."""
    import matplotlib

    columns = 3
    rows = max(1, math.ceil(len(series) / columns))
    with matplotlib.rc_context(_style()):
        cell_h, title_h, ticks_h, left, gap = 1.6, 0.42, 0.22, 0.32, 0.22
        height = 0.1 + cell_h * rows
        fig = _figure(height)
        _quiet(fig)
        top = max((v for s in series for v in s.values if v is not None), default=1)
        cell_w = (WIDTH - left - 0.1 - gap * (columns - 1)) / columns
        for index, s in enumerate(series):
            row, column = divmod(index, columns)
            x = left + column * (cell_w + gap)
            y = height - 0.05 - (row + 1) * cell_h + ticks_h
            box = (x / WIDTH, y / height, cell_w / WIDTH, (cell_h - title_h - ticks_h) / height)
            ax = fig.add_axes(box)
            _trend_axes(ax, s, months, top, PALETTE[index % len(PALETTE)], chart)
            if column:
                ax.tick_params(axis="y", labelleft=False)
        return _svg(fig, title)


def _trend_axes(ax, s: Series, months: Sequence[str], top: int, colour: str, chart: str) -> None:
    xs = range(len(months))
    ys = [math.nan if v is None else v for v in s.values]
    ax.plot(xs, ys, color=colour, linewidth=1.6)
    for x, v, ident in zip(xs, s.values, s.idents, strict=True):
        if v is None:
            continue
        ax.plot([x], [v], "o", color=colour, markersize=3.2, gid=f"{chart}:{ident}")
    last = next((i for i in reversed(xs) if s.values[i] is not None), None)
    if last is not None:
        ax.annotate(
            f"{s.values[last]:,}",
            (last, s.values[last]),
            xytext=(0, 5),
            textcoords="offset points",
            ha="center",
            fontsize=7.5,
            color=INK,
            gid=f"{chart}-value:{s.idents[last]}",
        )
    ax.set_title(_wrap(s.label, 27), fontsize=8.5, loc="left", color=INK)
    ax.set_ylim(0, top * 1.3)
    ax.set_xlim(-0.5, len(months) - 0.5)
    ticks = [0, len(months) - 1] if len(months) > 1 else [0]
    ax.set_xticks(ticks, [_month_label(months[i]) for i in ticks], fontsize=7)
    ax.tick_params(axis="y", labelsize=7, length=0)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def overview_png(bars_: Sequence[Bar], series: Sequence[Series], months, titles) -> bytes:
    """Telegram's one-picture summary: questions per topic, and the trend of the largest."""
    import matplotlib

    with matplotlib.rc_context(_style()):
        from matplotlib.figure import Figure

        fig = Figure(figsize=(10, 5.2), layout="constrained")
        _quiet(fig)
        heading, bars_title, trend_title = titles
        fig.suptitle(heading, fontsize=13, x=0.02, ha="left", color=INK)
        left, right = fig.subplots(1, 2, width_ratios=(1.1, 1))
        left.set_title(bars_title, loc="left", fontsize=10)
        _bar_axes(left, bars_, "overview", PALETTE[0])
        right.set_title(trend_title, loc="left", fontsize=10)
        xs = range(len(months))
        for index, s in enumerate(series[:4]):
            ys = [math.nan if v is None else v for v in s.values]
            right.plot(xs, ys, marker="o", markersize=3, linewidth=2, label=_short(s.label, 40))
            right.lines[-1].set_color(PALETTE[index])
        if series:
            right.legend(
                frameon=False,
                fontsize=8.5,
                loc="upper center",
                bbox_to_anchor=(0.5, -0.08),
                ncols=2,
            )
        ticks = list(xs)[::-2][::-1]  # every other month, ending on this one
        right.set_xticks(ticks, [_month_label(months[i]) for i in ticks], fontsize=8)
        right.set_ylim(bottom=0)
        right.grid(axis="y", color=GRID, linewidth=0.6)
        for side in ("top", "right"):
            right.spines[side].set_visible(False)
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=150, facecolor="white")
        return out.getvalue()


def _month_label(month: str) -> str:
    return f"{month[5:]}/{month[2:4]}"


def _wrap(label: str, width: int) -> str:
    """At most two lines: a small chart's title must not be cut to a guess."""
    import textwrap

    lines = textwrap.wrap(label, width) if " " in label else [label[:width], label[width:]]
    lines = [line for line in lines if line]
    if len(lines) > 2:
        lines = [lines[0], _short(" ".join(lines[1:]), width)]
    return "\n".join(lines)


def _short(label: str, limit: int = 46) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


_ROOT = re.compile(r'<svg\b[^>]*?\bwidth="[^"]*"\s+height="[^"]*"')


def _svg(fig, title: str) -> str:
    """The figure as an SVG element to inline in HTML: no XML prolog, no metadata (it names
    the library version and a date), scaled to its container, titled for screen readers."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None}, transparent=True)
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _ROOT.sub('<svg role="img" width="100%"', svg, count=1)
    head = svg.index(">") + 1
    return f"{svg[:head]}<title>{escape(title)}</title>{svg[head:]}"
