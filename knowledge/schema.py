"""The shape of the guideline corpus. Checked on every load."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
# What a question or a walkthrough is about: the labels of shared/eval/, which the FAQ
# counts by and every tree declares (out-of-scope questions have none of them).
TOPICS = (
    "friend_request",
    "online_insult",
    "delete_content",
    "pseudonym",
    "following",
    "online_research",
    "case_comment",
    "commercial",
    "privacy_location",
    "family_staff",
    "court_account",
    "training",
    "conduct_tone",
    "identity",
    "general",
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Titles become Telegram buttons and console menu lines: keep them short.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=24)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(Strict):
    zh: Text
    en: Text

    def __call__(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class ShortBilingual(Bilingual):
    zh: ShortText
    en: ShortText


class Section(Strict):
    id: Slug
    title: ShortBilingual


class Guideline(Strict):
    number: int = Field(ge=1, le=40)
    section: Slug
    title: ShortBilingual
    text: Bilingual
    # Where the Chinese translation and the original differ: shown under the text, never in it.
    translation_note: Bilingual | None = None


class GuidelinesFile(Strict):
    sections: list[Section] = Field(min_length=1)
    guidelines: list[Guideline] = Field(min_length=1)


class Preamble(Strict):
    title: Bilingual
    publisher: Bilingual
    translation_note: Bilingual
    non_binding: Bilingual
    scope: Bilingual
    bangalore_values: list[ShortBilingual] = Field(min_length=6, max_length=6)
    bangalore_note: Bilingual
