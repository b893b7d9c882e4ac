"""The interface's own words (menus, notices), loaded from ``data/ui.yaml``."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import StringConstraints, model_validator

from knowledge.schema import Bilingual, Lang, Strict
from knowledge.validation import load_model

UI_FILE = Path(__file__).resolve().parent / "data" / "ui.yaml"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Phrase(Bilingual):
    # Not stripped: a separator such as ", " is all whitespace that matters.
    zh: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]

    @model_validator(mode="after")
    def same_placeholders(self) -> Phrase:
        zh, en = set(_PLACEHOLDER.findall(self.zh)), set(_PLACEHOLDER.findall(self.en))
        if zh != en:
            raise ValueError(f"placeholders differ: zh has {sorted(zh)}, en has {sorted(en)}")
        return self

    def format(self, lang: Lang, **values: object) -> str:
        return self(lang).format(**values)


class UiText(Strict):
    app_name: Phrase
    welcome: Phrase
    menu_browse: Phrase
    menu_about: Phrase
    switch_language: Phrase
    back: Phrase
    restart: Phrase
    browse_title: Phrase
    browse_prompt: Phrase
    section_prompt: Phrase
    guideline_heading: Phrase
    guideline_option: Phrase
    citation: Phrase
    section_of: Phrase
    unofficial_rendering: Phrase
    about_values: Phrase
    at_start: Phrase
    stale_menu: Phrase
    language_switched: Phrase
    empty_text: Phrase
    text_too_long: Phrase
    choose_between: Phrase
    console_help: Phrase
    goodbye: Phrase
    list_separator: Phrase
    menu_topics: Phrase
    topics_title: Phrase
    topics_prompt: Phrase
    advice_heading: Phrase
    based_on: Phrase
    tip_heading: Phrase
    adviser_offer: Phrase
    full_text: Phrase
    menu_adviser: Phrase
    adviser_title: Phrase
    adviser_intro: Phrase
    adviser_default_contact: Phrase
    answer_title: Phrase
    did_you_mean: Phrase
    also_relevant: Phrase
    offer_walkthrough: Phrase
    out_of_scope: Phrase
    menu_privacy: Phrase
    privacy_title: Phrase
    privacy_text: Phrase
    privacy_first_time: Phrase
    bot_help: Phrase
    private_only: Phrase
    only_text: Phrase
    edited_ignored: Phrase
    unavailable: Phrase
    error_apology: Phrase
    forgotten: Phrase
    no_such_guideline: Phrase
    command_start: Phrase
    command_help: Phrase
    command_topics: Phrase
    command_browse: Phrase
    command_guideline: Phrase
    command_language: Phrase
    command_privacy: Phrase
    command_forget: Phrase
    command_adviser: Phrase
    command_cancel: Phrase
    kept_notice: Phrase
    dont_keep: Phrase
    not_kept: Phrase
    not_kept_unknown: Phrase
    not_kept_refused: Phrase  # redaction refused: not redactable in time
    relay_refused: Phrase
    console_unkeep: Phrase
    console_unknown_command: Phrase
    language_usage: Phrase
    faq_title: Phrase
    faq_intro: Phrase
    faq_protection: Phrase
    faq_total: Phrase
    faq_by_topic: Phrase
    faq_by_language: Phrase
    faq_by_guideline: Phrase
    faq_walkthroughs: Phrase
    faq_questions: Phrase
    faq_other: Phrase
    faq_count: Phrase
    faq_answered_by: Phrase
    faq_nothing: Phrase
    faq_caption: Phrase
    faq_not_admin: Phrase
    faq_bad_month: Phrase
    faq_about: Phrase
    faq_asked_by: Phrase
    relay_start: Phrase
    relay_title: Phrase
    relay_intro: Phrase
    relay_preview: Phrase
    relay_send: Phrase
    relay_dont_send: Phrase
    relay_sent: Phrase
    relay_withdraw: Phrase
    relay_not_sent: Phrase
    relay_withdrawn: Phrase
    relay_gone: Phrase
    relay_for_advisers: Phrase
    relay_withdrawn_for_advisers: Phrase
    relay_answer: Phrase
    relay_delivered: Phrase
    relay_not_delivered: Phrase
    relay_no_ticket: Phrase
    relay_text_only: Phrase
    relay_unreachable: Phrase
    relay_advisers_unreachable: Phrase
    relay_busy: Phrase
    relay_uncertain: Phrase
    relay_advisers_help: Phrase
    relay_too_long: Phrase
    relay_edit_ignored: Phrase
    relay_try_later: Phrase
    relay_unreadable: Phrase
    relay_expired: Phrase
    relay_expired_for_advisers: Phrase
    # What is kept, said per face
    privacy_telegram: Phrase
    privacy_console: Phrase
    privacy_console_off: Phrase
    privacy_where_file: Phrase
    privacy_where_server: Phrase
    console_privacy_first: Phrase
    language_name_zh: Phrase
    language_name_en: Phrase
    kept_out_of_scope: Phrase
    kept_title: Phrase
    kept_item_question: Phrase
    kept_item_out_of_scope: Phrase
    kept_item_answer: Phrase
    kept_more: Phrase
    kept_hint_telegram: Phrase
    kept_hint_console: Phrase
    kept_remove: Phrase
    kept_none: Phrase
    kept_no_such_item: Phrase
    console_forgotten: Phrase
    console_unavailable: Phrase
    command_kept: Phrase
    # Deployment and Telegram conventions: the bot's profile, clearing the chat.
    bot_description: Phrase
    bot_short_description: Phrase
    clear_offer: Phrase
    clear_chat: Phrase
    keep_chat: Phrase
    chat_cleared: Phrase
    chat_kept: Phrase
    # understanding typed dilemmas (issue 12)
    understood: Phrase
    understood_separator: Phrase
    change_step: Phrase
    change_step_notice: Phrase
    new_question_notice: Phrase
    two_dilemmas: Phrase
    reply_fits: Phrase
    reply_noted: Phrase
    reply_unplaced: Phrase
    settled: Phrase
    assumed: Phrase
    assumed_and: Phrase
    second_dilemma: Phrase
    greeting_reply: Phrase
    thanks_reply: Phrase
    ack_reply: Phrase
    out_of_scope_title: Phrase
    out_of_scope_plain: Phrase
    out_of_scope_adviser: Phrase


def load_ui(path: Path = UI_FILE) -> UiText:
    return load_model(path, UiText)


@cache
def default_ui() -> UiText:
    return load_ui()
