"""Who is asking: Telegram's signed Mini App `initData`, checked as Telegram specifies.

Telegram hands the page a query string (``query_id=...&user=%7B...%7D&auth_date=...&hash=...``)
signed with a key only Telegram and this bot know:

    secret_key       = HMAC_SHA256(key="WebAppData", msg=bot_token)
    data_check_string = "\\n".join(f"{k}={v}" for k, v in sorted(fields) if k != "hash")
    hash             = hex(HMAC_SHA256(key=secret_key, msg=data_check_string))

(values URL-decoded). We recompute the hash and compare in constant time, refuse data older
than a day (a leaked link stops working), and take the person only from the signed `user`
field: nothing the page sends next to it is trusted. Data signed for another bot has another
key, so it fails the same check. No reason is ever given to the caller: a failure is a
failure. A short implementation rather than a dependency: it is twenty lines of hashlib.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode

MAX_AGE = timedelta(hours=24)
# A little slack for clocks that disagree (a phone a minute ahead signs "in the future").
CLOCK_SKEW = timedelta(minutes=5)
# initData is a few hundred bytes; anything far larger is not one.
MAX_INIT_DATA_CHARS = 8192


@dataclass(frozen=True)
class WebAppUser:
    id: int
    first_name: str
    language_code: str | None


def _secret_key(bot_token: str) -> bytes:
    return hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()


def _check_string(fields: dict[str, str]) -> bytes:
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash").encode()


def validate(raw: str, *, bot_token: str, now: datetime) -> WebAppUser | None:
    """The person behind `raw` initData, or None when it isn't genuine, fresh and ours."""
    if not raw or len(raw) > MAX_INIT_DATA_CHARS:
        return None
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    offered = fields.get("hash", "")
    if len(fields) != len(pairs) or not offered:
        return None  # a repeated key could mean different things to us and to Telegram
    expected = hmac.new(_secret_key(bot_token), _check_string(fields), hashlib.sha256)
    if not hmac.compare_digest(expected.hexdigest(), offered.lower()):
        return None
    if not _fresh(fields.get("auth_date", ""), now):
        return None
    return _user(fields.get("user", ""))


def _fresh(auth_date: str, now: datetime) -> bool:
    if not auth_date.isdigit():
        return False
    signed = int(auth_date)
    current = now.timestamp()
    return current - MAX_AGE.total_seconds() <= signed <= current + CLOCK_SKEW.total_seconds()


def _user(encoded: str) -> WebAppUser | None:
    try:
        user = json.loads(encoded)
    except ValueError:
        return None
    if not isinstance(user, dict):
        return None
    user_id = user.get("id")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
        return None
    name = user.get("first_name")
    language = user.get("language_code")
    return WebAppUser(
        user_id,
        name if isinstance(name, str) else "",
        language if isinstance(language, str) else None,
    )


def sign(
    *,
    bot_token: str,
    user_id: int,
    first_name: str,
    auth_date: datetime,
    language_code: str = "en",
) -> str:
    """initData as Telegram would sign it for this person (for the sandbox and tests)."""
    user = json.dumps(
        {"id": user_id, "first_name": first_name, "language_code": language_code},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    fields = {
        "query_id": f"sandbox-{user_id}",
        "user": user,
        "auth_date": str(int(auth_date.timestamp())),
    }
    digest = hmac.new(_secret_key(bot_token), _check_string(fields), hashlib.sha256)
    return urlencode({**fields, "hash": digest.hexdigest()})
