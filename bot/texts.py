"""Load and validate prompts.yaml: every user-facing string and the challenge catalog.

A text is a dotted key ("onboarding.ask_timezone") whose value is one template or a list
of variants; one variant is picked at random so the coach does not sound canned.
Templates use `{name}` placeholders and Telegram HTML; parameters are HTML-escaped when
rendered, so a first name like "<Bob>" can never break a message.

Other languages live in ``locales/<code>.yaml``: the same keys and placeholders as the English
source, and the same catalog ids. There a text that counts something may be a mapping of CLDR
plural categories ("one", "few", "many", "other") to its variants; the form is picked from the
``count`` parameter by Babel's plural rules for that language (Russian has three forms).
We chose parallel YAML files over Fluent: the English source, the validation and the tone
checks already speak this format, and the plural mappings cover what Fluent would add.
"""

from __future__ import annotations

import html
import random
import re
import string
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# libyaml's loader when PyYAML was built with it (its wheels are): ten times faster than
# the pure-Python one, which matters for start-up time. Both are safe loaders.
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TELEGRAM_TEXT_MAX = 4096
IDEA_TEXT_MAX = 300
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ALLOWED_TAGS = frozenset({"b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler"})
_TAG_RE = re.compile(r"<(/?)([a-z-]+)(?:\s[^>]*)?>")

Setting = Literal["in_person", "phone", "message"]


