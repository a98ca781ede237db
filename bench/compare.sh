#!/usr/bin/env bash
# Runs the same load scenarios against Debian's mosquitto and against Roost on this machine, a fresh broker
# per run, and prints the median of each figure per broker and the ratio Roost/Mosquitto.
#
# It builds nothing: build first with
#   mvn -q -pl bench,hub -am package -DskipTests
# Only loopback addresses are used; every broker it starts is stopped by PID, also on Ctrl-C.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOST_JAR="$ROOT/hub/target/roost.jar"
BENCH_JAR="$ROOT/bench/target/roost-bench.jar"
MOSQUITTO=${MOSQUITTO:-/usr/sbin/mosquitto}
ROUNDS=3
BROKERS="mosquitto,roost"
SCENARIOS="fanin-qos0,fanin-qos1,fanin-qos2,fanin-stored,fanin-stored-warm,fanin-stored-32,fanin-stored-32-warm,fanout,latency,latency-cold,idle"
OUT=""
QUICK=0
MOSQUITTO_EXTRA=""
# JVM flags for Roost: by default those of the systemd unit (systemd/roost.service), as installed on a Pi,
# read from its ExecStart= (continued lines joined): what comes between java and -jar.
unit_java_opts() {
    local line
    line=$(sed -e ':join' -e '/\\$/N; s/\\\n//; t join' "$ROOT/systemd/roost.service" | grep '^ExecStart=')
    line=${line#*/java }
    echo "${line%% -jar *}"
}
ROOST_JAVA_OPTS=${ROOST_JAVA_OPTS:-$(unit_java_opts)}
# JVM flags for the load tool, e.g. BENCH_JAVA_OPTS="-Xmx1g". By default its quick JIT compiler only: the tool
# shares this machine's cores with the broker it measures, and in a run of a few seconds the optimising compiler
# never pays off: on a 2-core machine its compiler threads took 2-3.8 s of CPU per stored fan-in run, more than
# either broker used in it, and with C1 only 0.6-0.8 s. BENCH_JAVA_OPTS=" " runs the tool with the JVM's defaults.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:TieredStopAtLevel=1}
# A last-resort bound per tool run; the tool bounds itself well below this.
RUN_LIMIT_SECONDS=900

usage() {
    cat <<EOF
Usage: bench/compare.sh [options]
  --roost-jar PATH     Roost jar (default hub/target/roost.jar)
  --bench-jar PATH     load tool jar (default bench/target/roost-bench.jar)
  --rounds R           runs per broker and scenario (default 3); the order of brokers alternates per round
  --brokers LIST       mosquitto,roost (default both)
  --scenarios LIST     from $SCENARIOS (default all)
  --mosquitto-conf F   lines appended to mosquitto's generated config (e.g. max_queued_messages)
  --out DIR            keep every run's output here (default: a new temp dir)
  --quick              small runs, to check the script itself
EOF
}

die() { echo "compare.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --roost-jar) ROOST_JAR=$2; shift 2 ;;
        --bench-jar) BENCH_JAR=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --brokers) BROKERS=$2; shift 2 ;;
        --scenarios) SCENARIOS=$2; shift 2 ;;
        --mosquitto-conf) MOSQUITTO_EXTRA=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --quick) QUICK=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown option $1" ;;
    esac
done

[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive whole number"
[[ -f "$BENCH_JAR" ]] || die "load tool not found at $BENCH_JAR (build it: mvn -q -pl bench package -DskipTests)"
IFS=, read -r -a BROKER_LIST <<< "$BROKERS"
IFS=, read -r -a SCENARIO_LIST <<< "$SCENARIOS"
for b in "${BROKER_LIST[@]}"; do
    case "$b" in
        mosquitto) [[ -x "$MOSQUITTO" ]] || die "mosquitto not found at $MOSQUITTO (apt-get install mosquitto)" ;;
        roost) [[ -f "$ROOST_JAR" ]] || die "Roost jar not found at $ROOST_JAR (build hub, pass --roost-jar, or use --brokers mosquitto)"
               [[ -n $ROOST_JAVA_OPTS ]] || die "no java command line in the ExecStart= of $ROOT/systemd/roost.service; set ROOST_JAVA_OPTS" ;;
        *) die "unknown broker '$b' (mosquitto, roost)" ;;
    esac
done
[[ -z "$MOSQUITTO_EXTRA" || -f "$MOSQUITTO_EXTRA" ]] || die "--mosquitto-conf: no such file $MOSQUITTO_EXTRA"

