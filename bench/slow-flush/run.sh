#!/usr/bin/env bash
# Runs a benchmark main (as bench/run.sh does) with every fsync/fdatasync of the JVM slowed by SLOW_FLUSH_US
# microseconds (default 2000): a model of an SD card's flush, for the seal benchmark (docs/benchmarks.md).
#   bench/slow-flush/run.sh MODULE CLASS [ARGS...]          e.g. SLOW_FLUSH_US=2000 bench/slow-flush/run.sh \
#       offline-store org.onetrip.store.bench.SealBenchmark /tmp/sealbench 1000 1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../../target/slow-flush.so"
mkdir -p "$(dirname "$lib")"
command -v gcc >/dev/null || { echo "slow-flush: gcc is missing: apt-get install gcc libc6-dev" >&2; exit 2; }
[ "$lib" -nt "$here/slow-flush.c" ] || gcc -O2 -shared -fPIC -o "$lib" "$here/slow-flush.c" -ldl
export SLOW_FLUSH_US="${SLOW_FLUSH_US:-2000}"
LD_PRELOAD="$lib" exec "$here/../run.sh" "$@"
