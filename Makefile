# The two set-up commands: `make demo` runs the demo site, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs again on PostgreSQL when this server answers.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# Browser flows and the HTML and translation checks do not depend on the database:
# they run once, in the SQLite pass; the PostgreSQL pass runs everything else.
ONCE_ONLY := -m "not browser" --ignore=tests/quality
# Parallel test processes (pytest-xdist); one per core by default.
TEST_WORKERS ?= auto

.PHONY: install assets demo test lint browser gettext

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# USWDS for the demo site, from the npm package @uswds/uswds (the copy is git-ignored).
USWDS_DIST := node_modules/@uswds/uswds/dist
USWDS_STATIC := site/spcp_demo/static/vendor/uswds

assets:
	npm install --no-audit --no-fund
	rm -rf $(USWDS_STATIC)
	mkdir -p $(USWDS_STATIC)
	cp -R $(USWDS_DIST)/css $(USWDS_DIST)/js $(USWDS_DIST)/img $(USWDS_DIST)/fonts $(USWDS_STATIC)/

demo: install assets
	$(PY) site/manage.py migrate --noinput
	$(PY) site/manage.py load_demo --admin-url http://$(HOST):$(PORT)/admin/
	$(PY) site/manage.py runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) site/manage.py check
	$(PY) site/manage.py makemigrations --check --dry-run --noinput

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The translation tests run makemessages, which needs GNU gettext (xgettext, msgmerge).
gettext:
	@command -v xgettext >/dev/null 2>&1 || { \
		echo "Installing Debian's gettext for the translation tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }

test: lint browser gettext assets
	@echo "== pytest on SQLite"
	env -u DATABASE_URL $(VENV)/bin/pytest -q -n $(TEST_WORKERS)
	@if [ -n "$$DATABASE_URL" ]; then url="$$DATABASE_URL"; \
	elif $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then url="$(PG_TEST_URL)"; \
	else url=""; fi; \
	if [ -n "$$url" ]; then \
		echo "== pytest on PostgreSQL"; \
		DATABASE_URL="$$url" $(VENV)/bin/pytest -q -n $(TEST_WORKERS) $(ONCE_ONLY) || exit 1; \
		echo "Test databases: SQLite, PostgreSQL"; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true: PostgreSQL is not reachable on 127.0.0.1:5432 and DATABASE_URL is unset"; exit 1; \
	else \
		echo "Test databases: SQLite (PostgreSQL not reachable on 127.0.0.1:5432 and DATABASE_URL unset)"; \
	fi
