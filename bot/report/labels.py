"""What the office reads for a figure's key: topic, guideline, language or walkthrough names."""

from __future__ import annotations

from conversations import Engine
from knowledge import Lang

from .texts import ReportText


class Labels:
    def __init__(self, engine: Engine, texts: ReportText, lang: Lang):
        self.engine, self.texts, self.lang = engine, texts, lang
        trees = engine.trees.trees
        self.topics = {t.topic: t.title(lang) for t in trees.values()}
        self.topics["out_of_scope"] = texts.topic_out_of_scope(lang)
        self.topics["general"] = texts.topic_general(lang)
        self.walkthroughs = {tree_id: t.title(lang) for tree_id, t in trees.items()}

    def __call__(self, breakdown: str, key: str) -> str:
        if breakdown == "topic":
            return self.topics.get(key, key)
        if breakdown == "language":
            names = {"zh": self.texts.lang_zh, "en": self.texts.lang_en}
            return names[key](self.lang) if key in names else key
        if breakdown == "walkthrough":
            return self.walkthroughs.get(key, key)
        if breakdown == "guideline":
            if key.isdecimal():
                return self.engine.guideline_heading(int(key), self.lang)
            return self.texts.guideline_none(self.lang)
        return key
