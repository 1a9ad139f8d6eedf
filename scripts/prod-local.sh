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
# KPO_PROD_CLUSTER=1 selects the cluster profile (docs/operations.md): Redis as the shared
# cache (KPO_PROD_REDIS_PORT=6391, KPO_PROD_REDIS_DIR) and media in a private bucket on an
# S3-compatible store (SeaweedFS, KPO_PROD_S3_PORT=8360 and the three ports after it,
# KPO_PROD_S3_HOME), started with scripts/services/ and stopped again by `stop`.
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
export KPO_REDIS_PORT="${KPO_PROD_REDIS_PORT:-6391}"
export KPO_REDIS_DIR="${KPO_PROD_REDIS_DIR:-/tmp/kpo-prod-local-redis}"
export KPO_S3_PORT="${KPO_PROD_S3_PORT:-8360}"
export KPO_S3_HOME="${KPO_PROD_S3_HOME:-/tmp/kpo-prod-local-s3}"
# The store's one access key (scripts/services/s3.sh); the secret is made at the first start.
export KPO_S3_TEST_ACCESS_KEY=kpo-prod-local
S3_BUCKET=kpo-prod-local

log() { echo "[prod-local] $*" >&2; }

cluster() { [ "${KPO_PROD_CLUSTER:-}" = 1 ]; }

# A random secret in $STATE/<name>, made once.
secret() {
  mkdir -p "$STATE"
  [ -f "$STATE/$1" ] || "$BIN/python" -c "import secrets; print(secrets.token_urlsafe($2))" >"$STATE/$1"
  cat "$STATE/$1"
}

write_env() {
  local database_url=$1 es_url=$2
  mkdir -p "$STATE"/{media,cache,mail,logs}
  secret secret_key 50 >/dev/null
  cat >"$STATE/env" <<ENV
export DJANGO_SETTINGS_MODULE=kpo.settings.prod_local
export SECRET_KEY=$(cat "$STATE/secret_key")
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL=$database_url
export ELASTICSEARCH_URL=$es_url
export KPO_SEARCH_INDEX_PREFIX=kpo-prod-local-
export KPO_MEDIA_ROOT=$STATE/media
export KPO_EMAIL_FILE_PATH=$STATE/mail
export KPO_CACHE_URL=${3:-file://$STATE/cache}
export KPO_BIND=127.0.0.1:$PORT
export KPO_BASE_URL=http://127.0.0.1:$PORT
export KPO_TRUSTED_PROXY_COUNT=${KPO_TRUSTED_PROXY_COUNT:-1}
export WEB_CONCURRENCY=${WEB_CONCURRENCY:-4}
export KPO_PROD_URL=http://127.0.0.1:$PORT
export KPO_PG_PORT=$KPO_PG_PORT KPO_PG_DATA=$KPO_PG_DATA KPO_ES_PORT=$KPO_ES_PORT KPO_ES_HOME=$KPO_ES_HOME
ENV
  if cluster; then write_cluster_env "$4"; fi
}

# The media bucket's variables, exactly those production reads (docs/operations.md; the
# cache is KPO_CACHE_URL above), and the services' ports and folders for bench/faults.py.
write_cluster_env() {
  local s3_url=$1
  cat >>"$STATE/env" <<ENV
export KPO_PROD_CLUSTER=1
export KPO_S3_BUCKET=$S3_BUCKET
export KPO_S3_ENDPOINT_URL=$s3_url
export KPO_S3_ACCESS_KEY_ID=$KPO_S3_TEST_ACCESS_KEY
export KPO_S3_SECRET_ACCESS_KEY=$(cat "$STATE/s3_secret_key")
export KPO_REDIS_PORT=$KPO_REDIS_PORT KPO_REDIS_DIR=$KPO_REDIS_DIR KPO_S3_PORT=$KPO_S3_PORT KPO_S3_HOME=$KPO_S3_HOME
ENV
}

# The private media bucket, created unless it exists.
create_bucket() {
  "$BIN/python" - <<'PYTHON'
import os

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

client = boto3.client(
    "s3",
    endpoint_url=os.environ["KPO_S3_ENDPOINT_URL"],
    aws_access_key_id=os.environ["KPO_S3_ACCESS_KEY_ID"],
    aws_secret_access_key=os.environ["KPO_S3_SECRET_ACCESS_KEY"],
    region_name="us-east-1",
    config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
)
bucket = os.environ["KPO_S3_BUCKET"]
try:
    client.head_bucket(Bucket=bucket)
except ClientError:
    client.create_bucket(Bucket=bucket)
PYTHON
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
  local es_file database_url es_pid redis_url="" s3_url=""
  es_file=$(mktemp)
  scripts/services/elasticsearch.sh start >"$es_file" &
  es_pid=$!
  database_url=$(scripts/services/postgres.sh start)
  if cluster; then
    export KPO_S3_TEST_SECRET_KEY
    KPO_S3_TEST_SECRET_KEY=$(secret s3_secret_key 30)
    redis_url=$(scripts/services/redis.sh start)
    s3_url=$(scripts/services/s3.sh start)
  fi
  wait "$es_pid"
  write_env "$database_url" "$(cat "$es_file")" "$redis_url" "$s3_url"
  rm -f "$es_file"
  load_env
  if cluster; then
    create_bucket
    log "cluster profile: cache $KPO_CACHE_URL, media in bucket $KPO_S3_BUCKET on $KPO_S3_ENDPOINT_URL"
  fi
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
  # The ports and folders the start used (and whether it was the cluster profile).
  if [ -f "$STATE/env" ]; then load_env; fi
  scripts/services/elasticsearch.sh stop || true
  scripts/services/postgres.sh stop || true
  if cluster; then
    scripts/services/redis.sh stop || true
    scripts/services/s3.sh stop || true
  fi
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
