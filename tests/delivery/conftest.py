"""Delivery tests drive the same in-process harness as the handler tests: reuse its fixtures."""

from tests.telegram.conftest import coach, coach_database_url

__all__ = ["coach", "coach_database_url"]
