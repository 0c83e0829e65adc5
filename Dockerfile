# syntax=docker/dockerfile:1
# Rejection Coach: a slim, non-root image. `coach run` applies migrations, then serves.

# --- build: turn the project into wheels (no compilers needed at run time) -------------
# An exact tag, so a rebuild gets the same Python and Debian release (bump it on purpose).
FROM python:3.11.14-slim-bookworm AS build
WORKDIR /src
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
COPY pyproject.toml constraints.txt README.md alembic.ini prompts.yaml ./
COPY bot ./bot
COPY migrations ./migrations
COPY locales ./locales
RUN pip wheel --wheel-dir /wheels -c constraints.txt .

# --- run -----------------------------------------------------------------------------------
FROM python:3.11.14-slim-bookworm AS run
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    COACH_DATA_DIR=/data \
    DATABASE_URL=sqlite+aiosqlite:////data/coach.sqlite3
RUN groupadd --system --gid 10001 coach \
    && useradd --system --uid 10001 --gid coach --home-dir /home/coach --create-home coach \
    && mkdir -p /data && chown coach:coach /data
COPY --from=build /wheels /wheels
RUN pip install --no-index --find-links /wheels rejection-coach && rm -rf /wheels
USER coach
WORKDIR /home/coach
# The SQLite file (default) lives here; with PostgreSQL the volume simply stays empty.
VOLUME ["/data"]
EXPOSE 8080
# `coach health` exits 0 when the database answers: the same check as /healthz in webhook mode.
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 CMD ["coach", "health"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["coach"]
CMD ["run"]
