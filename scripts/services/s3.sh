#!/usr/bin/env bash
# Start or stop a throw-away S3-compatible object store (SeaweedFS) on loopback for the
# test suite (the cluster profile's media storage, docs/operations.md).
#   scripts/services/s3.sh start   -> builds SeaweedFS once from its Go module (cached in
#                                    ~/.cache/kpo), starts it and prints the endpoint URL
#   scripts/services/s3.sh stop    -> stops it and removes its data
#   scripts/services/s3.sh suspend / resume -> stop and start it again, keeping its data
#                                    (fault tests)
# One access key: KPO_S3_TEST_ACCESS_KEY / KPO_S3_TEST_SECRET_KEY (defaults below, also
# known to tests/cluster/conftest.py). Ports: the S3 API on KPO_S3_PORT (default 8333);
# SeaweedFS's own master, volume and filer servers take the three ports after it (and
# each its gRPC port 10000 higher). Data in KPO_S3_HOME. Small volumes (64 MB), as many as
# the disk holds (-volume.max=0): every bucket (one per test process) gets volumes of its own.
set -euo pipefail

WEED_VERSION="${KPO_SEAWEEDFS_VERSION:-v0.0.0-20261109003541-7506e5f91cd6}"
PORT="${KPO_S3_PORT:-8333}"
HOME_DIR="${KPO_S3_HOME:-/tmp/kpo-test-s3}"
ACCESS_KEY="${KPO_S3_TEST_ACCESS_KEY:-kpo-test}"
SECRET_KEY="${KPO_S3_TEST_SECRET_KEY:-kpo-test-secret-key}"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/kpo/seaweedfs-${WEED_VERSION##*-}"
WEED="$CACHE_DIR/weed"

log() { echo "[s3] $*" >&2; }

# `go install module@version` refuses modules whose go.mod has replace directives, as
# SeaweedFS's has: download the module through the Go proxy and build it in place.
build_weed() {
  if [ -x "$WEED" ]; then return; fi
  command -v go >/dev/null || { log "Go is needed once to build SeaweedFS (install golang)"; exit 1; }
  log "building SeaweedFS $WEED_VERSION (once; cached in $CACHE_DIR)"
  local dir
  dir=$(cd /tmp && go mod download -json "github.com/seaweedfs/seaweedfs@$WEED_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  mkdir -p "$CACHE_DIR"
  (cd "$dir" && go build -trimpath -o "$WEED.partial" ./weed) >&2
  mv "$WEED.partial" "$WEED"
}

write_config() {
  mkdir -p "$HOME_DIR/data"
  cat >"$HOME_DIR/s3.json" <<JSON
{"identities": [{"name": "kpo", "credentials": [{"accessKey": "$ACCESS_KEY", "secretKey": "$SECRET_KEY"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
JSON
}

launch() {
  setsid "$WEED" server -dir="$HOME_DIR/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port=$((PORT + 1)) -volume.port=$((PORT + 2)) -filer.port=$((PORT + 3)) \
    -master.volumeSizeLimitMB=64 -volume.max=0 \
    -filer -s3 -s3.port="$PORT" -s3.config="$HOME_DIR/s3.json" \
    -s3.port.iceberg=0 -s3.port.lance=0 -master.telemetry=false \
    >>"$HOME_DIR/weed.log" 2>&1 </dev/null &
  echo $! >"$HOME_DIR/weed.pid"
  local url="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    # An unsigned request is refused (403) once the S3 gateway and the filer behind it run.
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/" 2>/dev/null)" = 403 ] &&
      curl -fsS "http://127.0.0.1:$((PORT + 3))/" -o /dev/null 2>/dev/null; then
      echo "$url"
      return
    fi
    sleep 0.5
  done
  log "did not become ready; last log lines:"
  tail -n 40 "$HOME_DIR/weed.log" >&2 || true
  exit 1
}

kill_server() {
  [ -f "$HOME_DIR/weed.pid" ] || return 0
  local pid
  pid=$(cat "$HOME_DIR/weed.pid")
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  rm -f "$HOME_DIR/weed.pid"
}

start() {
  build_weed
  stop_quietly
  write_config
  launch
  log "running on 127.0.0.1:$PORT (SeaweedFS $WEED_VERSION)"
}

stop_quietly() {
  kill_server
  rm -rf "$HOME_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop_quietly; log "stopped" ;;
  suspend) kill_server; log "suspended (data kept in $HOME_DIR)" ;;
  resume) launch >/dev/null; log "resumed on 127.0.0.1:$PORT" ;;
  *) echo "usage: $0 start|stop|suspend|resume" >&2; exit 2 ;;
esac
