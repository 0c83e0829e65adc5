"""The composition root's dependencies, handed to handlers, jobs and services."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.db.session import Database
from bot.texts import Texts


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deps:
    settings: Settings
    db: Database
    texts: Texts
    clock: Callable[[], datetime] = system_clock
    # A fixed seed makes variant choice and idea order repeatable in tests.
    rng_seed: int | None = None
    # Every language's texts and catalog, English included (``texts`` is English).
    languages: Mapping[str, Texts] = field(default_factory=dict)
    _rng: random.Random = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.rng_seed)

    def texts_for(self, language: str) -> Texts:
        """The texts of `language`; English for a language we no longer ship."""
        return self.languages.get(language, self.texts)

    def turn_rng(self) -> random.Random:
        """A random source for one turn, derived from the app's seeded generator."""
        return random.Random(self._rng.getrandbits(64))
