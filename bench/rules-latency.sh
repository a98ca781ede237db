#!/usr/bin/env bash
# End-to-end rules latency: starts Roost as the systemd unit runs it (a fresh data folder), loads 500 rules over
# the API and measures sensor message -> rule -> subscriber at 100 msg/s. Build first: mvn -q -DskipTests package
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$(mktemp -d /tmp/roost-rules-latency.XXXXXX)
PASSWORD="bench-$RANDOM-$RANDOM"
ROOST_JAVA_OPTS=${ROOST_JAVA_OPTS:--Xmx64m -Xmn10m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
# shellcheck disable=SC2086
ROOST_ADMIN_PASSWORD=$PASSWORD java $ROOST_JAVA_OPTS -jar "$ROOT/hub/target/roost.jar" --data "$DATA" \
    --mqtt-port 0 --ws-port 0 --http-port 0 --tls-port 0 --wss-port 0 > "$DATA/hub.log" 2>&1 &
HUB=$!
trap 'kill $HUB 2>/dev/null; wait $HUB 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 300); do [[ -s "$DATA/ports.json" ]] && break; sleep 0.1; done
MQTT=$(grep -o '"mqtt":[0-9]*' "$DATA/ports.json" | cut -d: -f2)
HTTP=$(grep -o '"http":[0-9]*' "$DATA/ports.json" | cut -d: -f2)
java -cp "$ROOT/bench/target/roost-bench.jar" dev.roost.bench.rules.RulesLatency \
    --mqtt-port "$MQTT" --http-port "$HTTP" --password "$PASSWORD" "$@"
