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
from .browse import Browse, guideline_screen
from .context import Context, Renderer
from .dilemmas import CHANGE, WALK, Dilemmas
from .events import Back, Choose, Event, FreeText, Notify, Restart, Start, SwitchLanguage
from .menu import ADVISER, RELAY, Menu
from .replies import Block, Option, Record, Reply
from .routing import build_router, default_router
from .session import HOME, Session
from .trees import TreeSet, default_trees, load_trees, node_screen
from .ui import UiText, default_ui
from .understanding import Reading, Understanding, Walk, ahead, along, held_at
from .walkthrough import Walkthrough

# The longest text a judge may type, unless the adapter says otherwise (Telegram's limit on
# a message, which the console keeps too, so both faces answer alike).
MAX_TEXT = 4096
MAX_PENDING = 3  # second dilemmas offered at once; older ones give way


class Engine:
    def __init__(
        self,
        corpus: Corpus | None = None,
        ui: UiText | None = None,
        trees: TreeSet | None = None,
        adviser_contact: str | None = None,
        router: Router | None = None,
        relay: bool = False,
        max_text: int = MAX_TEXT,
    ):
        self.max_text = max_text
        corpus = corpus or default_corpus()
        if trees is None:
            trees = default_trees() if corpus is default_corpus() else load_trees(corpus)
        self.ctx = Context(corpus, ui or default_ui(), trees, adviser_contact, relay)
        self.router = router or (
            default_router() if trees is default_trees() else build_router(corpus, trees)
        )
        self.answers = Answers(self.ctx)
        self.walkthrough = Walkthrough(self.ctx)
        self.understanding = Understanding(trees, self.router)
        self.dilemmas = Dilemmas(self.ctx, self.answers, self.walkthrough.node)
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
                return self._show(session.with_stack((HOME,)).with_pending(()).with_facts(()))
            case Back():
                return self._back(session, session.screen)
            case SwitchLanguage(lang=lang):
                session = session.with_lang(lang)
                return self._show(session, self.ui.language_switched(lang))
            case Choose(token=token):
                return self._choose(session, token)
            case FreeText(text=text):
                with self.understanding.one_message():
                    return self._free_text(session, text)
            case Notify(text=text):
                return self._show(session, text, brief=True)
        raise TypeError(f"unknown event {event!r}")

    def render(self, session: Session) -> Reply:
        """The current screen again, e.g. after a restart of the process."""
        return self._show(self._sanitised(session))[1]

    def _choose(self, session: Session, token: str) -> tuple[Session, Reply]:
        if token == tokens.RESTART:
            return self._handle(session, Restart())
        if token in session.pending:  # a second dilemma taken up: offered no more
            session = session.with_pending(tuple(p for p in session.pending if p != token))
        if (lang := tokens.parse_language(token)) is not None:
            return self._handle(session, SwitchLanguage(lang))
        if (origin := tokens.parse_back(token)) is not None and origin in self._screens:
            return self._back(session, origin)
        if token in self._screens:
            return self._show(self._open(session, token))
        if token.startswith(tokens.UNDERSTOOD):
            found = self._choose_understood(session, token)
            if found is not None:
                return found
        step = self.walkthrough.resolve(token)
        if step is not None:
            origin, target = step
            session = self._at(session, origin).push(target)
            return self._ahead(session) or self._show(session)
        return self._show(session, self.ui.stale_menu(session.lang))

    def _free_text(self, session: Session, text: str) -> tuple[Session, Reply]:
        lang = session.lang
        if _blank(text):
            return self._show(session, self.ui.empty_text(lang), brief=True)
        if len(text) > self.max_text:
            notice = self.ui.text_too_long.format(lang, limit=self.max_text)
            return self._show(session, notice, brief=True)
        if session.screen == RELAY:
            # Back on the adviser screen: the next message is an ordinary question again.
            session = self._at(session, ADVISER)
            title = self.ui.relay_title(lang)
            return session, Reply(screen=RELAY, title=title, relay=True)
        detected = clear_language(text)
        if detected is not None and detected != lang:
            session = session.with_lang(detected)  # type: ignore[arg-type]
        notices: tuple[str, ...] = ()
        small = self.understanding.small(text)
        question = self._open_question(session)
        asking = question is not None
        replied = False
        # On a question, "yes" or "是" answers it; elsewhere a small word is only that.
        if self._on_tree(session) is not None and (asking or small is None):
            # First read as the answer to the question on screen (and to later ones), or
            # as facts that correct or confirm the walk that led to the answer on screen.
            carried = self._typed_reply(session, text)
            if carried is not None:
                return carried
            replied = True
            if asking:
                notices = (self.ui.new_question_notice(session.lang),)
        if small is not None:
            return self._small_word(session, small.kind, small.number)
        readings = self.understanding.read(text)
        if replied and self._unplaced(text, readings):
            return self._stay_on_walk(session)
        if question is not None:
            readings = [self._held(question, readings[0]), *readings[1:]]
        if len(readings) > 1:
            notices = (*notices, self.ui.two_dilemmas(session.lang))
        return self._dilemma(session, text, readings, notices)

    # ------------------------------------------------------ typed dilemmas

    def _on_tree(self, session: Session) -> tuple[str, list[str]] | None:
        """(tree, path of node ids) when the screen is a walkthrough's node, else None."""
        found = tokens.parse_node(session.screen)
        if found is None:
            return None
        tree = self.trees.trees.get(found[0])
        if tree is None or found[1] not in tree.nodes:
            return None
        prefix = tokens.node(tree.id, "")
        return tree.id, [s[len(prefix) :] for s in session.stack if s.startswith(prefix)]

    def _open_question(self, session: Session) -> tuple[str, list[str]] | None:
        """(tree, path of node ids) when the screen is a walkthrough question, else None."""
        found = self._on_tree(session)
        if found is None or self.trees.trees[found[0]].nodes[found[1][-1]].is_answer:
            return None
        return found

    def _typed_reply(self, session: Session, text: str) -> tuple[Session, Reply] | None:
        found = self._on_tree(session)
        if found is None:
            return None
        at_answer = self.trees.trees[found[0]].nodes[found[1][-1]].is_answer
        # At an answer: facts that correct a step, or confirm the walk. At a question: the
        # answer to it (and to later ones), a corrected step, or facts already understood.
        if at_answer:
            carried = self.understanding.after_answer(found[0], found[1], text)
        else:
            known = self._facts(session, found[0])
            carried = self.understanding.reply(found[0], found[1], text, known)
        if carried is None:
            return None
        walk, same = carried
        notices: tuple[str, ...] = ()
        if same:
            notices = (
                self.ui.reply_fits(session.lang)
                if at_answer
                else self.ui.reply_noted(session.lang),
            )
        # Typed facts are steps, like taps: an answer reached counts as one, no words kept
        # (facts that only confirm the answer on screen move nothing: handle() counts none).
        return self._show_walk(session, walk, notices)

    def _dilemma(
        self, session: Session, text: str, readings: list[Reading], notices: tuple[str, ...]
    ) -> tuple[Session, Reply]:
        lang = session.lang
        first = readings[0]
        # Offers wait until taken up, even when another question comes first.
        offers = [self.dilemmas.offer_token(r) for r in readings[1:]]
        pending = dict.fromkeys([*session.pending, *(t for t in offers if t is not None)])
        session = session.with_pending(tuple(pending)[-MAX_PENDING:])
        facts: tuple[str, ...] = ()
        if first.walk is not None and not first.walk.answer:
            found = self.understanding.facts(first.walk, text).items()
            if found:
                # Anchored at the question the walk stopped at: they hold below it only.
                anchor = node_screen(first.walk.tree, first.walk.node)
                tree = self.trees.trees[first.walk.tree]
                chosen = (
                    tokens.fact(tree.id, n, i, tree.nodes[n].options[i].next)
                    for n, i in sorted(found)
                )
                facts = (anchor, *chosen)
        session = session.with_facts(facts)
        if first.walk is not None:
            session = self._on_walk(session, first.walk)
            reply = self.dilemmas.walk_reply(first.walk, lang, notices)
            reply = replace(reply, record=self.dilemmas.question_record(first))
            return session, self._with_controls(reply, session)
        if first.routing.out_of_scope or not first.routing.matches:
            reply = self._out_of_scope(session.screen, first, text, lang)
        else:
            reply = self.answers.reply(session.screen, first.routing, lang)
        blocks = (*(Block("notice", n) for n in notices), *reply.blocks)
        return session, self._with_controls(replace(reply, blocks=blocks), session)

    def _unplaced(self, text: str, readings: list[Reading]) -> bool:
        """Facts typed in a walk that fit none of its steps and read as no dilemma (short,
        asking nothing, not about ethics): they belong to the dilemma on screen, not to a
        new search that would call them out of scope. Anything else is a new question, as
        the reply then says."""
        one = readings[0]
        return len(readings) == 1 and one.walk is None and self.understanding.facts_only(text)

    @staticmethod
    def _held(question: tuple[str, list[str]], reading: Reading) -> Reading:
        """A new dilemma in the walkthrough on screen does not pass, as an ordinary case,
        the screening ``question`` (tree, path) the judge was just asked."""
        tree_id, path = question
        if reading.walk is None or reading.walk.tree != tree_id:
            return reading
        return replace(reading, walk=held_at(reading.walk, path[-1]))

    def _stay_on_walk(self, session: Session) -> tuple[Session, Reply]:
        """The walk on screen again, saying the message could not be placed in it; nothing
        is kept, since it was no question."""
        found = self._on_tree(session)
        assert found is not None  # only called for a message typed in a walk
        walk = along(self.trees.trees[found[0]], found[1])
        if walk is None:  # a path no longer in the tree: the screen as it stands
            return self._show(session, self.ui.reply_unplaced(session.lang))
        notices = (self.ui.reply_unplaced(session.lang),)
        return self._show_walk(session, walk, notices)

    def _out_of_scope(self, screen: str, reading: Reading, text: str, lang: Lang) -> Reply:
        """Said plainly, under a title of its own; the adviser only for conduct or ethics."""
        ui = self.ui
        blocks = [Block("text", ui.out_of_scope_plain(lang))]
        options: tuple[Option, ...] = ()
        if self.understanding.about_ethics(text):
            blocks.append(Block("adviser", ui.out_of_scope_adviser(lang)))
            options = (Option(ADVISER, ui.menu_adviser(lang)),)
        record = Record("question", reading.routing.lang, (), "out_of_scope")
        return Reply(screen, ui.out_of_scope_title(lang), tuple(blocks), options, record=record)

    def _small_word(self, session: Session, kind: str, number: int | None) -> tuple[Session, Reply]:
        """Not a question: a short reply, no search, nothing kept."""
        lang = session.lang
        if kind == "guideline":
            if number in self.corpus.guidelines:
                assert number is not None
                session, reply = self._show(self._open(session, guideline_screen(number)))
                return session, replace(reply, record=None)
            notice = self.ui.no_such_guideline(lang)
            return self._show(session, notice, brief=True)
        phrase = {"greeting": self.ui.greeting_reply, "thanks": self.ui.thanks_reply}
        return self._show(session, phrase.get(kind, self.ui.ack_reply)(lang), brief=True)

    def _facts(self, session: Session, tree_id: str) -> dict[str, int]:
        """The choices a typed dilemma's words made in ``tree_id``, by question: only while
        the judge is still below the question where that walk stopped."""
        if not session.facts or session.facts[0] not in session.stack:
            return {}
        tree = self.trees.trees[tree_id]
        out = {}
        for fact in session.facts[1:]:
            found = tokens.parse_fact(fact)
            if found is None or found[0] != tree_id or found[1] not in tree.nodes:
                continue
            _, node_id, index, next_id = found
            leads = [o.next for o in tree.nodes[node_id].options]
            if index < len(leads) and leads[index] == next_id:
                out[node_id] = index
            elif next_id in leads:  # options reordered by a content change
                out[node_id] = leads.index(next_id)
            # else gone after a content change: asked, not assumed
        return out

    def _ahead(self, session: Session) -> tuple[Session, Reply] | None:
        """After a tap, the questions the judge's words already answered are not asked:
        the walk goes on by them, and the reply says what was understood."""
        found = self._on_tree(session)
        known = self._facts(session, found[0]) if found else {}
        if not found or not known:
            return None
        tree = self.trees.trees[found[0]]
        here = along(tree, found[1])
        if here is None:
            return None
        walk = ahead(tree, here, known)
        if walk == here:
            return None
        return self._show_walk(session, walk)

    def _show_walk(
        self, session: Session, walk: Walk, notices: tuple[str, ...] = ()
    ) -> tuple[Session, Reply]:
        """The session standing on the walk's last node, and that node under what was
        understood. An answer's record is kept only when reached going forward, which
        handle() decides for every event (a walk confirmed or shown again counts nothing)."""
        session = self._on_walk(session, walk)
        reply = self.dilemmas.walk_reply(walk, session.lang, notices)
        record = reply.record if walk.answer else None
        return session, self._with_controls(replace(reply, record=record), session)

    def _on_walk(self, session: Session, walk: Walk) -> Session:
        """The session standing on the walk's last node, its path as Back will retrace it."""
        screens = [node_screen(walk.tree, n) for n in walk.nodes()]
        return session.with_stack((*self._path_to(screens[0]), *screens[1:]))

    def _choose_understood(self, session: Session, token: str) -> tuple[Session, Reply] | None:
        lang = session.lang
        if token.startswith(WALK):
            walk = self.dilemmas.parse_walk(token)
            if walk is None:
                return None
            return self._show_walk(session, walk)
        if token.startswith(CHANGE):
            found = self.dilemmas.parse_change(token)
            if found is None:
                return None
            walk, step = found
            session = self._on_walk(session, walk.upto(step))
            reply = self.dilemmas.change_reply(walk, step, lang)
            return session, self._with_controls(reply, session)
        numbers = self.dilemmas.parse_matches(token)
        if numbers is None:
            return None
        return session, self._with_controls(
            self.dilemmas.matches_reply(session.screen, numbers, lang), session
        )

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
        # A second dilemma stays one tap away on every screen until it is taken up.
        offers = self.dilemmas.offers(session.pending, session.lang)
        return replace(reply, options=(*reply.options, *offers, *controls))

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
