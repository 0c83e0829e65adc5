"""Check a translation (locales/<lang>.yaml) against the English source prompts.yaml.

Usage: python scripts/check_locale.py locales/ru.yaml [prompts.yaml]

Checks: the same text keys; in every variant and plural form the same {placeholders} as the
English key (a variant may leave out only what some English variant leaves out; a Russian or
other `one` form may drop {count} when it spells the number out); plural mappings only where
the English template has {count}, with exactly the language's CLDR categories; at least as many
variants as the English key when it has two or more; Telegram HTML tags allowed, balanced and
the same set as in English; at most as many emoji as the English key (and at most one unless
English has more); ideas in the same order with the same id, level, category, setting and
source, a tip exactly where English has one, texts and tips of at most 300 characters.
Prints one line per problem; exit status 1 when there is any.
"""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ALLOWED_TAGS = {"b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler"}
TAG_RE = re.compile(r"<(/?)([a-z-]+)(?:\s[^>]*)?>")
EMOJI_RE = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u23e9-\u23fa]")
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# CLDR cardinal categories per language (integers and fractions).
PLURAL_FORMS = {"ru": {"one", "few", "many", "other"}, "es": {"one", "many", "other"}}
# Words that spell out "one" in a `one` form that leaves {count} out.
ONE_WORDS = {"ru": ("одна", "один", "одно", "одну"), "es": ("un ", "una ", "uno")}
IDEA_FIELDS = ("id", "level", "category", "setting", "source")
IDEA_TEXT_MAX = 300


def leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """English leaves: dotted key -> str or list of str."""
    if isinstance(node, dict):
        for name, child in node.items():
            yield from leaves(child, f"{prefix}.{name}" if prefix else str(name))
    else:
        yield prefix, node


def lookup(node: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(key)
        node = node[part]
    return node


def variants(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def tags(text: str) -> list[str]:
    return [match.group(2) for match in TAG_RE.finditer(text)]


def markup_problems(text: str) -> list[str]:
    problems, stack = [], []
    for match in TAG_RE.finditer(text):
        closing, tag = match.group(1) == "/", match.group(2)
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}> not allowed")
        elif not closing:
            stack.append(tag)
        elif not stack or stack.pop() != tag:
            problems.append(f"</{tag}> closes nothing")
    if stack:
        problems.append(f"<{stack[-1]}> never closed")
    if "<" in TAG_RE.sub("", text):
        problems.append("literal '<' (write &lt;)")
    return problems


def text_leaf_keys(node: Any, prefix: str = "") -> set[str]:
    """Translated leaves; a dict of plural categories counts as one leaf."""
    if isinstance(node, dict) and not (node and set(node) <= CATEGORIES):
        keys: set[str] = set()
        for name, child in node.items():
            keys |= text_leaf_keys(child, f"{prefix}.{name}" if prefix else str(name))
        return keys
    return {prefix}


def check_texts(source: dict[str, Any], target: dict[str, Any], lang: str) -> list[str]:
    problems: list[str] = []
    english = dict(leaves(source))
    translated_keys = text_leaf_keys(target)
    for key in sorted(translated_keys - english.keys()):
        problems.append(f"texts.{key}: not in prompts.yaml")
    for key, value in english.items():
        try:
            translated = lookup(target, key)
        except KeyError:
            problems.append(f"texts.{key}: missing")
            continue
        problems += [f"texts.{key}: {p}" for p in check_key(key, value, translated, lang)]
    return problems


def check_key(key: str, value: Any, translated: Any, lang: str) -> list[str]:
    problems: list[str] = []
    source_variants = variants(value)
    union = set().union(*(fields(v) for v in source_variants))
    required = set.intersection(*(fields(v) for v in source_variants))
    source_tags = set().union(*(tags(v) for v in source_variants))
    source_emoji = max(len(EMOJI_RE.findall(v)) for v in source_variants)
    forms: dict[str, Any]
    if isinstance(translated, dict):
        if "count" not in union:
            problems.append("plural mapping, but the English text has no {count}")
        expected = PLURAL_FORMS.get(lang, {"one", "other"})
        if set(translated) != expected:
            problems.append(f"plural forms {sorted(translated)}, expected {sorted(expected)}")
        forms = translated
    else:
        if "count" in union and lang in PLURAL_FORMS:
            problems.append("uses {count}: write a plural mapping")
        forms = {"": translated}
    seen: set[str] = set()
    for form, form_value in forms.items():
        where = f"[{form}]" if form else ""
        if not (isinstance(form_value, str) or (isinstance(form_value, list) and form_value)):
            problems.append(f"{where} expected a string or a non-empty list")
            continue
        texts = variants(form_value)
        if len(source_variants) >= 2 and len(texts) < len(source_variants):
            problems.append(f"{where} {len(texts)} variants, English has {len(source_variants)}")
        for text in texts:
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where} empty or non-string variant")
                continue
            have = fields(text)
            seen |= have
            missing = required - have
            spelled_out = any(word in text.lower() for word in ONE_WORDS.get(lang, ()))
            if form == "one" and missing == {"count"} and spelled_out:
                missing = set()
            if missing:
                problems.append(f"{where} missing {sorted(missing)} in {text[:50]!r}")
            if have - union:
                problems.append(f"{where} unknown {sorted(have - union)} in {text[:50]!r}")
            problems += [f"{where} {p}" for p in markup_problems(text)]
            if set(tags(text)) - source_tags:
                problems.append(
                    f"{where} tags {sorted(set(tags(text)) - source_tags)} not in English"
                )
            emoji = len(EMOJI_RE.findall(text))
            if emoji > max(1, source_emoji):
                problems.append(f"{where} {emoji} emoji in {text[:50]!r}")
    if union - seen:
        problems.append(f"placeholders {sorted(union - seen)} never used")
    return problems


