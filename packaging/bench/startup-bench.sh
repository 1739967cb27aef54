#!/usr/bin/env bash
# Start-up benchmark of the built launcher: median wall and CPU (user+sys) of `isn --version`,
# `isn info vim` and `isn install vim` (fresh root, the README's sample repository), each with
# the launcher's defaults and with ISN_CDS=off / ISN_JAVA_OPTS overrides, interleaved.
# Usage: packaging/bench/startup-bench.sh [ROUNDS]      (see docs/benchmarks.md#start-up)
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
isn="$top/packaging/bin/isn"
rounds="${1:-7}"
work=$(mktemp -d "${TMPDIR:-/tmp}/isn-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A signed copy of the sample repository, as packaging/demo.sh makes it.
mkdir -p "$work/keys" "$work/trusted" "$work/repo"
"$isn" keygen bench -o "$work/keys" >/dev/null 2>&1
cp "$work/keys/bench.pub" "$work/trusted/"
SOURCE_DATE_EPOCH=1767225600 "$isn" pack "$top"/packaging/sample-repo/*/ -o "$work/repo" \
    --key "$work/keys/bench.sec" >/dev/null 2>&1
"$isn" index "$work/repo" --key "$work/keys/bench.sec" --name bench >/dev/null 2>&1
"$isn" --root "$work/installed" --initdb --keys-dir "$work/trusted" -X "file://$work/repo" \
    install vim >/dev/null 2>&1

# The launcher's defaults; without the class-data archive; and also with the JDK's own C2
# thresholds (ISN_JAVA_OPTS comes after the launcher's options, so it wins).
variants=(default no-cds no-cds-jdk-jit)
jdk_jit="-XX:Tier4InvocationThreshold=5000 -XX:Tier4MinInvocationThreshold=600 -XX:Tier4CompileThreshold=15000 -XX:Tier4BackEdgeThreshold=40000"
commands=(version info install)

run_one() { # command -> prints "wall cpu" in ms
    local t="$work/time"
    case "$1" in
        version) /usr/bin/time -f "%e %U %S" -o "$t" "$isn" --version >/dev/null 2>&1 ;;
        info) /usr/bin/time -f "%e %U %S" -o "$t" "$isn" --root "$work/installed" info vim >/dev/null 2>&1 ;;
        install)
            rm -rf "$work/root"
            /usr/bin/time -f "%e %U %S" -o "$t" "$isn" --root "$work/root" --initdb --keys-dir "$work/trusted" \
                -X "file://$work/repo" install vim >/dev/null 2>&1 ;;
    esac
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$t"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

for r in $(seq "$rounds"); do
    for name in "${variants[@]}"; do
        case "$name" in
            default) cds="" opts="" ;;
            no-cds) cds=off opts="" ;;
            no-cds-jdk-jit) cds=off opts="$jdk_jit" ;;
        esac
        for c in "${commands[@]}"; do
            read -r wall cpu < <(ISN_CDS="$cds" ISN_JAVA_OPTS="$opts" run_one "$c")
            echo "$name $c $wall $cpu" >>"$work/raw"
        done
    done
done

printf '%-20s %-8s %10s %10s   (%s rounds, load average %s)\n' variant command "wall ms" "CPU ms" \
    "$rounds" "$(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${variants[@]}"; do
    for c in "${commands[@]}"; do
        wall=$(awk -v n="$name" -v c="$c" '$1 == n && $2 == c {print $3}' "$work/raw" | median)
        cpu=$(awk -v n="$name" -v c="$c" '$1 == n && $2 == c {print $4}' "$work/raw" | median)
        printf '%-20s %-8s %10s %10s\n' "$name" "$c" "$wall" "$cpu"
    done
done
