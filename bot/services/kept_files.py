"""Costly files made once and sent again: the /stats chart and the /export files.

Drawing a chart costs about half a second of CPU and an export grows with the person's
history, so each is made at most once a minute (a chart) or once an hour (an export) per
person, and a chart is kept until a new ask changes what it would show. The decision is
plain: `reuse` says whether the kept file (or the one on its way) may stand in for a new one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, or_, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import KeptFile


class Kind(StrEnum):
    STATS = "stats"
    EXPORT_JSON = "export_json"
    EXPORT_CSV = "export_csv"


EXPORT_KINDS = (Kind.EXPORT_JSON, Kind.EXPORT_CSV)
# At most one chart drawn a minute, one export made an hour, per person.
FRESH_FOR = {
    Kind.STATS: timedelta(minutes=1),
    Kind.EXPORT_JSON: timedelta(hours=1),
    Kind.EXPORT_CSV: timedelta(hours=1),
}
# A kept chart older than this is forgotten (an unchanged chart is simply drawn again).
KEEP_CHARTS_FOR = timedelta(days=1)


class Reuse(StrEnum):
    MAKE = "make"  # make a new one
    SAME = "same"  # nothing changed: send the kept one as it is
    AGAIN = "again"  # made a moment ago: send the kept one, and say so
    ON_ITS_WAY = "on_its_way"  # asked a moment ago and not drawn yet: it is coming


@dataclass(frozen=True)
class Decision:
    reuse: Reuse
    data: bytes | None = None


def basis_of(*parts: Any) -> str:
    """A digest of what a file is made from (JSON-ready values)."""
    encoded = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


def reuse(kept: KeptFile | None, kind: Kind, basis: str | None, now: datetime) -> Decision:
    """Whether to make the file again. `basis` None: any kept file that is fresh will do."""
    if kept is None:
        return Decision(Reuse.MAKE)
    recent = kept.made_at > now - FRESH_FOR[kind]
    if kept.data is None:
        return Decision(Reuse.ON_ITS_WAY if recent else Reuse.MAKE)
    if recent:
        return Decision(Reuse.AGAIN, kept.data)
    if basis is not None and basis == kept.basis:
        return Decision(Reuse.SAME, kept.data)
    return Decision(Reuse.MAKE)


async def get(session: AsyncSession, user_id: int, kind: Kind) -> KeptFile | None:
    return await session.get(KeptFile, (user_id, kind.value))


async def keep(
    session: AsyncSession,
    user_id: int,
    kind: Kind,
    *,
    basis: str,
    now: datetime,
    data: bytes | None = None,
) -> None:
    """Remember a file made now (data None: it is drawn when sent, see `store_drawn`)."""
    kept = await get(session, user_id, kind)
    if kept is None:
        session.add(KeptFile(user_id=user_id, kind=kind.value, made_at=now, basis=basis, data=data))
        return
    kept.made_at, kept.basis, kept.data = now, basis, data


def keep_marker(user_id: int, kind: Kind) -> dict[str, Any]:
    """What a chart message carries so that its picture is kept once drawn."""
    return {"user_id": user_id, "kind": kind.value}


async def store_drawn(session: AsyncSession, keep: Mapping[str, Any], data: bytes) -> None:
    """The chart marked by `keep_marker` has been drawn (by the outbox): keep its picture."""
    await session.execute(
        update(KeptFile)
        .where(
            KeptFile.user_id == int(keep["user_id"]),
            KeptFile.kind == str(keep["kind"]),
            KeptFile.data.is_(None),
        )
        .values(data=data)
    )


async def prune(session: AsyncSession, *, now: datetime) -> int:
    """Forget exports once they may be made again, and charts after a day."""
    result = await session.execute(
        delete(KeptFile).where(
            or_(
                KeptFile.made_at < now - KEEP_CHARTS_FOR,
                (KeptFile.kind != Kind.STATS.value)
                & (KeptFile.made_at < now - FRESH_FOR[Kind.EXPORT_JSON]),
            )
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
