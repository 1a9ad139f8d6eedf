#!/usr/bin/env bash
# The whole test run behind `make test`: start the real services on loopback, lint,
# Django checks, migrations check and the pytest suite; stop the services at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

cleanup() { scripts/services/postgres.sh stop; }
trap cleanup EXIT

DATABASE_URL=$(scripts/services/postgres.sh start)
export DATABASE_URL
export DJANGO_SETTINGS_MODULE=kpo.settings.test

echo "== ruff"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
echo "== manage.py check"
"$BIN/python" manage.py check --fail-level WARNING
echo "== makemigrations --check"
"$BIN/python" manage.py makemigrations --check --dry-run
echo "== pytest (PostgreSQL at ${DATABASE_URL%%@*}@…)"
"$BIN/pytest" -n "${KPO_TEST_WORKERS:-2}" "$@"
