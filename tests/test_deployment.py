"""What the compose file and the Dockerfile promise an operator: no default password, the
metrics port on the host's loopback only, a coach container that cannot write its own
image or gain privileges, and a base image named by an exact version."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return loaded


def test_compose_requires_a_postgres_password() -> None:
    services = _compose()["services"]
    password = services["db"]["environment"]["POSTGRES_PASSWORD"]
    assert re.fullmatch(r"\$\{POSTGRES_PASSWORD:\?.+\}", password)
    database_url = services["coach"]["environment"]["DATABASE_URL"]
    assert "${POSTGRES_PASSWORD:?" in database_url
    assert ":-" not in (ROOT / "compose.yaml").read_text()  # no fallback value anywhere


def test_compose_publishes_metrics_on_loopback_only() -> None:
    coach = _compose()["services"]["coach"]
    metrics_port = coach["environment"]["METRICS_PORT"]
    published = [str(port) for port in coach["ports"]]
    metrics = [port for port in published if port.endswith(f":{metrics_port}")]
    assert metrics == [f"127.0.0.1:{metrics_port}:{metrics_port}"]
    for port in published:
        # Only the webhook may be public; everything else names the loopback address.
        assert port.startswith("127.0.0.1:") or port == "8080:8080"


def test_the_coach_container_is_locked_down() -> None:
    coach = _compose()["services"]["coach"]
    assert coach["read_only"] is True
    assert coach["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in coach["security_opt"]


def test_dockerfile_names_its_base_image_by_exact_version() -> None:
    bases = re.findall(r"^FROM\s+(\S+)", (ROOT / "Dockerfile").read_text(), flags=re.MULTILINE)
    assert bases
    for base in bases:
        assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim-[a-z]+", base), base