# 10,000 idle connections need 10,000 descriptors in the tool and in each broker, which all inherit this limit.
if ! ulimit -n 65536 2>/dev/null; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    echo "compare.sh: could not raise open files to 65536; using $(ulimit -n)" >&2
fi

OUT=${OUT:-$(mktemp -d /tmp/roost-compare.XXXXXX)}
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: > "$RESULTS"

# scenario -> load tool arguments
scenario_args() {
    local quick_fanin="" quick_warmup="" quick_fanout="" quick_latency="" quick_cold="" quick_idle="--connections 10000 --hold 10"
    if [[ $QUICK == 1 ]]; then
        quick_fanin="--messages 2000"; quick_warmup="--warmup-messages 200"; quick_fanout="--messages 500"
        quick_latency="--duration 2 --warmup 0.5"; quick_cold="--duration 2"; quick_idle="--connections 1000 --hold 2"
    fi
    case "$1" in
        fanin-qos0) echo "fanin --qos 0 $quick_fanin" ;;
        fanin-qos1) echo "fanin --qos 1 $quick_fanin" ;;
        fanin-qos2) echo "fanin --qos 2 $quick_fanin" ;;
        # Every message stored for a persistent subscriber that is away; see broker_config for the persistence.
        fanin-stored) echo "fanin --qos 1 --subscriber offline ${quick_fanin:---messages 5000}" ;;
        # The same after an unmeasured pass: the measured run lasts about two seconds, so started cold it also
        # measures the JIT of a JVM broker and of the load tool.
        fanin-stored-warm) echo "fanin --qos 1 --subscriber offline ${quick_warmup:---warmup-messages 1000} ${quick_fanin:---messages 5000}" ;;
        # The same 40,000 messages from 32 publishers instead of 8. Each has at most 64 unacknowledged, and Roost
        # acknowledges a stored message only once it is on disk: with 8 publishers all 512 can be waiting for one
        # forced write while both brokers' CPUs idle, so the rate measures acknowledgement latency as much as
        # throughput. With 32 there is enough in flight for a group commit to fill while the last one is written.
        fanin-stored-32) echo "fanin --qos 1 --subscriber offline --publishers 32 ${quick_fanin:---messages 1250}" ;;
        fanin-stored-32-warm) echo "fanin --qos 1 --subscriber offline --publishers 32 ${quick_warmup:---warmup-messages 250} ${quick_fanin:---messages 1250}" ;;
        fanout) echo "fanout --qos 0 $quick_fanout" ;;
        latency) echo "latency $quick_latency" ;;
        # The first 10 s after start, while the JIT is still compiling the hot path.
        latency-cold) echo "latency --warmup 0 ${quick_cold:---duration 10}" ;;
        idle) echo "idle $quick_idle" ;;
        *) die "unknown scenario '$1'" ;;
    esac
}

# scenario -> RESULT fields worth comparing (the first is the headline)
scenario_metrics() {
    case "$1" in
        fanin-*) echo "msgs_per_sec loss_pct" ;;
        fanout) echo "deliveries_per_sec loss_pct" ;;
        latency*) echo "p50_us p99_us p999_us" ;;
        idle) echo "connected bytes_per_connection" ;;
    esac
}

for s in "${SCENARIO_LIST[@]}"; do scenario_args "$s" > /dev/null; done

port_in_use() {
    if command -v ss > /dev/null; then
        [[ -n "$(ss -Htln "( sport = :$1 )" 2>/dev/null)" ]]
    else
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
    fi
}

# Below the kernel's ephemeral range, so no outgoing connection can be holding it.
free_port() {
    local p
    for _ in $(seq 1 200); do
        p=$(( 10000 + RANDOM % 22000 ))
        port_in_use "$p" || { echo "$p"; return 0; }
    done
    die "no free loopback port found"
}

wait_for_port() { # port pid seconds
    local deadline=$(( SECONDS + $3 ))
    while (( SECONDS < deadline )); do
        kill -0 "$2" 2> /dev/null || return 1
        (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0
        sleep 0.1
    done
    return 1
}

# scenario -> extra broker configuration: for fanin-stored both brokers persist, and keep every queued message
# (Mosquitto only writes its file on shutdown or every autosave_interval; Roost before each acknowledgement).
mosquitto_scenario_conf() { # scenario dir
    if [[ $1 == fanin-stored* ]]; then
        printf 'persistence true\npersistence_location %s/\nmax_queued_messages 1000000\n' "$2"
    fi
}
roost_scenario_conf() { # scenario
    if [[ $1 == fanin-stored* ]]; then
        printf 'mqtt:\n  maxQueuedMessages: 1000000\n'
    fi
}
SCENARIO=""

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2> /dev/null || echo NA; }
CLOCK_TICKS=$(getconf CLK_TCK)
# CPU time a process has used, user and system, in clock ticks (fields 14 and 15 of /proc/PID/stat; the name in
# field 2 has no spaces for either broker).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2> /dev/null || echo NA; }

