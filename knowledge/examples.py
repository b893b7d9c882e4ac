"""Example questions in judges' own words (``data/examples.yaml``): shape and loading."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from .corpus import Corpus
from .schema import Strict, Text
from .similarity import Document
from .validation import load_model

EXAMPLES_FILE = Path(__file__).resolve().parent / "data" / "examples.yaml"
SECONDARY_WEIGHT = 0.7  # an example's other guidelines vote, a little less


class Example(Strict):
    lang: Literal["zh", "en"]
    guidelines: list[Annotated[int, Field(ge=1, le=40)]] = Field(min_length=1)
    text: Text


class OutOfScope(Strict):
    lang: Literal["zh", "en"]
    text: Text


class ExamplesFile(Strict):
    examples: list[Example] = Field(min_length=1)
    out_of_scope: list[OutOfScope] = Field(default_factory=list)


def load_examples(path: Path = EXAMPLES_FILE) -> ExamplesFile:
    return load_model(path, ExamplesFile)


def example_documents(examples: ExamplesFile) -> list[Document]:
    docs = [
        Document(
            e.text,
            {g: 1.0 if i == 0 else SECONDARY_WEIGHT for i, g in enumerate(e.guidelines)},
            "example",
        )
        for e in examples.examples
    ]
    docs += [Document(o.text, {}, "out_of_scope") for o in examples.out_of_scope]
    return docs


def guideline_documents(corpus: Corpus) -> list[Document]:
    return [
        Document(f"{g.title(lang)} {g.text(lang)}", {n: 1.0}, "guideline")
        for n, g in corpus.guidelines.items()
        for lang in ("zh", "en")
    ]
