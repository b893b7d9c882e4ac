"""What a judge can do, whatever the transport."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.schema import Lang


@dataclass(frozen=True)
class Start:
    lang: Lang


@dataclass(frozen=True)
class Choose:
    """An option was picked: ``token`` is the option's token, possibly from an old message."""

    token: str


@dataclass(frozen=True)
class Back:
    pass


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class SwitchLanguage:
    lang: Lang


@dataclass(frozen=True)
class FreeText:
    text: str


@dataclass(frozen=True)
class Notify:
    """Tell the judge something (the transport's own news) and show where they are."""

    text: str


Event = Start | Choose | Back | Restart | SwitchLanguage | FreeText | Notify
