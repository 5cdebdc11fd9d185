#!/usr/bin/env bash
# The journey benchmark's two standard runs (docs/benchmarks.md, "Resident journeys: server time per request,
# memory"): issue 7's 200 journeys with -Xmx256m, and issue 11's 500 with -Xmx128m, RSS taken after 50 and at
# every 100. Each run starts its own kiosk JVM and one headless Chromium; run them one after the other on a quiet
# machine. Extra JVM flags for the kiosk: JOURNEY_JVM=-XX:+UseSerialGC,-XX:TieredStopAtLevel=1 bench/journeys.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jvm=(); [ -n "${JOURNEY_JVM:-}" ] && jvm=(--jvm "$JOURNEY_JVM")
uptime
"$root/bench/run.sh" kiosk-app org.onetrip.kiosk.bench.JourneyBenchmark --journeys 200 --xmx 256m \
  --checkpoints 50,100,200 "${jvm[@]}"
uptime
"$root/bench/run.sh" kiosk-app org.onetrip.kiosk.bench.JourneyBenchmark --journeys 500 --xmx 128m \
  --checkpoints 50,100,200,300,400,500 "${jvm[@]}"
uptime
