"""Which language the coach speaks with a person.

A new person gets the primary subtag of Telegram's ``language_code`` when we speak it
("es-419" -> "es", "ru" -> "ru"), else English ("pt-BR" -> "en" until Portuguese arrives).
After that it is theirs to change with /language; Telegram's code is not consulted again.
"""

from __future__ import annotations

from collections.abc import Collection

SOURCE_LANGUAGE = "en"


def language_for(language_code: str | None, available: Collection[str]) -> str:
    if not language_code:
        return SOURCE_LANGUAGE
    primary = language_code.replace("_", "-").split("-", 1)[0].strip().lower()
    return primary if primary in available else SOURCE_LANGUAGE
