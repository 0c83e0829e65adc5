# Two commands do everything (see README):
#   make run    start the coach: Telegram if TELEGRAM_BOT_TOKEN is set, else the local sandbox
#   make test   run the whole test suite (PostgreSQL too when TEST_DATABASE_URL is set)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check lint typecheck sandbox bench constraints clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ] || grep -qs '^TELEGRAM_BOT_TOKEN=..*' .env; then \
		$(BIN)/coach run; \
	else \
		echo "No TELEGRAM_BOT_TOKEN set: opening the local sandbox instead (no Telegram needed)."; \
		$(BIN)/coach sandbox; \
	fi

sandbox: $(STAMP)
	$(BIN)/coach sandbox

# -n auto: one worker per core (every test has its own database, port and files)
test: $(STAMP)
	$(BIN)/pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

constraints: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^rejection-coach' > constraints.txt.new
	mv constraints.txt.new constraints.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis build dist *.egg-info
