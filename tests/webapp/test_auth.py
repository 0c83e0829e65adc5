"""initData checks, without a server: Telegram's HMAC scheme, freshness, the signed user."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode

from bot.webapp.auth import MAX_AGE, WebAppUser, sign, validate

TOKEN = "123456:TEST-token"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_signed_data_names_its_person() -> None:
    raw = sign(bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW, language_code="pt")
    assert validate(raw, bot_token=TOKEN, now=NOW) == WebAppUser(42, "Ana", "pt")


def test_the_hash_is_telegrams_scheme() -> None:
    """Recomputed here straight from Telegram's description, independently of auth.py."""
    raw = sign(bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW)
    fields = dict(parse_qsl(raw))
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()) if k != "hash")
    secret = hmac.new(b"WebAppData", TOKEN.encode(), hashlib.sha256).digest()
    assert fields["hash"] == hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()


def test_freshness() -> None:
    old = sign(bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW - MAX_AGE)
    assert validate(old, bot_token=TOKEN, now=NOW) is not None
    stale = sign(
        bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW - MAX_AGE - timedelta(1)
    )
    assert validate(stale, bot_token=TOKEN, now=NOW) is None
    future = sign(bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW + timedelta(1))
    assert validate(future, bot_token=TOKEN, now=NOW) is None


def test_anything_changed_or_repeated_fails() -> None:
    raw = sign(bot_token=TOKEN, user_id=42, first_name="Ana", auth_date=NOW)
    assert validate(raw.replace("Ana", "Bob"), bot_token=TOKEN, now=NOW) is None
    assert validate(raw + "&user=%7B%22id%22%3A7%7D", bot_token=TOKEN, now=NOW) is None
    assert validate(raw, bot_token="654321:OTHER", now=NOW) is None
    assert validate("", bot_token=TOKEN, now=NOW) is None
    assert validate("x" * 10_000, bot_token=TOKEN, now=NOW) is None


def test_a_signed_but_odd_user_is_refused() -> None:
    fields = {"auth_date": str(int(NOW.timestamp())), "user": '{"id": true}'}
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", TOKEN.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    assert validate(urlencode(fields), bot_token=TOKEN, now=NOW) is None
