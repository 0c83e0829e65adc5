"""Delivery: getting updates in and replies out, durably, knowing no feature.

inbox (store each update before confirming it, then one transaction per update), turn (the
unit of work handlers queue replies on), outbox (replies sent after commit, retried,
exactly once), polling and webhook (the two ways updates arrive), request and botapi (the
HTTP client and raw Bot API calls), metrics (counters for /metrics). Anything
feature-specific, such as drawing a chart, is passed in by the composition root
(bot/telegram/app.py).
"""
