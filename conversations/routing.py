"""The question router, built from everything curated: lexicon, examples, guideline texts and
the walkthroughs (each path to an answer is a worked situation that cites its guidelines)."""

from __future__ import annotations

import itertools
from functools import cache

from knowledge import Corpus, default_corpus
from knowledge.examples import example_documents, guideline_documents, load_examples
from knowledge.lexicon import load_lexicon
from knowledge.router import Router
from knowledge.similarity import Document

from .trees import Answer, Question, TreeSet, default_trees

CO_CITED_WEIGHT = 0.5  # guidelines an answer cites after its first


def tree_documents(trees: TreeSet) -> list[Document]:
    documents = []
    for tree in trees.trees.values():
        for path in tree.paths():
            answer = tree.nodes[path[-1]]
            if not isinstance(answer, Answer):  # paths end on answers: never so
                continue
            votes = {c: 1.0 if i == 0 else CO_CITED_WEIGHT for i, c in enumerate(answer.cites)}
            for lang in ("zh", "en"):
                parts = [tree.title(lang)]
                for here, there in itertools.pairwise(path):
                    node = tree.nodes[here]
                    if isinstance(node, Question):
                        parts.append(node.ask(lang))
                        parts += [o.label(lang) for o in node.options if o.next == there]
                parts.append(answer.advice(lang))
                documents.append(Document(" ".join(parts), votes, "walkthrough", tree.id))
    return documents


def build_router(corpus: Corpus, trees: TreeSet) -> Router:
    documents = guideline_documents(corpus) + example_documents(load_examples())
    return Router(corpus, load_lexicon(), documents + tree_documents(trees))


@cache
def default_router() -> Router:
    return build_router(default_corpus(), default_trees())
