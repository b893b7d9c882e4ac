"""The knowledge room: the guideline corpus, its schema, the lexicon and the question router.

It is the ground floor: it imports nothing from ``conversations``, ``storage`` or ``bot``.
"""

from .corpus import Corpus, default_corpus, load_corpus
from .schema import LANGS, Bilingual, Guideline, Lang, Section
from .validation import DataError, Problem

__all__ = [
    "LANGS",
    "Bilingual",
    "Corpus",
    "DataError",
    "Guideline",
    "Lang",
    "Problem",
    "Section",
    "default_corpus",
    "load_corpus",
]
