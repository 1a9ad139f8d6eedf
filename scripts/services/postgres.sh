#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL server on loopback for the test suite.
#   scripts/services/postgres.sh start   -> installs the Debian packages if needed, starts
#                                          the server and prints the DATABASE_URL to use
#   scripts/services/postgres.sh stop    -> stops it and removes its data directory
#   scripts/services/postgres.sh suspend / resume -> stop and start it again, keeping its data
#                                          (fault tests)
set -euo pipefail

PORT="${KPO_PG_PORT:-54329}"
DATA_DIR="${KPO_PG_DATA:-/tmp/kpo-test-postgres}"
LOG_FILE="$DATA_DIR.log"
DB_USER=kpo
DB_PASSWORD=kpo-test

log() { echo "[postgres] $*" >&2; }

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    return 1
  fi
  echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_postgres() {
  if pg_bindir >/dev/null; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "PostgreSQL server binaries are missing; install the Debian package 'postgresql' (as root)."
    exit 1
  fi
  log "installing the Debian package postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
}

start() {
  install_postgres
  local bin
  bin=$(pg_bindir)
  stop_quietly
  mkdir -p "$DATA_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DATA_DIR"; fi
  as_postgres "$bin/initdb" -D "$DATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  touch "$LOG_FILE"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$LOG_FILE"; fi
  pg_start "$bin"
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $DB_USER LOGIN CREATEDB PASSWORD '$DB_PASSWORD'" \
    -c "CREATE DATABASE kpo OWNER $DB_USER" >/dev/null
  log "running on 127.0.0.1:$PORT"
  echo "postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/kpo"
}

pg_start() {
  as_postgres "$1/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
}

suspend() {
  as_postgres "$(pg_bindir)/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null
  log "suspended (data kept in $DATA_DIR)"
}

resume() {
  pg_start "$(pg_bindir)"
  log "resumed on 127.0.0.1:$PORT"
}

stop_quietly() {
  local bin
  bin=$(pg_bindir) || return 0
  if [ -f "$DATA_DIR/postmaster.pid" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA_DIR" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA_DIR" "$LOG_FILE"
}

stop() {
  stop_quietly
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  suspend) suspend ;;
  resume) resume ;;
  *) echo "usage: $0 start|stop|suspend|resume" >&2; exit 2 ;;
esac
