#!/usr/bin/env bash
# Start or stop a throw-away Elasticsearch 8 single node on loopback for the test suite.
#   scripts/services/elasticsearch.sh start  -> fetches the zip once (Maven Central, through
#                                              Maven's cache in ~/.m2), starts the node as an
#                                              unprivileged user and prints its URL
#   scripts/services/elasticsearch.sh stop   -> stops it and removes its files
#   scripts/services/elasticsearch.sh suspend / resume -> stop and start it again, keeping
#                                              its data (fault tests)
# The integ-test zip has no bundled JDK and no analysis-common module: the project does
# its Dutch analysis in Python (see docs/development.md).
set -euo pipefail

ES_VERSION="${KPO_ES_VERSION:-8.19.14}"
PORT="${KPO_ES_PORT:-9250}"
HOME_DIR="${KPO_ES_HOME:-/tmp/kpo-test-elasticsearch}"
ES_USER=kpo-es
ARTIFACT="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip"
ZIP="$HOME/.m2/repository/org/elasticsearch/distribution/integ-test-zip/elasticsearch/$ES_VERSION/elasticsearch-$ES_VERSION.zip"

log() { echo "[elasticsearch] $*" >&2; }

java17_home() {
  local dir
  for dir in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17-*; do
    if [ -x "$dir/bin/java" ]; then echo "$dir"; return; fi
  done
  log "no JDK 17 found under /usr/lib/jvm (install the Debian package openjdk-17-jre-headless)"
  exit 1
}

fetch_zip() {
  if [ -f "$ZIP" ]; then return; fi
  log "fetching $ARTIFACT"
  mvn -q -B dependency:get -Dartifact="$ARTIFACT" -Dtransitive=false >&2
}

as_es_user() {
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$HOME_DIR"
    runuser -u "$ES_USER" -- "$@"
  else
    "$@"
  fi
}

start() {
  fetch_zip
  stop_quietly
  mkdir -p "$HOME_DIR"
  unzip -q "$ZIP" -d "$HOME_DIR"
  local es="$HOME_DIR/elasticsearch-$ES_VERSION"
  cat > "$es/config/elasticsearch.yml" <<YAML
cluster.name: kpo-test
discovery.type: single-node
network.host: 127.0.0.1
http.port: $PORT
path.data: $HOME_DIR/data
path.logs: $HOME_DIR/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YAML
  launch
}

launch() {
  local es="$HOME_DIR/elasticsearch-$ES_VERSION"
  as_es_user env ES_JAVA_HOME="$(java17_home)" ES_JAVA_OPTS="-Xms512m -Xmx512m" \
    "$es/bin/elasticsearch" -d -p "$HOME_DIR/es.pid" >/dev/null
  local url="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    if curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      log "running on 127.0.0.1:$PORT (version $ES_VERSION)"
      echo "$url"
      return
    fi
    sleep 1
  done
  log "did not become ready; last log lines:"
  tail -n 40 "$HOME_DIR"/logs/*.log >&2 || true
  exit 1
}

suspend() {
  kill_node
  log "suspended (data kept in $HOME_DIR)"
}

kill_node() {
  if [ -f "$HOME_DIR/es.pid" ]; then
    local pid
    pid=$(cat "$HOME_DIR/es.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
}

stop_quietly() {
  kill_node
  rm -rf "$HOME_DIR"
}

stop() {
  stop_quietly
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  suspend) suspend ;;
  resume) launch >/dev/null ;;
  *) echo "usage: $0 start|stop|suspend|resume" >&2; exit 2 ;;
esac