def check_ideas(source: list[dict[str, Any]], target: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    source_ids = [idea["id"] for idea in source]
    target_ids = [idea.get("id") for idea in target]
    if source_ids != target_ids:
        missing = [i for i in source_ids if i not in target_ids]
        extra = [i for i in target_ids if i not in source_ids]
        problems.append(f"ideas: ids differ (missing {missing}, extra {extra}, or order)")
    by_id = {idea.get("id"): idea for idea in target}
    for idea in source:
        mine = by_id.get(idea["id"])
        if mine is None:
            continue
        for field in IDEA_FIELDS:
            if idea.get(field) != mine.get(field):
                problems.append(
                    f"ideas[{idea['id']}].{field}: {mine.get(field)!r} != {idea.get(field)!r}"
                )
        extra_fields = set(mine) - set(IDEA_FIELDS) - {"text", "tip"}
        if extra_fields:
            problems.append(f"ideas[{idea['id']}]: unknown fields {sorted(extra_fields)}")
        if ("tip" in idea) != ("tip" in mine):
            problems.append(f"ideas[{idea['id']}].tip: present in only one language")
        for field in ("text", "tip"):
            text = mine.get(field)
            if field not in mine:
                continue
            if not isinstance(text, str) or len(text.strip()) < 10:
                problems.append(f"ideas[{idea['id']}].{field}: missing or too short")
            elif len(text) > IDEA_TEXT_MAX:
                problems.append(
                    f"ideas[{idea['id']}].{field}: {len(text)} > {IDEA_TEXT_MAX} characters"
                )
            elif text == idea.get(field):
                problems.append(f"ideas[{idea['id']}].{field}: not translated")
    return problems


def main(argv: list[str]) -> int:
    if not 2 <= len(argv) <= 3:
        print(__doc__)
        return 2
    target_path = Path(argv[1])
    source_path = Path(argv[2]) if len(argv) == 3 else Path(__file__).parents[1] / "prompts.yaml"
    lang = target_path.stem
    source = yaml.safe_load(source_path.read_text(encoding="utf-8"))
    target = yaml.safe_load(target_path.read_text(encoding="utf-8"))
    problems = check_texts(source["texts"], target.get("texts") or {}, lang)
    problems += check_ideas(source["ideas"], target.get("ideas") or [])
    for problem in problems:
        print(problem)
    keys = len(dict(leaves(source["texts"])))
    print(
        f"{target_path}: {len(text_leaf_keys(target.get('texts') or {}))} keys (English {keys}), "
        f"{len(target.get('ideas') or [])} ideas (English {len(source['ideas'])}), "
        f"{len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
