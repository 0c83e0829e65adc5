"""Handlers render; they don't keep the conversation themselves.

No module in bot/telegram/handlers/ imports `bot.db.repo` (a service stands between a
handler and the database), and none assigns a conversation's `data`, `retries` or `step`
(the flow runner, `bot.services.flows`, alone owns the pending question; handlers read a
`flows.Pending` snapshot).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

HANDLERS = Path(__file__).resolve().parents[2] / "bot" / "telegram" / "handlers"
OWNED_BY_THE_RUNNER = {"data", "retries", "step"}

# Modules still on the old road: empty now that every flow is a table. A module added here
# must be taken off once it passes (the last test below fails until it is), so it only shrinks.
NOT_YET_RENDERERS: set[str] = set()


def _tree(module: str) -> ast.Module:
    return ast.parse((HANDLERS / f"{module}.py").read_text(), filename=f"{module}.py")


def imports_of_repo(tree: ast.Module) -> list[int]:
    """Lines that import bot.db.repo, however it is spelled."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(alias.name.startswith("bot.db.repo") for alias in node.names):
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            from_db = node.module == "bot.db" and any(a.name == "repo" for a in node.names)
            if from_db or node.module.startswith("bot.db.repo"):
                lines.append(node.lineno)
    return lines


def writes_to_the_conversation(tree: ast.Module) -> list[int]:
    """Lines that assign `x.data`, `x.retries` or `x.step` (or an item of `x.data`)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            while isinstance(target, ast.Subscript):  # conversation.data["skipped"] = ...
                target = target.value
            if isinstance(target, ast.Attribute) and target.attr in OWNED_BY_THE_RUNNER:
                lines.append(node.lineno)
    return lines


def handler_modules() -> list[str]:
    return sorted(path.stem for path in HANDLERS.glob("*.py") if path.stem != "__init__")


@pytest.mark.parametrize("module", sorted(set(handler_modules()) - NOT_YET_RENDERERS))
def test_a_handler_does_not_import_the_repo(module: str) -> None:
    assert imports_of_repo(_tree(module)) == [], f"handlers/{module}.py: use a service"


@pytest.mark.parametrize("module", sorted(set(handler_modules()) - NOT_YET_RENDERERS))
def test_a_handler_leaves_the_pending_question_to_the_flow_runner(module: str) -> None:
    assert writes_to_the_conversation(_tree(module)) == [], (
        f"handlers/{module}.py: let bot.services.flows change the pending question"
    )


def test_the_list_of_modules_not_yet_renderers_only_shrinks() -> None:
    gone = NOT_YET_RENDERERS - set(handler_modules())
    assert gone == set(), "these modules are gone: take them off NOT_YET_RENDERERS"
    finished = [
        module
        for module in sorted(NOT_YET_RENDERERS)
        if not imports_of_repo(_tree(module)) and not writes_to_the_conversation(_tree(module))
    ]
    assert finished == [], "these pass now: take them off NOT_YET_RENDERERS"


def test_the_checks_catch_what_they_are_meant_to() -> None:
    caught = ast.parse(
        "from bot.db import models, repo\n"
        "import bot.db.repo\n"
        "from bot.db.repo import get_user\n"
        "conversation.retries += 1\n"
        "conversation.data = {}\n"
        "conversation.data['skipped'] = []\n"
        "row.step: str = 'time'\n"
    )
    assert imports_of_repo(caught) == [1, 2, 3]
    assert writes_to_the_conversation(caught) == [4, 5, 6, 7]
    fine = ast.parse("from bot.db.models import User\nstep = pending.step\nx.database = 1\n")
    assert imports_of_repo(fine) == writes_to_the_conversation(fine) == []