BROKER_PID=""
BROKER_PORT=""
BROKER_DIR=""

start_mosquitto() { # log
    BROKER_DIR=$(mktemp -d /tmp/roost-compare-mosquitto.XXXXXX)
    local attempt
    for attempt in 1 2 3; do
        BROKER_PORT=$(free_port)
        {
            echo "listener $BROKER_PORT 127.0.0.1"
            echo "allow_anonymous true"
            if [[ -n "$MOSQUITTO_EXTRA" ]]; then cat "$MOSQUITTO_EXTRA"; fi
            mosquitto_scenario_conf "$SCENARIO" "$BROKER_DIR"
        } > "$BROKER_DIR/mosquitto.conf"
        "$MOSQUITTO" -c "$BROKER_DIR/mosquitto.conf" > "$1" 2>&1 &
        BROKER_PID=$!
        wait_for_port "$BROKER_PORT" "$BROKER_PID" 10 && return 0
        stop_broker
    done
    die "mosquitto did not start; see $1"
}

start_roost() { # log
    BROKER_DIR=$(mktemp -d /tmp/roost-compare-roost.XXXXXX)
    roost_scenario_conf "$SCENARIO" > "$BROKER_DIR/roost.yaml"
    local options
    # Split into words without expanding them as file names: CompileCommand patterns contain '*'.
    read -r -a options <<< "$ROOST_JAVA_OPTS"
    java "${options[@]}" -jar "$ROOST_JAR" --config "$BROKER_DIR/roost.yaml" --data "$BROKER_DIR" --mqtt-port 0 --http-port 0 --ws-port 0 --tls-port 0 --wss-port 0 > "$1" 2>&1 &
    BROKER_PID=$!
    local deadline=$(( SECONDS + 60 ))
    # ports.json appears only once Roost is ready; the port is read from it because Roost chose it.
    while (( SECONDS < deadline )); do
        kill -0 "$BROKER_PID" 2> /dev/null || die "Roost exited during start-up; see $1"
        if [[ -s "$BROKER_DIR/ports.json" ]]; then
            BROKER_PORT=$(grep -o '"mqtt"[[:space:]]*:[[:space:]]*[0-9]*' "$BROKER_DIR/ports.json" | grep -o '[0-9]*$' || true)
            [[ -n "$BROKER_PORT" ]] && wait_for_port "$BROKER_PORT" "$BROKER_PID" 10 && return 0
        fi
        sleep 0.2
    done
    stop_broker
    die "Roost did not write a usable $BROKER_DIR/ports.json within 60 s; see $1"
}

stop_broker() {
    if [[ -n "$BROKER_PID" ]] && kill -0 "$BROKER_PID" 2> /dev/null; then
        kill -TERM "$BROKER_PID" 2> /dev/null || true
        local deadline=$(( SECONDS + 15 ))
        while kill -0 "$BROKER_PID" 2> /dev/null && (( SECONDS < deadline )); do sleep 0.1; done
        kill -KILL "$BROKER_PID" 2> /dev/null || true
        wait "$BROKER_PID" 2> /dev/null || true
    fi
    BROKER_PID=""
    if [[ -n "$BROKER_DIR" ]]; then rm -rf "$BROKER_DIR"; fi
    BROKER_DIR=""
}
trap stop_broker EXIT
trap 'exit 130' INT TERM

record() { # broker scenario round metric value
    printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"
}

# The first occurrence of a numeric field: headline fields come before any nested per-client arrays.
json_number() { # file key
    grep '^RESULT ' "$1" | grep -o "\"$2\":[-0-9.eE+]*" | head -1 | cut -d: -f2 || true
}

