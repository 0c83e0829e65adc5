#!/usr/bin/env bash
# What the Docker image does, checked without Docker (no engine runs on CI machines):
# build the wheel exactly as the Dockerfile's build stage does, install it into a clean
# virtual environment, then run `coach --help` and the migrations against PostgreSQL.
# Usage: scripts/check-image.sh [postgresql://user@host/db]
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/build"
"$work/build/bin/python" -m pip install --quiet --upgrade pip
"$work/build/bin/python" -m pip wheel --quiet --wheel-dir "$work/wheels" -c constraints.txt .

python3 -m venv "$work/image"
"$work/image/bin/python" -m pip install --quiet --upgrade pip
"$work/image/bin/python" -m pip install --quiet --no-index --find-links "$work/wheels" rejection-coach

# Run from an empty folder: the installed package must carry its prompts and migrations.
cd "$work"
"$work/image/bin/coach" --help >/dev/null
"$work/image/bin/python" -c "from bot.texts import available_languages, load_locale
assert {'es', 'ru'} <= set(available_languages()), available_languages()
for language in available_languages(): load_locale(language)"
database="coach_image_check_$$"
"$work/image/bin/python" - "$server" "$database" <<'PY'
import asyncio, sys
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from bot.config import normalise_database_url
server, name = normalise_database_url(sys.argv[1]), sys.argv[2]
async def main() -> None:
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    await engine.dispose()
asyncio.run(main())
PY
url="$("$work/image/bin/python" -c "import sys; from sqlalchemy.engine import make_url; print(make_url(sys.argv[1]).set(database=sys.argv[2]).render_as_string(hide_password=False))" "$server" "$database")"
DATABASE_URL="$url" "$work/image/bin/coach" db upgrade
DATABASE_URL="$url" "$work/image/bin/coach" health
"$work/image/bin/python" - "$server" "$database" <<'PY'
import asyncio, sys
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from bot.config import normalise_database_url
server, name = normalise_database_url(sys.argv[1]), sys.argv[2]
async def main() -> None:
    engine = create_async_engine(server, isolation_level="AUTOCOMMIT")
    async with engine.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await engine.dispose()
asyncio.run(main())
PY
echo "image check: wheel installs, coach --help runs, migrations apply on PostgreSQL"
