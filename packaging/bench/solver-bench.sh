#!/usr/bin/env bash
# Solver benchmark on the Debian bookworm dataset: load, resolve vim / build-essential /
# gnome-core from an empty system, peak heap, all under -Xmx128m. See docs/solver.md.
# Usage: packaging/bench/solver-bench.sh [DATASET] [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dataset="${1:-$root/../shared/datasets/debian-bookworm.jsonl.gz}"
rounds="${2:-5}"
if [ ! -f "$root/isn-bench/target/isn-bench.jar" ]; then
    (cd "$root" && mvn -B -q -ntp -pl isn-bench -am package -DskipTests)
fi
java_bin="${ISN_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
exec "$java_bin" -Xmx128m -XX:+UseSerialGC -jar "$root/isn-bench/target/isn-bench.jar" "$dataset" "$rounds"
