"""The home screen, the preamble's essentials, and the human adviser (guideline 29)."""

from __future__ import annotations

from knowledge import Lang

from . import tokens
from .context import Context, Renderer
from .replies import Block, Option, Reply
from .session import HOME

ABOUT = "about"
ADVISER = "adviser"
RELAY = "relay"
PRIVACY = "privacy"
TOPICS = "topics"
BROWSE = "browse"


class Menu:
    def __init__(self, ctx: Context):
        self.ctx = ctx

    def screens(self) -> dict[str, Renderer]:
        screens = {HOME: self.home, ABOUT: self.about, ADVISER: self.adviser, PRIVACY: self.privacy}
        # Without an advisers' chat there is nothing to write to: no screen, and an old
        # button for it is simply out of date.
        return screens | ({RELAY: self.relay} if self.ctx.relay else {})

    def parents(self) -> dict[str, str]:
        return {ABOUT: HOME, ADVISER: HOME, PRIVACY: HOME, RELAY: ADVISER}

    def home(self, screen: str, lang: Lang) -> Reply:
        ui = self.ctx.ui
        other: Lang = "en" if lang == "zh" else "zh"
        walkthroughs = (Option(TOPICS, ui.menu_topics(lang)),) if self.ctx.trees.trees else ()
        return Reply(
            screen=screen,
            title=ui.app_name(lang),
            blocks=(Block("text", ui.welcome(lang)),),
            options=(
                *walkthroughs,
                Option(BROWSE, ui.menu_browse(lang)),
                Option(ADVISER, ui.menu_adviser(lang)),
                Option(ABOUT, ui.menu_about(lang)),
                Option(PRIVACY, ui.menu_privacy(lang)),
                Option(tokens.language(other), ui.switch_language(lang)),
            ),
        )

    def about(self, screen: str, lang: Lang) -> Reply:
        p = self.ctx.corpus.preamble
        values = self.ctx.ui.list_separator(lang).join(v(lang) for v in p.bangalore_values)
        return Reply(
            screen=screen,
            title=p.title(lang),
            blocks=(
                Block("text", p.publisher(lang)),
                Block("text", p.non_binding(lang)),
                Block("text", p.scope(lang)),
                Block("text", values, heading=self.ctx.ui.about_values(lang)),
                Block("text", p.bangalore_note(lang)),
                Block("note", p.translation_note(lang)),
            ),
        )

    def adviser(self, screen: str, lang: Lang) -> Reply:
        ui = self.ctx.ui
        return Reply(
            screen=screen,
            title=ui.adviser_title(lang),
            blocks=(
                Block("text", ui.adviser_intro(lang)),
                Block("adviser", self.ctx.contact(lang)),
            ),
            options=(
                *((Option(RELAY, ui.relay_start(lang)),) if self.ctx.relay else ()),
                self.ctx.full_text_option(29, lang),
            ),
            citations=(29,),
        )

    def relay(self, screen: str, lang: Lang) -> Reply:
        ui = self.ctx.ui
        return Reply(
            screen=screen,
            title=ui.relay_title(lang),
            blocks=(Block("text", ui.relay_intro(lang)),),
        )

    def privacy(self, screen: str, lang: Lang) -> Reply:
        ui = self.ctx.ui
        return Reply(
            screen=screen,
            title=ui.privacy_title(lang),
            blocks=(Block("text", ui.privacy_text(lang)),),
            options=(self.ctx.full_text_option(40, lang),),
            citations=(40,),
        )
