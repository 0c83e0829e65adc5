"""Compare a translated locale file with prompts.yaml (the English source).

Usage: python scripts/check_locale.py locales/es.yaml

Checks: same key tree under `texts`; for every key the same placeholders in every variant
and plural form; only Telegram's HTML tags, balanced; ideas in the same order with the same
id/level/category/setting/source, translated text of at most 300 characters. Prints every
problem and exits 1 if there is any.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path
from typing import Any

import yaml

ALLOWED_TAGS = {"b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler"}
TAG_RE = re.compile(r"<(/?)([a-z-]+)(?:\s[^>]*)?>")
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
IDEA_FIELDS = ("id", "level", "category", "setting", "source")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def variants(value: Any) -> list[str]:
    """Every string of a value: one template, a list of variants or a plural mapping."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for entry in value for item in variants(entry)]
    if isinstance(value, dict):
        return [item for entry in value.values() for item in variants(entry)]
    raise TypeError(f"unexpected value {value!r}")


def is_plural(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= PLURAL_CATEGORIES


def html_problems(template: str) -> list[str]:
    stack: list[str] = []
    problems = []
    for match in TAG_RE.finditer(template):
        closing, tag = match.group(1) == "/", match.group(2)
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}> not allowed")
        elif not closing:
            stack.append(tag)
        elif not stack or stack.pop() != tag:
            problems.append(f"</{tag}> closes nothing")
    if stack:
        problems.append(f"unclosed {stack}")
    if "<" in TAG_RE.sub("", template):
        problems.append("stray '<' (write &lt;)")
    return problems


def compare_texts(source: Any, target: Any, path: str, out: list[str]) -> int:
    """Walk both trees; return the number of leaf keys compared."""
    if isinstance(source, dict) and not is_plural(source):
        if not isinstance(target, dict) or is_plural(target):
            out.append(f"{path}: expected a section")
            return 0
        for missing in source.keys() - target.keys():
            out.append(f"{path}.{missing}: missing")
        for extra in target.keys() - source.keys():
            out.append(f"{path}.{extra}: not in the source")
        return sum(
            compare_texts(source[k], target[k], f"{path}.{k}", out)
            for k in source.keys() & target.keys()
        )
    if isinstance(target, dict) and not is_plural(target):
        out.append(f"{path}: expected a text, found a section")
        return 1
    english = variants(source)
    wanted = set().union(*(placeholders(v) for v in english))
    english_uniform = all(placeholders(v) == wanted for v in english)
    translated = variants(target)
    if not translated:
        out.append(f"{path}: empty")
    if isinstance(source, list) and len(source) > 1:
        count = len(target) if isinstance(target, list) else 0
        if is_plural(target):
            count = min(len(v) if isinstance(v, list) else 1 for v in target.values())
        if count < len(source):
            out.append(f"{path}: {count} variants, the source has {len(source)}")
    if is_plural(target) and "other" not in target:
        out.append(f"{path}: plural mapping without 'other'")
    found: set[str] = set()
    for variant in translated:
        names = placeholders(variant)
        found |= names
        if english_uniform and names != wanted:
            out.append(f"{path}: placeholders {sorted(names)} != {sorted(wanted)} in {variant!r}")
        elif names - wanted:
            out.append(f"{path}: unknown placeholders {sorted(names - wanted)}")
        for problem in html_problems(variant):
            out.append(f"{path}: {problem} in {variant!r}")
    if found != wanted:
        out.append(f"{path}: placeholders {sorted(found)} != {sorted(wanted)}")
    return 1


def compare_ideas(
    source: list[dict[str, Any]], target: list[dict[str, Any]], out: list[str]
) -> None:
    if [i["id"] for i in source] != [i.get("id") for i in target]:
        out.append("ideas: id list or order differs")
    for en, tr in zip(source, target, strict=False):
        for field in IDEA_FIELDS:
            if en.get(field) != tr.get(field):
                out.append(f"ideas.{en['id']}: {field} {tr.get(field)!r} != {en.get(field)!r}")
        if ("tip" in en) != ("tip" in tr):
            out.append(f"ideas.{en['id']}: tip present in one file only")
        extra = set(tr) - set(en)
        if extra:
            out.append(f"ideas.{en['id']}: unexpected fields {sorted(extra)}")
        text = tr.get("text", "")
        if not text or len(text) > 300:
            out.append(f"ideas.{en['id']}: text has {len(text)} characters")
        for field in ("text", "tip"):
            if field in tr and (placeholders(tr[field]) or "<" in tr[field]):
                out.append(f"ideas.{en['id']}: {field} must be plain text")


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    source = yaml.safe_load((root / "prompts.yaml").read_text(encoding="utf-8"))
    target = yaml.safe_load(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out: list[str] = []
    if set(target) != {"texts", "ideas"}:
        out.append(f"top level: {sorted(target)}")
    keys = compare_texts(source["texts"], target.get("texts") or {}, "texts", out)
    compare_ideas(source["ideas"], target.get("ideas") or [], out)
    print("\n".join(out) if out else "OK")
    print(f"{keys} keys, {len(target.get('ideas') or [])} ideas")
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main())
