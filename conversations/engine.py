"""The dialogue engine: a session and an event in, the new session and a reply out.

It knows nothing of Telegram or terminals. Every option carries a *token*: a screen id to
open (``browse``, ``s:identity``, ``g:30``, ``t:friend_request:who``), a walkthrough step
``t:TREE:NODE:K`` (option K of that node), ``<`` plus a screen id to go back from it, ``~``
to restart, ``@en`` / ``@zh`` to switch language. Tokens name their own origin, so a tap on
an old message continues from that message; a token that no longer means anything gets an
"out of date" notice and the current screen — never an error.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from knowledge import Corpus, Lang, default_corpus
from knowledge.router import Router
from knowledge.textmatch import clear_language

from . import tokens
from .answers import Answers
from .browse import Browse
from .context import Context, Renderer
from .events import Back, Choose, Event, FreeText, Notify, Restart, Start, SwitchLanguage
from .menu import ADVISER, RELAY, Menu
from .replies import Block, Option, Reply
from .routing import build_router, default_router
from .session import HOME, Session
from .trees import TreeSet, default_trees, load_trees
from .ui import UiText, default_ui
from .walkthrough import Walkthrough

MAX_TEXT = 4096  # Telegram's own limit on one message


class Engine:
    def __init__(
        self,
        corpus: Corpus | None = None,
        ui: UiText | None = None,
        trees: TreeSet | None = None,
        adviser_contact: str | None = None,
        router: Router | None = None,
        relay: bool = False,
    ):
        corpus = corpus or default_corpus()
        if trees is None:
            trees = default_trees() if corpus is default_corpus() else load_trees(corpus)
        self.ctx = Context(corpus, ui or default_ui(), trees, adviser_contact, relay)
        self.router = router or (
            default_router() if trees is default_trees() else build_router(corpus, trees)
        )
        self.answers = Answers(self.ctx)
        self.walkthrough = Walkthrough(self.ctx)
        parts = (Menu(self.ctx), Browse(self.ctx), self.walkthrough)
        self._screens: dict[str, Renderer] = {}
        self._parents: dict[str, str] = {}
        for part in parts:
            self._screens |= part.screens()
            self._parents |= part.parents()

    @property
    def corpus(self) -> Corpus:
        return self.ctx.corpus

    @property
    def ui(self) -> UiText:
        return self.ctx.ui

    @property
    def trees(self) -> TreeSet:
        return self.ctx.trees

    # ------------------------------------------------------------------ events

    def start(self, lang: Lang) -> tuple[Session, Reply]:
        return self.handle(Session(lang=lang), Start(lang))

    def handle(self, session: Session, event: Event) -> tuple[Session, Reply]:
        before = self._sanitised(session)
        after, reply = self._handle(before, event)
        if reply.record is not None and reply.record.kind == "answer":
            # A walkthrough answer counts once, when reached going forward: not again on
            # Back from a cited guideline, a language switch or a notice.
            reached = len(after.stack) > len(before.stack) and after.screen != before.screen
            if not reached:
                reply = replace(reply, record=None)
        return after, reply

    def _handle(self, session: Session, event: Event) -> tuple[Session, Reply]:
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
            case Notify(text=text):
                return self._show(session, text, brief=True)
        raise TypeError(f"unknown event {event!r}")

    def render(self, session: Session) -> Reply:
        """The current screen again, e.g. after a restart of the process."""
        return self._show(self._sanitised(session))[1]

    def _choose(self, session: Session, token: str) -> tuple[Session, Reply]:
        if token == tokens.RESTART:
            return self._show(session.with_stack((HOME,)))
        if (lang := tokens.parse_language(token)) is not None:
            return self._handle(session, SwitchLanguage(lang))
        if (origin := tokens.parse_back(token)) is not None and origin in self._screens:
            return self._back(session, origin)
        if token in self._screens:
            return self._show(self._open(session, token))
        step = self.walkthrough.resolve(token)
        if step is not None:
            origin, target = step
            return self._show(self._at(session, origin).push(target))
        return self._show(session, self.ui.stale_menu(session.lang))

    def _free_text(self, session: Session, text: str) -> tuple[Session, Reply]:
        lang = session.lang
        if _blank(text):
            return self._show(session, self.ui.empty_text(lang), brief=True)
        if len(text) > MAX_TEXT:
            notice = self.ui.text_too_long.format(lang, limit=MAX_TEXT)
            return self._show(session, notice, brief=True)
        if session.screen == RELAY:
            # Back on the adviser screen: the next message is an ordinary question again.
            session = self._at(session, ADVISER)
            title = self.ui.relay_title(lang)
            return session, Reply(screen=RELAY, title=title, relay=True)
        routing = self.router.route(text)
        detected = clear_language(text)
        if detected is not None and detected != lang:
            session = session.with_lang(detected)  # type: ignore[arg-type]
        answer = self.answers.reply(session.screen, routing, session.lang)
        return session, self._with_controls(answer, session)

    # ------------------------------------------------------------- navigation

    def _at(self, session: Session, screen: str) -> Session:
        """The session as it was when ``screen`` was shown: on its path, or on its canonical one."""
        stack = session.stack
        if screen in stack:
            return session.with_stack(stack[: stack.index(screen) + 1])
        return session.with_stack(self._path_to(screen))

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
        if origin == HOME:
            return self._show(session.with_stack((HOME,)), self.ui.at_start(session.lang))
        stack = self._at(session, origin).stack
        return self._show(session.with_stack(stack[:-1]))

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
        blocks = () if brief else reply.blocks
        if notice is not None:
            blocks = (Block("notice", notice), *blocks)
        # A notice alone (brief) is not a visit to the screen: nothing for the FAQ to count.
        record = None if brief else reply.record
        reply = replace(reply, blocks=blocks, record=record)
        return session, self._with_controls(reply, session)

    def _with_controls(self, reply: Reply, session: Session) -> Reply:
        controls = self._controls(session.screen, session.lang)
        return replace(reply, options=(*reply.options, *controls))

    def _controls(self, screen: str, lang: Lang) -> tuple[Option, ...]:
        return (
            Option(tokens.back(screen), self.ui.back(lang)),
            Option(tokens.RESTART, self.ui.restart(lang)),
        )

    # ------------------------------------------------------- for the adapters

    def guideline_heading(self, number: int, lang: Lang) -> str:
        return self.ctx.guideline_heading(number, lang)

    def guideline_blocks(self, number: int, lang: Lang) -> tuple[Block, ...]:
        return self.ctx.guideline_blocks(number, lang)


def _blank(text: str) -> bool:
    """Nothing a person wrote: spaces, and the invisible (zero-width, control) characters
    that ``str.strip`` leaves in place."""
    return all(unicodedata.category(c)[0] in "ZC" for c in text)
