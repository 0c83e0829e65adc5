"""Train the learned crisis signal (bot/domain/crisis/learned.py) and write its weights.

    python scripts/train_crisis_model.py            # writes bot/domain/crisis/model_en.json.gz
    python scripts/train_crisis_model.py --check    # retrains, fails if the shipped file differs

Pure Python and deterministic (fixed seed, fixed order, CRC-32 hashing, rounded weights): the
same corpus gives the same file byte for byte, so no numerical library is needed to train or
to run. Logistic regression by AdaGrad SGD over binary hashed word/character n-grams of
``normalise.chat_tokens`` output, L2-normalised per message.

Data: crisis = ``dev_crisis.txt`` + ``dev_crisis_legacy.txt``; ordinary = ``dev_ordinary.txt``
+ ``train_ordinary.txt``. The held-out and blind files are never read here. The threshold is
chosen by 5-fold cross-validation on that data: the lowest margin at which at most 1 % of the
ordinary lines, scored by a model that never saw them, would be flagged.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.crisis.learned import MODEL_FILE, Model, hashed_features, margin  # noqa: E402
from bot.domain.normalise import chat_tokens  # noqa: E402

CORPUS = ROOT / "tests" / "domain" / "crisis_corpus"
OUTPUT = ROOT / "bot" / "domain" / "crisis" / MODEL_FILE
CRISIS_FILES = ("dev_crisis.txt", "dev_crisis_legacy.txt")
ORDINARY_FILES = ("dev_ordinary.txt", "train_ordinary.txt")

BUCKETS = 1 << 18
CHAR_NGRAMS = (3, 5)
EPOCHS = 30
LEARNING_RATE = 0.5
L2 = 1e-4
SEED = 17
FOLDS = 5
MAX_FALSE_POSITIVE_RATE = 0.01
PRUNE_BELOW = 0.02
DIGITS = 3

Example = tuple[list[int], int, str]  # buckets, label, section


def load(name: str) -> list[tuple[str, str]]:
    section, out = "", []
    for raw in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            section = line[3:]
        elif line and not line.startswith("#"):
            out.append((section, line))
    return out


def examples() -> list[Example]:
    data: list[Example] = []
    for label, files in ((1, CRISIS_FILES), (0, ORDINARY_FILES)):
        for name in files:
            for section, text in load(name):
                buckets = hashed_features(chat_tokens(text, "en"), BUCKETS, CHAR_NGRAMS)
                data.append((buckets, label, section))
    return data


def fit(data: Sequence[Example]) -> tuple[float, dict[int, float]]:
    """Bias and pruned, rounded weights."""
    rng = random.Random(SEED)
    order = list(range(len(data)))
    weights: dict[int, float] = {}
    squares: dict[int, float] = {}
    bias, bias_squares = 0.0, 0.0
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for index in order:
            buckets, label, _ = data[index]
            scale = 1 / math.sqrt(len(buckets)) if buckets else 0.0
            z = bias + scale * sum(weights.get(b, 0.0) for b in buckets)
            probability = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            error = probability - label
            bias_squares += error * error
            bias -= LEARNING_RATE * error / math.sqrt(bias_squares)
            for bucket in buckets:
                old = weights.get(bucket, 0.0)
                gradient = error * scale + L2 * old
                squares[bucket] = squares.get(bucket, 1e-8) + gradient * gradient
                weights[bucket] = old - LEARNING_RATE * gradient / math.sqrt(squares[bucket])
    kept = {
        bucket: round(weight, DIGITS)
        for bucket, weight in sorted(weights.items())
        if abs(weight) >= PRUNE_BELOW
    }
    return round(bias, DIGITS), kept


def model_of(bias: float, weights: dict[int, float], threshold: float = 0.0) -> Model:
    return Model(BUCKETS, CHAR_NGRAMS, bias, threshold, weights)


def score_buckets(model: Model, buckets: list[int]) -> float:
    """learned.margin() on buckets already hashed (the cross-validation keeps them)."""
    if not buckets:
        return model.bias
    return model.bias + sum(model.weights.get(b, 0.0) for b in buckets) / math.sqrt(len(buckets))


def cross_validate(data: Sequence[Example]) -> list[tuple[float, int, str]]:
    """Out-of-fold (margin, label, section) for every example."""
    order = list(range(len(data)))
    random.Random(SEED).shuffle(order)
    out: list[tuple[float, int, str]] = []
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        bias, weights = fit([data[i] for i in order if i not in held])
        model = model_of(bias, weights)
        out += [(score_buckets(model, data[i][0]), data[i][1], data[i][2]) for i in sorted(held)]
    return out


def choose_threshold(scored: Sequence[tuple[float, int, str]]) -> float:
    ordinary = sorted((s for s, label, _ in scored if label == 0), reverse=True)
    allowed = int(len(ordinary) * MAX_FALSE_POSITIVE_RATE)
    # Just above the first ordinary margin that would exceed the allowance.
    return round(ordinary[allowed] + 10.0**-DIGITS, DIGITS)


def serialise(model: Model) -> bytes:
    data = {
        "buckets": model.buckets,
        "char_ngrams": list(model.char_ngrams),
        "bias": model.bias,
        "threshold": model.threshold,
        "weights": {str(b): w for b, w in sorted(model.weights.items())},
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")


def train() -> tuple[bytes, list[str]]:
    """The model file's JSON and a report."""
    data = examples()
    scored = cross_validate(data)
    threshold = choose_threshold(scored)
    bias, weights = fit(data)
    model = model_of(bias, weights, threshold)
    report = [f"{len(data)} lines, {len(weights)} weights kept, threshold {threshold}"]
    ordinary = [s for s, label, _ in scored if label == 0]
    flagged = sum(s >= threshold for s in ordinary)
    report.append(f"cross-validated false positives {flagged}/{len(ordinary)}")
    sections = sorted({section for _, label, section in scored if label == 1})
    for section in sections:
        hits = [s >= threshold for s, label, sec in scored if label == 1 and sec == section]
        report.append(f"  cross-validated recall {section:<18} {sum(hits)}/{len(hits)}")
    assert margin(model, "") == model.bias
    return serialise(model), report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args()
    payload, report = train()
    print(*report, sep="\n")
    print("sha256 of the JSON:", hashlib.sha256(payload).hexdigest())
    if args.check:
        shipped = gzip.decompress(OUTPUT.read_bytes())
        if shipped != payload:
            sys.exit(f"{OUTPUT} differs from what the script trains")
        print("the shipped file matches")
        return
    OUTPUT.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
