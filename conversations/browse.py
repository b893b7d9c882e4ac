"""Browsing the corpus: sections, then guidelines, then a guideline's full text."""

from __future__ import annotations

from knowledge import Lang

from . import tokens
from .context import Context, Renderer
from .menu import BROWSE
from .replies import Block, Option, Reply
from .session import HOME

section_screen = tokens.section
guideline_screen = tokens.guideline


class Browse:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def screens(self) -> dict[str, Renderer]:
        screens: dict[str, Renderer] = {BROWSE: self.browse}
        screens |= {section_screen(s.id): self.section for s in self.ctx.corpus.sections}
        screens |= {guideline_screen(n): self.guideline for n in self.ctx.corpus.guidelines}
        return screens

    def parents(self) -> dict[str, str]:
        parents = {BROWSE: HOME}
        parents |= {section_screen(s.id): BROWSE for s in self.ctx.corpus.sections}
        parents |= {
            guideline_screen(n): section_screen(g.section)
            for n, g in self.ctx.corpus.guidelines.items()
        }
        return parents

    def browse(self, screen: str, lang: Lang) -> Reply:
        ui = self.ctx.ui
        return Reply(
            screen=screen,
            title=ui.browse_title(lang),
            blocks=(Block("text", ui.browse_prompt(lang)),),
            options=tuple(
                Option(section_screen(s.id), s.title(lang)) for s in self.ctx.corpus.sections
            ),
        )

    def section(self, screen: str, lang: Lang) -> Reply:
        corpus, ui = self.ctx.corpus, self.ctx.ui
        section = corpus.section(tokens.parse_section(screen) or "")
        return Reply(
            screen=screen,
            title=section.title(lang),
            blocks=(Block("text", ui.section_prompt(lang)),),
            options=tuple(
                Option(
                    guideline_screen(g.number),
                    ui.guideline_option.format(lang, number=g.number, title=g.title(lang)),
                )
                for g in corpus.in_section(section.id)
            ),
        )

    def guideline(self, screen: str, lang: Lang) -> Reply:
        number = tokens.parse_guideline(screen) or 0
        return Reply(
            screen=screen,
            title=self.ctx.guideline_heading(number, lang),
            blocks=self.ctx.guideline_blocks(number, lang),
            citations=(number,),
        )
