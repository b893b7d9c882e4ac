"""The dialogue engine: a session and an event in, the new session and a reply out.

It knows nothing of Telegram or terminals. Every option carries a *token*: a screen id to
open (``browse``, ``s:identity``, ``g:30``), ``<`` plus a screen id to go back from it, ``~``
to restart, ``@en`` / ``@zh`` to switch language. Tokens name their own origin, so a tap on
an old message still lands where the judge expects; a token that no longer means anything
gets an "out of date" notice and the current screen — never an error.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge import LANGS, Corpus, Lang, default_corpus

from .events import Back, Choose, Event, FreeText, Restart, Start, SwitchLanguage
from .replies import Block, Option, Reply
from .session import HOME, Session
from .ui import UiText, default_ui

MAX_TEXT = 4096  # Telegram's own limit on one message
ABOUT = "about"
BROWSE = "browse"
BACK_PREFIX = "<"
RESTART = "~"
LANG_PREFIX = "@"


class Engine:
    def __init__(self, corpus: Corpus | None = None, ui: UiText | None = None):
        self.corpus = corpus or default_corpus()
        self.ui = ui or default_ui()
        self._screens: dict[str, Callable[[str, Lang], Reply]] = {
            HOME: self._home,
            ABOUT: self._about,
            BROWSE: self._browse,
        }
        self._parents: dict[str, str] = {ABOUT: HOME, BROWSE: HOME}
        for section in self.corpus.sections:
            self._screens[f"s:{section.id}"] = self._section
            self._parents[f"s:{section.id}"] = BROWSE
        for number, guideline in self.corpus.guidelines.items():
            self._screens[f"g:{number}"] = self._guideline
            self._parents[f"g:{number}"] = f"s:{guideline.section}"

    # ------------------------------------------------------------------ events

    def start(self, lang: Lang) -> tuple[Session, Reply]:
        return self.handle(Session(lang=lang), Start(lang))

    def handle(self, session: Session, event: Event) -> tuple[Session, Reply]:
        session = self._sanitised(session)
        match event:
            case Start(lang=lang):
                return self._show(Session(lang=lang))
            case Restart():
                return self._show(session.with_stack((HOME,)))
            case Back():
                return self._back(session, session.screen)
            case SwitchLanguage(lang=lang):
                session = session.with_lang(lang)
                return self._show(session, self.ui.language_switched(lang))
            case Choose(token=token):
                return self._choose(session, token)
            case FreeText(text=text):
                return self._free_text(session, text)
        raise TypeError(f"unknown event {event!r}")

    def render(self, session: Session) -> Reply:
        """The current screen again, e.g. after a restart of the process."""
        return self._show(self._sanitised(session))[1]

    def _choose(self, session: Session, token: str) -> tuple[Session, Reply]:
        if token == RESTART:
            return self._show(session.with_stack((HOME,)))
        if token.startswith(LANG_PREFIX) and token[1:] in LANGS:
            return self.handle(session, SwitchLanguage(token[1:]))  # type: ignore[arg-type]
        if token.startswith(BACK_PREFIX) and token[1:] in self._screens:
            return self._back(session, token[1:])
        if token in self._screens:
            return self._show(self._open(session, token))
        return self._show(session, self.ui.stale_menu(session.lang))

    def _free_text(self, session: Session, text: str) -> tuple[Session, Reply]:
        lang = session.lang
        if not text.strip():
            return self._show(session, self.ui.empty_text(lang), brief=True)
        if len(text) > MAX_TEXT:
            notice = self.ui.text_too_long.format(lang, limit=MAX_TEXT)
            return self._show(session, notice, brief=True)
        return self._show(session, self.ui.free_text_not_yet(lang), brief=True)

    # ------------------------------------------------------------- navigation

    def _open(self, session: Session, screen: str) -> Session:
        stack = session.stack
        if screen in stack:
            return session.with_stack(stack[: stack.index(screen) + 1])
        parent = self._parents.get(screen)
        if parent in stack:
            return session.with_stack((*stack[: stack.index(parent) + 1], screen))
        # Opened from elsewhere (a citation under an answer): Back returns there.
        return session.push(screen)

    def _back(self, session: Session, origin: str) -> tuple[Session, Reply]:
        stack = session.stack
        if origin == HOME or (stack == (HOME,) and origin not in self._parents):
            return self._show(session.with_stack((HOME,)), self.ui.at_start(session.lang))
        if origin in stack:
            return self._show(session.with_stack(stack[: stack.index(origin)]))
        # A Back from an old message whose screen is no longer on the path.
        return self._show(session.with_stack(self._path_to(self._parents[origin])))

    def _path_to(self, screen: str) -> tuple[str, ...]:
        path = [screen]
        while path[-1] in self._parents:
            path.append(self._parents[path[-1]])
        return tuple(reversed(path))

    def _sanitised(self, session: Session) -> Session:
        """Drop screens that no longer exist (the knowledge changed since it was stored)."""
        stack = tuple(s for s in session.stack if s in self._screens)
        if stack and stack[0] != HOME:
            stack = (HOME, *stack)
        return session.with_stack(stack) if stack != session.stack else session

    def _show(
        self, session: Session, notice: str | None = None, brief: bool = False
    ) -> tuple[Session, Reply]:
        """The session's current screen; ``brief`` keeps only the notice and the options,
        for a message that did not move the judge (an empty text, say)."""
        reply = self._screens[session.screen](session.screen, session.lang)
        controls = self._controls(session.screen, session.lang)
        blocks = () if brief else reply.blocks
        if notice is not None:
            blocks = (Block("notice", notice), *blocks)
        return session, Reply(
            screen=reply.screen,
            title=reply.title,
            blocks=blocks,
            options=(*reply.options, *controls),
            citations=reply.citations,
        )

    def _controls(self, screen: str, lang: Lang) -> tuple[Option, ...]:
        return (
            Option(BACK_PREFIX + screen, self.ui.back(lang)),
            Option(RESTART, self.ui.restart(lang)),
        )

    # ---------------------------------------------------------------- screens

    def _home(self, screen: str, lang: Lang) -> Reply:
        other: Lang = "en" if lang == "zh" else "zh"
        return Reply(
            screen=screen,
            title=self.ui.app_name(lang),
            blocks=(Block("text", self.ui.welcome(lang)),),
            options=(
                Option(BROWSE, self.ui.menu_browse(lang)),
                Option(ABOUT, self.ui.menu_about(lang)),
                Option(LANG_PREFIX + other, self.ui.switch_language(lang)),
            ),
        )

    def _about(self, screen: str, lang: Lang) -> Reply:
        p = self.corpus.preamble
        values = (
            "、".join(v(lang) for v in p.bangalore_values)
            if lang == "zh"
            else ", ".join(v(lang) for v in p.bangalore_values)
        )
        return Reply(
            screen=screen,
            title=p.title(lang),
            blocks=(
                Block("text", p.publisher(lang)),
                Block("text", p.non_binding(lang)),
                Block("text", p.scope(lang)),
                Block("text", values, heading=self.ui.about_values(lang)),
                Block("text", p.bangalore_note(lang)),
                Block("note", p.translation_note(lang)),
            ),
        )

    def _browse(self, screen: str, lang: Lang) -> Reply:
        return Reply(
            screen=screen,
            title=self.ui.browse_title(lang),
            blocks=(Block("text", self.ui.browse_prompt(lang)),),
            options=tuple(Option(f"s:{s.id}", s.title(lang)) for s in self.corpus.sections),
        )

    def _section(self, screen: str, lang: Lang) -> Reply:
        section = self.corpus.section(screen.removeprefix("s:"))
        return Reply(
            screen=screen,
            title=section.title(lang),
            blocks=(Block("text", self.ui.section_prompt(lang)),),
            options=tuple(
                Option(
                    f"g:{g.number}",
                    self.ui.guideline_option.format(lang, number=g.number, title=g.title(lang)),
                )
                for g in self.corpus.in_section(section.id)
            ),
        )

    def _guideline(self, screen: str, lang: Lang) -> Reply:
        number = int(screen.removeprefix("g:"))
        return Reply(
            screen=screen,
            title=self.guideline_heading(number, lang),
            blocks=self.guideline_blocks(number, lang),
            citations=(number,),
        )

    # ---------------------------------------------------------------- helpers

    def guideline_heading(self, number: int, lang: Lang) -> str:
        g = self.corpus.guideline(number)
        return self.ui.guideline_heading.format(lang, number=number, title=g.title(lang))

    def guideline_blocks(self, number: int, lang: Lang) -> tuple[Block, ...]:
        g = self.corpus.guideline(number)
        section = self.corpus.section(g.section)
        return (
            Block("guideline", g.text(lang)),
            Block("note", self.ui.section_of.format(lang, section=section.title(lang))),
            Block("note", self.ui.unofficial_rendering(lang)),
        )

    def citation(self, number: int, lang: Lang) -> str:
        return self.ui.citation.format(lang, number=number)
