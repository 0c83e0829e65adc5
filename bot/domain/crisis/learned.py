"""A learned second signal for English: catches paraphrases the rules were never written for.

The rules (``english.py``) are the detector; this is a small linear model over hashed word and
character n-grams of the shared normaliser's output (``normalise.chat_tokens``), trained
offline by ``scripts/train_crisis_model.py`` on the development corpus
(``tests/domain/crisis_corpus/dev_*.txt``) plus training-only ordinary lines
(``train_ordinary.txt``). It is consulted only when the rules find nothing, and its signal is
always *weak*: the person gets the light check-in ("if you meant that lightly, ignore me"),
never the full crisis reply. Its blind figures are in ``HELDOUT_LOG.md`` (run 4).

Pure Python, no dependency: the weights ship in the package as ``model_en.json.gz``
(``{"weights": {bucket: weight}, ...}``) and a message costs a few hundred CRC-32 hashes and
dictionary look-ups (well under a millisecond). The model only says "this reads like crisis
language", not which kind, so its signal carries the least specific category,
``passive_ideation``, and the rule name :data:`RULE`.
"""

from __future__ import annotations

import gzip
import json
import math
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from bot.domain.normalise import chat_tokens

MODEL_FILE = "model_en.json.gz"
RULE = "learned_en"
"""The ``CrisisSignal.rule`` of a learned match (safe to log and count)."""

MAX_CHARS = 600
"""Only this many leading characters of a message are scored (the rules read all of it):
keeps a long message within the time budget."""


@dataclass(frozen=True)
class Model:
    buckets: int
    char_ngrams: tuple[int, int]
    bias: float
    threshold: float
    weights: dict[int, float]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        low, high = data["char_ngrams"]
        return cls(
            buckets=int(data["buckets"]),
            char_ngrams=(int(low), int(high)),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            weights={int(bucket): float(weight) for bucket, weight in data["weights"].items()},
        )


def feature_names(normalised: str, char_ngrams: tuple[int, int]) -> list[str]:
    """Word unigrams and bigrams, and character n-grams over the whole token string with a
    space at each end (so "kms" and " km" are both seen). Each name once, in a fixed order."""
    text = normalised
    words = text.split()
    names = [f"w:{word}" for word in words]
    names += [f"b:{first} {second}" for first, second in pairwise(words)]
    padded = f" {text} "
    low, high = char_ngrams
    for size in range(low, high + 1):
        names += [f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1)]
    return list(dict.fromkeys(names))


def hashed_features(normalised: str, buckets: int, char_ngrams: tuple[int, int]) -> list[int]:
    """The bucket of each distinct feature (CRC-32: stable across runs and platforms)."""
    return [
        zlib.crc32(name.encode("utf-8")) % buckets
        for name in feature_names(normalised, char_ngrams)
    ]


def margin(model: Model, normalised: str) -> float:
    """The linear score: bias plus the sum of the weights of the message's features divided
    by the square root of their count (binary features, L2-normalised)."""
    buckets = hashed_features(normalised, model.buckets, model.char_ngrams)
    if not buckets:
        return model.bias
    weights = model.weights
    total: float = sum(weights.get(bucket, 0.0) for bucket in buckets)
    return model.bias + total / math.sqrt(len(buckets))


@lru_cache(maxsize=1)
def english_model() -> Model:
    """The shipped model, read once."""
    raw = resources.files(__package__).joinpath(MODEL_FILE).read_bytes()
    return Model.from_json(json.loads(gzip.decompress(raw)))


def score(text: str) -> float:
    """The model's margin for *text* (above :attr:`Model.threshold` reads as crisis)."""
    return margin(english_model(), chat_tokens(text[:MAX_CHARS], "en"))


def flags(text: str) -> bool:
    """True if the learned model reads *text* as crisis language."""
    model = english_model()
    return margin(model, chat_tokens(text[:MAX_CHARS], "en")) >= model.threshold
