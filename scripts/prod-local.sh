#!/usr/bin/env bash
# The production profile on loopback (`make prod-local` / `make prod-local-stop`):
# PostgreSQL, Elasticsearch, migrations, collectstatic, the demo content (plus an optional
# synthetic corpus), the django-tasks worker and gunicorn, all in the background.
#   scripts/prod-local.sh start   -> starts everything, waits for /health/, prints the URL
#   scripts/prod-local.sh stop    -> stops what start started and removes its data
#   scripts/prod-local.sh env     -> prints the environment (for bench/ and fault scripts)
#   scripts/prod-local.sh worker-stop | worker-start | web-restart -> fault tests
# Ports and folders (defaults): KPO_PROD_PORT=8010, KPO_PROD_PG_PORT=54340,
# KPO_PROD_ES_PORT=9260, var/prod-local/ for logs, media, static files, cache and mail.
# KPO_CORPUS_ITEMS / KPO_CORPUS_MEMBERS add a synthetic corpus (bench/corpus.py).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/.venv/bin
PORT="${KPO_PROD_PORT:-8010}"
STATE="$ROOT/var/prod-local"
export KPO_PG_PORT="${KPO_PROD_PG_PORT:-54340}"
export KPO_PG_DATA="${KPO_PROD_PG_DATA:-/tmp/kpo-prod-local-postgres}"
export KPO_ES_PORT="${KPO_PROD_ES_PORT:-9260}"
export KPO_ES_HOME="${KPO_PROD_ES_HOME:-/tmp/kpo-prod-local-elasticsearch}"

log() { echo "[prod-local] $*" >&2; }

write_env() {
  local database_url=$1 es_url=$2
  mkdir -p "$STATE"/{media,cache,mail,logs}
  [ -f "$STATE/secret_key" ] || "$BIN/python" -c "import secrets; print(secrets.token_urlsafe(50))" >"$STATE/secret_key"
  cat >"$STATE/env" <<ENV
export DJANGO_SETTINGS_MODULE=kpo.settings.prod_local
export SECRET_KEY=$(cat "$STATE/secret_key")
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=$database_url
export ELASTICSEARCH_URL=$es_url
export KPO_SEARCH_INDEX_PREFIX=kpo-prod-local-
export KPO_MEDIA_ROOT=$STATE/media
export KPO_EMAIL_FILE_PATH=$STATE/mail
export KPO_CACHE_URL=file://$STATE/cache
export KPO_BIND=127.0.0.1:$PORT
export KPO_BASE_URL=http://127.0.0.1:$PORT
export KPO_TRUSTED_PROXY_COUNT=${KPO_TRUSTED_PROXY_COUNT:-1}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-4}
export KPO_PROD_URL=http://127.0.0.1:$PORT
export KPO_PG_PORT=$KPO_PG_PORT KPO_PG_DATA=$KPO_PG_DATA KPO_ES_PORT=$KPO_ES_PORT KPO_ES_HOME=$KPO_ES_HOME
ENV
}

load_env() {
  # shellcheck disable=SC1091
  source "$STATE/env"
}

# Run a command in its own process group in the background; remember the group.
background() {
  local name=$1
  shift
  setsid "$@" >>"$STATE/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$STATE/$name.pid"
}

stop_group() {
  local name=$1 pid
  [ -f "$STATE/$name.pid" ] || return 0
  pid=$(cat "$STATE/$name.pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$STATE/$name.pid"
}

worker_start() {
  load_env
  # Restarted when it exits, as systemd's Restart=always would (e.g. after a database outage).
  background worker bash -c "while true; do '$BIN/python' manage.py db_worker --interval 1 --queue-name '*'; sleep 2; done"
  log "worker started"
}

web_start() {
  load_env
  background web "$BIN/gunicorn" -c python:kpo.gunicorn_conf kpo.wsgi
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$PORT/health/" >/dev/null 2>&1; then
      log "gunicorn serving http://127.0.0.1:$PORT/ ($WEB_CONCURRENCY workers)"
      return
    fi
    sleep 1
  done
  log "gunicorn did not become healthy; see $STATE/logs/web.log"
  curl -sS "http://127.0.0.1:$PORT/health/" >&2 || true
  exit 1
}

start() {
  stop_group web
  stop_group worker
  local es_file database_url es_pid
  es_file=$(mktemp)
  scripts/services/elasticsearch.sh start >"$es_file" &
  es_pid=$!
  database_url=$(scripts/services/postgres.sh start)
  wait "$es_pid"
  write_env "$database_url" "$(cat "$es_file")"
  rm -f "$es_file"
  load_env
  log "migrate, collectstatic, demo content"
  "$BIN/python" manage.py migrate --noinput >/dev/null
  "$BIN/python" manage.py createcachetable
  "$BIN/python" manage.py collectstatic --noinput >/dev/null
  "$BIN/python" manage.py kpo_demo
  if [ -n "${KPO_CORPUS_ITEMS:-}" ]; then
    log "synthetic corpus: ${KPO_CORPUS_ITEMS} items, ${KPO_CORPUS_MEMBERS:-0} members"
    "$BIN/python" bench/corpus.py --items "$KPO_CORPUS_ITEMS" --members "${KPO_CORPUS_MEMBERS:-0}"
  else
    "$BIN/python" manage.py kpo_search_index rebuild >/dev/null
  fi
  worker_start
  web_start
  echo "http://127.0.0.1:$PORT/"
}

stop() {
  stop_group web
  stop_group worker
  scripts/services/elasticsearch.sh stop || true
  scripts/services/postgres.sh stop || true
  rm -rf "$STATE"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) cat "$STATE/env" ;;
  worker-start) worker_start ;;
  worker-stop) stop_group worker ;;
  web-restart) stop_group web; web_start ;;
  *) echo "usage: $0 start|stop|env|worker-start|worker-stop|web-restart" >&2; exit 2 ;;
esac