class IdeaSpec(BaseModel):
    """One catalog idea, as written in prompts.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str = Field(min_length=10, max_length=IDEA_TEXT_MAX)
    level: int = Field(ge=1, le=5)
    category: str = Field(min_length=2, max_length=32)
    setting: Setting
    tip: str | None = Field(default=None, max_length=IDEA_TEXT_MAX)
    source: str | None = None

    @field_validator("id")
    @classmethod
    def _kebab_case(cls, value: str) -> str:
        if not _ID_RE.fullmatch(value) or len(value) > 64:
            raise ValueError("ids are kebab-case, at most 64 characters")
        return value


class PromptsError(ValueError):
    """prompts.yaml is missing, malformed or inconsistent. The message says where."""


PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Template:
    key: str
    variants: tuple[str, ...]
    fields: frozenset[str]
    # CLDR plural category -> variants, for texts whose grammar follows {count}.
    plural: Mapping[str, tuple[str, ...]] | None = None


def locales_dir() -> Path:
    """locales/ at the repository root, or the copy shipped inside the package."""
    checkout = Path(__file__).resolve().parents[1] / "locales"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "locales"


def available_languages() -> tuple[str, ...]:
    """English first, then every language with a file in locales/."""
    others = sorted(path.stem for path in locales_dir().glob("*.yaml"))
    return (SOURCE_LANGUAGE, *others)


def default_prompts_path() -> Path:
    """prompts.yaml at the repository root, or the copy shipped inside the package."""
    checkout = Path(__file__).resolve().parents[1] / "prompts.yaml"
    if checkout.is_file():
        return checkout
    return Path(__file__).resolve().parent / "prompts.yaml"


class Texts:
    """Typed access to prompts.yaml."""

    def __init__(
        self,
        templates: Mapping[str, Template],
        ideas: tuple[IdeaSpec, ...],
        language: str = SOURCE_LANGUAGE,
    ) -> None:
        self._templates = dict(templates)
        self.ideas = ideas
        self.language = language

    def __call__(self, key: str, rng: random.Random | None = None, /, **params: object) -> str:
        """Render `key`, picking a variant and HTML-escaping every parameter."""
        template = self._template(key)
        variants = self._choices(template, params)
        return self._fill(template, (rng or random).choice(variants), params)

    def rotate(
        self, key: str, rng: random.Random, recent: Sequence[str], /, **params: object
    ) -> tuple[str, str]:
        """Render `key` with a variant not among `recent` (tags "key#n", oldest first), or
        the least recently used one when all were; returns the text and its tag."""
        template = self._template(key)
        variants = self._choices(template, params)
        tags = [f"{key}#{index}" for index in range(len(variants))]
        fresh = [index for index, tag in enumerate(tags) if tag not in recent]
        if fresh:
            index = rng.choice(fresh)
        else:
            last_use = {tag: position for position, tag in enumerate(recent)}
            index = min(range(len(tags)), key=lambda i: last_use.get(tags[i], -1))
        return self._fill(template, variants[index], params), tags[index]

    def is_fresh(self, key: str, recent: Sequence[str], **params: object) -> bool:
        """Whether some variant of `key` is not among `recent` (see `rotate`)."""
        variants = self._choices(self._template(key), params)
        return any(f"{key}#{index}" not in recent for index in range(len(variants)))

    def _choices(self, template: Template, params: Mapping[str, object]) -> tuple[str, ...]:
        if template.plural is not None:
            return self._plural_variants(template, params.get("count"))
        return template.variants

    def _fill(self, template: Template, chosen: str, params: Mapping[str, object]) -> str:
        key = template.key
        if not params:  # most texts have no fields: skip the checks (this is a hot path)
            if template.fields:
                raise KeyError(f"text {key!r} needs {sorted(template.fields)}")
            return chosen.format_map(_NO_FIELDS)
        if not params.keys() >= template.fields:  # a comparison builds no new set
            raise KeyError(f"text {key!r} needs {sorted(template.fields - params.keys())}")
        return chosen.format_map({name: _escape(value) for name, value in params.items()})

    def plain(self, key: str, rng: random.Random | None = None, /, **params: object) -> str:
        """Render without HTML markup, for button labels and callback answers."""
        return html.unescape(_TAG_RE.sub("", self(key, rng, **params)))

    def _plural_variants(self, template: Template, count: object) -> tuple[str, ...]:
        assert template.plural is not None
        if not isinstance(count, int | float):
            raise KeyError(f"text {template.key!r} is a plural: it needs a number for count")
        category = _plural_rule(self.language)(count)
        return template.plural.get(category) or template.plural["other"]

    def has(self, key: str) -> bool:
        return key in self._templates

    def fields(self, key: str) -> frozenset[str]:
        """The placeholders of `key` (over every variant)."""
        return self._template(key).fields

    def variants(self, key: str) -> tuple[str, ...]:
        return self._template(key).variants

    def keys(self) -> Iterator[str]:
        return iter(self._templates)

    def __iter__(self) -> Iterator[str]:
        return self.keys()

    def section(self, prefix: str) -> list[str]:
        """Keys directly below `prefix`, in file order (e.g. the helpline list)."""
        depth = prefix.count(".") + 1
        return [
            key
            for key in self._templates
            if key.startswith(prefix + ".") and key.count(".") == depth
        ]

    @cached_property
    def ideas_by_id(self) -> dict[str, IdeaSpec]:
        return {idea.id: idea for idea in self.ideas}

    def _template(self, key: str) -> Template:
        try:
            return self._templates[key]
        except KeyError:
            raise KeyError(f"no text {key!r} in prompts.yaml") from None


_NO_FIELDS: dict[str, str] = {}


def _escape(value: object) -> str:
    if isinstance(value, Markup):
        return str(value)
    return html.escape(str(value), quote=False)


class Markup(str):
    """A parameter that is already safe HTML (e.g. a fragment we rendered ourselves)."""

    __slots__ = ()


@lru_cache(maxsize=16)
def _plural_rule(language: str) -> Callable[[float], str]:
    return Locale.parse(language).plural_form


def load_locale(language: str) -> Texts:
    """The texts and catalog of one language (English: prompts.yaml itself)."""
    if language == SOURCE_LANGUAGE:
        return load_texts()
    return load_texts(locales_dir() / f"{language}.yaml", language=language)


def load_texts(path: Path | None = None, *, language: str = SOURCE_LANGUAGE) -> Texts:
    """Read and validate prompts.yaml (or a locale file); raise PromptsError with a precise
    location."""
    source = path or default_prompts_path()
    try:
        document = yaml.load(source.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except FileNotFoundError:
        raise PromptsError(f"{source}: file not found") from None
    except yaml.YAMLError as error:
        raise PromptsError(f"{source}: not valid YAML ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("texts"), dict):
        raise PromptsError(f"{source}: expected top-level keys 'texts' and 'ideas'")
    templates = dict(_walk(document["texts"], ""))
    ideas = _load_ideas(document.get("ideas"), source)
    return Texts(templates, ideas, language)


def _walk(node: Any, prefix: str) -> Iterator[tuple[str, Template]]:
    if _is_plural(node):
        yield prefix, _plural_template(prefix, node)
        return
    if isinstance(node, dict):
        for name, child in node.items():
            key = f"{prefix}.{name}" if prefix else str(name)
            yield from _walk(child, key)
        return
    yield prefix, _template(prefix, _variants(prefix, node))


def _variants(key: str, node: Any) -> tuple[str, ...]:
    variants = [node] if isinstance(node, str) else node
    if not isinstance(variants, list) or not variants:
        raise PromptsError(f"texts.{key}: expected a string or a non-empty list of strings")
    if not all(isinstance(variant, str) and variant.strip() for variant in variants):
        raise PromptsError(f"texts.{key}: every variant must be a non-empty string")
    # Only trailing newlines go: a leading space can be meaningful (" · 7 → 3").
    return tuple(str(variant).rstrip("\n") for variant in variants)


def _is_plural(node: Any) -> bool:
    return isinstance(node, dict) and "other" in node and node.keys() <= PLURAL_CATEGORIES


def _plural_template(key: str, node: dict[str, Any]) -> Template:
    forms = {category: _variants(f"{key}.{category}", value) for category, value in node.items()}
    every = tuple(variant for variants in forms.values() for variant in variants)
    template = _template(key, every)
    if "count" not in template.fields:
        raise PromptsError(f"texts.{key}: a plural text needs {{count}} in some form")
    return Template(key, every, template.fields, forms)


def _template(key: str, variants: tuple[str, ...]) -> Template:
    # Variants may leave a placeholder out; callers always pass the union.
    fields = frozenset().union(*(_fields(key, variant) for variant in variants))
    for variant in variants:
        if len(variant) > TELEGRAM_TEXT_MAX:
            raise PromptsError(f"texts.{key}: longer than Telegram's {TELEGRAM_TEXT_MAX}")
        _check_markup(key, variant)
    return Template(key, variants, fields)


def _fields(key: str, variant: str) -> frozenset[str]:
    try:
        parsed = list(string.Formatter().parse(variant))
    except ValueError as error:
        raise PromptsError(f"texts.{key}: bad placeholder ({error})") from None
    names = {name for _, name, _, _ in parsed if name is not None}
    if any(not name.isidentifier() for name in names):
        raise PromptsError(f"texts.{key}: placeholders must be plain names like {{name}}")
    return frozenset(names)


def _check_markup(key: str, variant: str) -> None:
    """Only Telegram's HTML tags, properly nested; stray '<' must be written &lt;."""
    stack: list[str] = []
    for match in _TAG_RE.finditer(variant):
        closing, tag = match.group(1) == "/", match.group(2)
        if tag not in _ALLOWED_TAGS:
            raise PromptsError(f"texts.{key}: tag <{tag}> is not allowed by Telegram")
        if not closing:
            stack.append(tag)
        elif not stack or stack.pop() != tag:
            raise PromptsError(f"texts.{key}: tag </{tag}> closes nothing")
    if stack:
        raise PromptsError(f"texts.{key}: <{stack[-1]}> is never closed")
    if "<" in _TAG_RE.sub("", variant):
        raise PromptsError(f"texts.{key}: write a literal '<' as &lt;")


def _load_ideas(raw: Any, source: Path) -> tuple[IdeaSpec, ...]:
    if not isinstance(raw, list) or not raw:
        raise PromptsError(f"{source}: 'ideas' must be a non-empty list")
    ideas: list[IdeaSpec] = []
    for index, item in enumerate(raw):
        try:
            ideas.append(IdeaSpec.model_validate(item))
        except ValidationError as error:
            where = item.get("id", f"#{index}") if isinstance(item, dict) else f"#{index}"
            first = error.errors()[0]
            field = ".".join(str(part) for part in first["loc"])
            raise PromptsError(f"ideas[{where}].{field}: {first['msg']}") from None
    seen: set[str] = set()
    for idea in ideas:
        if idea.id in seen:
            raise PromptsError(f"ideas[{idea.id}]: duplicate id")
        seen.add(idea.id)
    return tuple(ideas)
