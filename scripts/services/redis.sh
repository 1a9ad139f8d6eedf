#!/usr/bin/env bash
# Start or stop a throw-away Redis server on loopback for the test suite (the cluster
# profile's shared cache, docs/operations.md).
#   scripts/services/redis.sh start   -> installs the Debian package redis-server if needed,
#                                       starts the server and prints the KPO_CACHE_URL to use
#   scripts/services/redis.sh stop    -> stops it and removes its folder
#   scripts/services/redis.sh suspend / resume -> stop and start it again (fault tests); a
#                                       cache keeps nothing on disk, so it comes back empty
# Port KPO_REDIS_PORT (default 6390, beside a system Redis on 6379), folder KPO_REDIS_DIR.
set -euo pipefail

PORT="${KPO_REDIS_PORT:-6390}"
DIR="${KPO_REDIS_DIR:-/tmp/kpo-test-redis}"

log() { echo "[redis] $*" >&2; }

install_redis() {
  if command -v redis-server >/dev/null; then
    return
  fi
  if [ "$(id -u)" != 0 ]; then
    log "redis-server is missing; install the Debian package 'redis-server' (as root)."
    exit 1
  fi
  log "installing the Debian package redis-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq redis-server >/dev/null
}

launch() {
  mkdir -p "$DIR"
  # No persistence (a cache), no protected-mode surprises, loopback only.
  redis-server --bind 127.0.0.1 --port "$PORT" --daemonize yes \
    --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR" \
    --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru >/dev/null
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; then
      return
    fi
    sleep 0.2
  done
  log "did not answer PING; last log lines:"
  tail -n 20 "$DIR/redis.log" >&2 || true
  exit 1
}

shutdown_server() {
  [ -f "$DIR/redis.pid" ] || return 0
  local pid
  pid=$(cat "$DIR/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$DIR/redis.pid"
}

start() {
  install_redis
  stop_quietly
  launch
  log "running on 127.0.0.1:$PORT"
  echo "redis://127.0.0.1:$PORT/0"
}

stop_quietly() {
  shutdown_server
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop_quietly; log "stopped" ;;
  suspend) shutdown_server; log "suspended" ;;
  resume) launch; log "resumed on 127.0.0.1:$PORT" ;;
  *) echo "usage: $0 start|stop|suspend|resume" >&2; exit 2 ;;
esac
