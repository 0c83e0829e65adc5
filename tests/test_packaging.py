"""The wheel (and so the Docker image) carries every package of the source tree."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_python_package_under_bot_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "bot").rglob("__init__.py")
    }
    # Migrations are packaged from migrations/ under the name bot.migrations (package-dir).
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"


def test_every_data_file_in_a_package_is_listed_in_package_data() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns: dict[str, list[str]] = setuptools["package-data"]
    missing = []
    for package in setuptools["packages"]:
        folder = ROOT.joinpath(*package.split("."))
        if package.startswith("bot.migrations") or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if not path.is_file() or path.suffix in {".py", ".pyc"}:
                continue
            name = path.name
            if not any(fnmatch(name, p) for p in patterns.get(package, [])):
                missing.append(f"{package}: {name}")
    assert missing == [], "add these to [tool.setuptools.package-data]"
