# KPO: the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= kpo.settings.dev

.PHONY: run test test-fast audit install install-python install-npm lock lint format messages clean \
	prod-local prod-local-stop backup restore

## run: install everything, migrate, load the demo content and serve http://127.0.0.1:8000/
run: install
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py kpo_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: install everything, start PostgreSQL on loopback, lint, check and run the whole suite
test: install
	scripts/test.sh

## audit: known vulnerabilities in requirements.lock and the npm packages (audit-exceptions.toml)
audit: install
	$(BIN)/python scripts/audit_dependencies.py

## test-fast: unit tests on SQLite, for quick loops only (`make test` is what counts)
test-fast: install
	DATABASE_URL=sqlite:///$(CURDIR)/var/test-fast.sqlite3 $(BIN)/pytest -n 2

## prod-local: the production profile on loopback (gunicorn, worker, PostgreSQL, Elasticsearch)
prod-local: install
	scripts/prod-local.sh start

## prod-local-stop: stop everything prod-local started and remove its data
prod-local-stop:
	scripts/prod-local.sh stop

## backup: dump the database and archive the media into var/backups/<timestamp>/
backup: install
	$(BIN)/python manage.py kpo_backup

## restore: load BACKUP=var/backups/<timestamp> into a fresh (empty) database and media folder
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<timestamp>"; exit 2; }
	$(BIN)/python manage.py kpo_restore "$(BACKUP)"

install: install-python install-npm

install-python: $(VENV)/.installed
# The lock is a complete resolution: install exactly it (--no-deps, so pip's resolver never
# reaches for a newer release of a package wanted with extras), then check it.
$(VENV)/.installed: requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
	$(BIN)/pip check
	@touch $@

install-npm: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## lock: re-resolve the pinned Python dependencies after editing pyproject.toml
lock:
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the English translation catalogue and compile it
messages: install
	$(BIN)/python manage.py makemessages -l en --ignore=node_modules --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages --ignore=node_modules --ignore=.venv

clean:
	rm -rf $(VENV) node_modules var
