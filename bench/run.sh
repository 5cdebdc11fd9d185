#!/usr/bin/env bash
# Runs a benchmark main of one module: bench/run.sh MODULE FULLY.QUALIFIED.Benchmark [args...]
# Benchmarks are plain main classes in the module's test sources (package ….bench); they print their results,
# which go, with the command that produced them, into docs/benchmarks.md.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: bench/run.sh MODULE CLASS [ARGS...]" >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
module="$1"; shift
class="$1"; shift
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r | while read -r d; do
    v="$("$d/bin/java" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p')"; [ -n "$v" ] && [ "$v" -ge 21 ] && { echo "${d%/}"; break; }; done)"
  export JAVA_HOME
fi
cd "$root"
cp_file="$root/$module/target/bench.classpath"
mvn -B -q -o -pl "$module" -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} \
  -cp "$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$cp_file")" "$class" "$@"
