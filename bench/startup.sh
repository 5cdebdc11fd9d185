#!/usr/bin/env bash
# Issue 11's paired start-up benchmark: OneTrip's demo (all modules) against a minimal Vaadin 25 app on the Spring
# Boot starter (bench/spring-starter), alternating, each to its first rendered page in headless Chromium, with the
# JVM's resident set size at that moment.
#   bench/startup.sh [PAIRS=7] [extra JVM flags for OneTrip...]
# OneTrip runs with the flags its .deb uses (packaging/src/deb/etc/kiosk.conf's ONETRIP_JAVA_OPTS, read here, with
# MALLOC_ARENA_MAX=2 as onetrip.service sets it) unless ONETRIP_BENCH_FLAGS overrides them. The starter runs as its template generates it: plain `java -jar`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pairs="${1:-7}"; shift || true
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r | while read -r d; do
    v="$("$d/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')"; [ -n "$v" ] && [ "$v" -ge 21 ] && { echo "${d%/}"; break; }; done)"
  export JAVA_HOME
fi
cd "$root"
echo "building the Spring Boot starter app (bench/spring-starter) and OneTrip's kiosk jar..." >&2
mvn -B -q -f bench/spring-starter/pom.xml package -DskipTests >/dev/null
mvn -B -q -o -pl kiosk-app -am package -DskipTests >/dev/null
flags="${ONETRIP_BENCH_FLAGS-$(sed -nE 's/^ONETRIP_JAVA_OPTS="?([^"]*)"?$/\1/p' packaging/src/deb/etc/kiosk.conf)}"
cds_dir="$(mktemp -d)"
# shellcheck disable=SC2086
flags="${flags//@CDS@/$cds_dir/onetrip.jsa}"
# the .deb's archive lives under /var/lib/onetrip; the benchmark's in a fresh temporary directory
flags="$(printf '%s' "$flags" | sed -E "s#-XX:SharedArchiveFile=[^ ]*#-XX:SharedArchiveFile=$cds_dir/onetrip.jsa#")"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "onetrip flags: --enable-native-access=ALL-UNNAMED $flags $*"
# shellcheck disable=SC2086
exec bench/run.sh kiosk-app org.onetrip.kiosk.bench.StartupBenchmark "$pairs" "$JAVA_HOME/bin/java" \
  "$root/bench/spring-starter/target/spring-starter.jar" "$root/kiosk-app/target/onetrip-kiosk.jar:$root/kiosk-app/target/lib/*" \
  --enable-native-access=ALL-UNNAMED $flags "$@"
