#!/usr/bin/env bash
# The whole test run behind `make test`: start the real services on loopback (PostgreSQL,
# Elasticsearch 8, Redis, an S3-compatible store (SeaweedFS), Debian's Chromium), lint,
# Django checks, migrations check and the pytest suite; stop the services at the end,
# whatever happened.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
ES_URL_FILE=$(mktemp)
S3_URL_FILE=$(mktemp)

cleanup() {
  local status=$?
  # Starts still under way when an earlier step failed end first, so that their output
  # does not bury the failure.
  for pid in ${ES_PID:-} ${S3_PID:-}; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  scripts/services/elasticsearch.sh stop || true
  scripts/services/s3.sh stop || true
  scripts/services/redis.sh stop || true
  scripts/services/postgres.sh stop || true
  rm -f "$ES_URL_FILE" "$S3_URL_FILE"
  if [ "$status" -ne 0 ]; then echo "== make test failed (exit status $status): see the first error above" >&2; fi
}
trap cleanup EXIT

# Elasticsearch takes longest to start: let it boot while the linters run.
scripts/services/elasticsearch.sh start >"$ES_URL_FILE" &
ES_PID=$!
# The S3 store (built once from its Go module, then cached) starts meanwhile too.
scripts/services/s3.sh start >"$S3_URL_FILE" &
S3_PID=$!

DATABASE_URL=$(scripts/services/postgres.sh start)
KPO_TEST_REDIS_URL=$(scripts/services/redis.sh start)
KPO_CHROMIUM=$(scripts/services/chromium.sh)
export DATABASE_URL KPO_TEST_REDIS_URL KPO_CHROMIUM
export DJANGO_SETTINGS_MODULE=kpo.settings.test

echo "== ruff"
"$BIN/ruff" check .
"$BIN/ruff" format --check .
echo "== manage.py check"
"$BIN/python" manage.py check --fail-level WARNING
echo "== makemigrations --check"
"$BIN/python" manage.py makemigrations --check --dry-run
echo "== dependency audit (pip-audit, npm audit; audit-exceptions.toml)"
# Known vulnerabilities and expired exceptions fail the run. Without internet access the
# databases cannot be asked: the audit says so in a banner and `make audit` must be run
# elsewhere (docs/security.md).
"$BIN/python" scripts/audit_dependencies.py --allow-unreachable

wait "$ES_PID"
ES_PID=
KPO_TEST_ELASTICSEARCH_URL=$(cat "$ES_URL_FILE")
wait "$S3_PID"
S3_PID=
KPO_TEST_S3_URL=$(cat "$S3_URL_FILE")
export KPO_TEST_ELASTICSEARCH_URL KPO_TEST_S3_URL

echo "== pytest (PostgreSQL, Elasticsearch at $KPO_TEST_ELASTICSEARCH_URL, Redis at $KPO_TEST_REDIS_URL, S3 at $KPO_TEST_S3_URL, $KPO_CHROMIUM)"
"$BIN/pytest" -n "${KPO_TEST_WORKERS:-2}" "$@"
