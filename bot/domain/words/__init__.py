"""What people write in other languages, as data: per language, a list of rewrites into the
English our parsers read (``<code>.yaml`` in this folder). A new language is a new file.

Each rewrite is ``[pattern, english]``: a regular expression matched as whole words on the
folded text (lower case, accents kept, digits in ASCII), and its English reading, which may
use the pattern's groups (``\\1``). They apply in file order, so put longer phrases first.
Sections (numbers, outcomes, replies, clock, places, choices ...) only group them for the
reader. A missing file means "no rewrites": English, and any language we don't parse yet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

SOURCE_LANGUAGE = "en"
Rewrite = tuple[re.Pattern[str], str]
_FOLDER = Path(__file__).resolve().parent


class WordsError(ValueError):
    """A words file is malformed; the message says where."""


@lru_cache(maxsize=16)
def rewrites(language: str) -> tuple[Rewrite, ...]:
    path = _FOLDER / f"{language}.yaml"
    if language == SOURCE_LANGUAGE or not path.is_file():
        return ()
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    sections = document.get("rewrites") if isinstance(document, dict) else None
    if not isinstance(sections, dict):
        raise WordsError(f"{path.name}: expected a 'rewrites' mapping of sections")
    return tuple(
        _compiled(path.name, name, item) for name, items in sections.items() for item in items
    )


def _compiled(file: str, section: str, item: Any) -> Rewrite:
    if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
        raise WordsError(f"{file}: {section}: each rewrite is [pattern, english], not {item!r}")
    pattern, english = item
    try:
        return re.compile(rf"(?<![^\W_])(?:{pattern})(?![^\W_])"), english
    except re.error as error:
        raise WordsError(f"{file}: {section}: bad pattern {pattern!r} ({error})") from None


ChatSpeak = tuple[dict[str, str], dict[str, str]]


@lru_cache(maxsize=16)
def chat_speak(language: str) -> ChatSpeak:
    """How people type in chat in *language* (``chat.yaml``): (raw tokens, words).

    A language without a block gets no rewrites: the normaliser still folds, squashes and
    reads emoji, which are language-neutral.
    """
    document = yaml.safe_load((_FOLDER / "chat.yaml").read_text(encoding="utf-8"))
    block = document.get(language) if isinstance(document, dict) else None
    if block is None:
        return {}, {}
    if not isinstance(block, dict):
        raise WordsError(f"chat.yaml: {language}: expected a mapping")
    return _string_map(language, "raw", block.get("raw")), _string_map(
        language, "words", block.get("words")
    )


def _string_map(language: str, name: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise WordsError(f"chat.yaml: {language}: {name} must be a mapping")
    return {str(key): str(item) for key, item in value.items()}
