# The two set-up commands: `make demo` runs the demo site, `make test` runs the whole suite.
# Both create .venv and install what they need on first use.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs again on PostgreSQL when this server answers.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test
# Browser flows, the package build and the HTML and translation checks do not depend on the database:
# they run once, in the SQLite pass; the PostgreSQL pass runs everything else.
ONCE_ONLY := -m "not browser and not package" --ignore=tests/quality
# Parallel test processes (pytest-xdist); one per core by default.
TEST_WORKERS ?= auto

# The demo's database: SQLite unless DATABASE_URL names a PostgreSQL server.
comma := ,
DEMO_EXTRAS := demo$(if $(findstring postgres,$(DATABASE_URL)),$(comma)postgres)

.PHONY: install install-demo assets demo test lint browser gettext package docs

$(PY):
	@echo "== Creating $(VENV)"
	@$(PYTHON) -m venv $(VENV)

# The demo needs the app's runtime and the `demo` extra only; `make test` adds the `dev` extra.
$(VENV)/.demo-installed: pyproject.toml | $(PY)
	@echo "== Installing the app and the demo's packages into $(VENV)"
	@$(PY) -m pip install --quiet --quiet --disable-pip-version-check -e ".[$(DEMO_EXTRAS)]"
	@touch $@

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@ $(VENV)/.demo-installed

install-demo: $(VENV)/.demo-installed
install: $(VENV)/.installed

# USWDS for the demo site, from the npm package @uswds/uswds (the copy is git-ignored).
USWDS_DIST := node_modules/@uswds/uswds/dist
USWDS_STATIC := site/spcp_demo/static/vendor/uswds

assets:
	@echo "== Installing the U.S. Web Design System (npm)"
	@npm install --no-audit --no-fund --loglevel=error
	@rm -rf $(USWDS_STATIC)
	@mkdir -p $(USWDS_STATIC)
	@cp -R $(USWDS_DIST)/css $(USWDS_DIST)/js $(USWDS_DIST)/img $(USWDS_DIST)/fonts $(USWDS_STATIC)/

demo: install-demo assets
	@echo "== Migrating the database and loading the demo data"
	@$(PY) site/manage.py migrate --noinput -v 0
	@$(PY) site/manage.py load_demo --admin-url http://$(HOST):$(PORT)/admin/
	@echo "== The demo: http://$(HOST):$(PORT)/  (Ctrl-C stops it). Try:"
	@echo "   office finder   http://$(HOST):$(PORT)/offices/?q=77550"
	@echo "   programs        http://$(HOST):$(PORT)/programs/"
	@echo "   site search     http://$(HOST):$(PORT)/search/?q=council"
	@echo "   JSON API        http://$(HOST):$(PORT)/api/spcp/offices/lookup?q=77550"
	@echo "   admin           http://$(HOST):$(PORT)/admin/  (login above)"
	@$(PY) site/manage.py runserver $(HOST):$(PORT)

# The wheel and sdist in dist/, checked; the fresh-site install test builds its own copy.
package: install
	rm -rf dist
	$(PY) -m build --no-isolation --outdir dist .
	$(VENV)/bin/twine check --strict dist/*

# The documentation site in build/docs: the screenshots from the demo, then a strict build.
docs: install browser assets
	env -u DATABASE_URL $(VENV)/bin/pytest -q -n 0 tests/browser/test_screenshots.py
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict
	@echo "The documentation site: build/docs/index.html"

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

# The package tests (-m package: build, check and install the wheel into a new Wagtail
# project) run once, with the SQLite pass; they do not use the test database.
test: lint browser gettext assets
	@echo "== pytest on SQLite"
	env -u DATABASE_URL $(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadgroup
	@if [ -n "$$DATABASE_URL" ]; then url="$$DATABASE_URL"; \
	elif $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then url="$(PG_TEST_URL)"; \
	else url=""; fi; \
	if [ -n "$$url" ]; then \
		echo "== pytest on PostgreSQL"; \
		DATABASE_URL="$$url" $(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadgroup $(ONCE_ONLY) || exit 1; \
		echo "Test databases: SQLite, PostgreSQL"; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true: PostgreSQL is not reachable on 127.0.0.1:5432 and DATABASE_URL is unset"; exit 1; \
	else \
		echo "Test databases: SQLite (PostgreSQL not reachable on 127.0.0.1:5432 and DATABASE_URL unset)"; \
	fi