run_one() { # broker scenario round
    local broker=$1 scenario=$2 round=$3 tag="$1-$2-r$3"
    SCENARIO=$scenario
    if [[ $broker == mosquitto ]]; then start_mosquitto "$OUT/$tag.broker.log"; else start_roost "$OUT/$tag.broker.log"; fi
    sleep 1
    record "$broker" startup "$round" startup_rss_kib "$(rss_kib "$BROKER_PID")"
    local args extra=""
    args=$(scenario_args "$scenario")
    if [[ $scenario == idle ]]; then extra="--broker-pid $BROKER_PID"; fi
    echo "== round $round  $broker  $scenario  (port $BROKER_PORT, pid $BROKER_PID)"
    local cpu_before cpu_after
    cpu_before=$(cpu_ticks "$BROKER_PID")
    # shellcheck disable=SC2086 # word splitting of the argument strings is intended
    timeout --kill-after=10 "$RUN_LIMIT_SECONDS" java $BENCH_JAVA_OPTS -cp "$BENCH_JAR" dev.roost.bench.LoadTool \
        $args $extra --host 127.0.0.1 --port "$BROKER_PORT" > "$OUT/$tag.txt" 2>&1 || true
    cpu_after=$(cpu_ticks "$BROKER_PID")
    grep -v '^RESULT ' "$OUT/$tag.txt" | sed 's/^/   /' || true
    local metric value
    for metric in $(scenario_metrics "$scenario"); do
        value=$(json_number "$OUT/$tag.txt" "$metric")
        record "$broker" "$scenario" "$round" "$metric" "${value:-NA}"
    done
    # The broker's CPU time over the whole tool run (for a stored fan-in: the publishing and the draining, and the
    # warm-up pass if any): on a 2-core machine shared with the tool, the rate follows the CPU both use per message.
    if [[ $cpu_before != NA && $cpu_after != NA ]]; then
        record "$broker" "$scenario" "$round" broker_cpu_ms $(( (cpu_after - cpu_before) * 1000 / CLOCK_TICKS ))
    else
        record "$broker" "$scenario" "$round" broker_cpu_ms NA
    fi
    stop_broker
}

for round in $(seq 1 "$ROUNDS"); do
    order=("${BROKER_LIST[@]}")
    # Alternating who goes first spreads any drift of the machine (thermal, page cache) over both brokers.
    if (( round % 2 == 0 )) && (( ${#order[@]} == 2 )); then order=("${order[1]}" "${order[0]}"); fi
    for scenario in "${SCENARIO_LIST[@]}"; do
        for broker in "${order[@]}"; do
            run_one "$broker" "$scenario" "$round"
        done
    done
done

median() { # values on stdin, NA ignored
    { grep -v '^NA$' || true; } | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) print "NA"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Roost/Mosquitto within each round, where the two ran back to back: their spread shows how far the machine
# drifted between rounds, which on a shared machine can be more than the difference between the brokers.
round_ratio_range() { # scenario metric -> "min-max" of the per-round ratios, or NA
    awk -F'\t' -v s="$1" -v k="$2" '$2 == s && $4 == k && $5 != "NA" { v[$1 SUBSEP $3] = $5; r[$3] = 1 }
        END { for (i in r) {
                  m = "mosquitto" SUBSEP i; o = "roost" SUBSEP i
                  if ((m in v) && (o in v) && v[m] + 0 != 0) printf "%.2f\n", v[o] / v[m]
              } }' "$RESULTS" |
        sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "NA"; else print v[1] "-" v[NR] }'
}

echo
echo "Medians over $ROUNDS round(s); raw output in $OUT"
TABLE_ROW='%-20s %-20s %14s %14s %10s %12s\n' # the heading's and every row's columns
# shellcheck disable=SC2059 # the format is the constant above
printf "$TABLE_ROW" scenario metric mosquitto roost roost/mosq "per round"
rows=$(awk -F'\t' '{ print $2 "\t" $4 }' "$RESULTS" | awk '!seen[$0]++')
while IFS=$'\t' read -r scenario metric; do
    [[ -z "$scenario" ]] && continue
    m=$(awk -F'\t' -v s="$scenario" -v k="$metric" '$1 == "mosquitto" && $2 == s && $4 == k { print $5 }' "$RESULTS" | median)
    r=$(awk -F'\t' -v s="$scenario" -v k="$metric" '$1 == "roost" && $2 == s && $4 == k { print $5 }' "$RESULTS" | median)
    ratio=$(awk -v m="$m" -v r="$r" 'BEGIN { if (m == "NA" || r == "NA" || m + 0 == 0) print "NA"; else printf "%.2f", r / m }')
    # shellcheck disable=SC2059
    printf "$TABLE_ROW" "$scenario" "$metric" "$m" "$r" "$ratio" \
        "$(round_ratio_range "$scenario" "$metric")"
done <<< "$rows"
