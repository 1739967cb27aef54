#!/usr/bin/env bash
# Start-up benchmark: median wall time, CPU (user+sys) and peak RSS of a JVM hello world and of
# `isn --version`, `isn info vim`, `isn install vim` (fresh root, the README's sample repository)
# and `isn remove vim`, interleaved round by round, with each isn figure as a ratio to hello world
# measured in the same run on the same JVM. By default it runs the shipped form, the runtime image
# (isn-cli/target/isn-image/bin/isn, whose JVM also runs hello world); ISN=path/to/isn picks
# another launcher (then hello world runs on $JAVA_HOME/bin/java or the java on PATH).
# ISN_BEFORE=path/to/other/bin/isn (for example a copy of an older image, its class-data archive
# rebuilt for the new place with packaging/cds.sh) runs the same commands with that launcher too,
# interleaved with the first, for a before/after comparison under the same load.
# Wall time comes from bash's EPOCHREALTIME and CPU from `times` (both to the millisecond; GNU
# time's own figures are in 10 ms steps, a tenth of hello world); peak RSS from GNU time.
# Usage: packaging/bench/startup-bench.sh [ROUNDS]      (see docs/benchmarks.md#start-up)
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
image="$top/isn-cli/target/isn-image"
isn="${ISN:-$image/bin/isn}"
if [ -z "${ISN:-}" ]; then
    java="$image/bin/java"
elif [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"
else
    java=java
fi
rounds="${1:-7}"
work=$(mktemp -d "${TMPDIR:-/tmp}/isn-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT
launchers=(after)
declare -A launcher=([after]="$isn")
if [ -n "${ISN_BEFORE:-}" ]; then
    launchers=(before after)
    launcher[before]="$ISN_BEFORE"
fi

# Hello world on the same JVM with the launcher's GC choice (the floor a JVM CLI can reach).
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
EOF
"$java" -version >"$work/jvm" 2>&1
(cd "$work/hello" && "$java" Hello.java >/dev/null 2>&1) || true # warm the page cache
javac_dir=$(dirname "$(readlink -f "$(command -v javac)")")
"$javac_dir/javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"

# A signed copy of the sample repository, as packaging/demo.sh makes it; an installed root for info.
mkdir -p "$work/keys" "$work/trusted" "$work/repo"
"$isn" keygen bench -o "$work/keys" >/dev/null 2>&1
cp "$work/keys/bench.pub" "$work/trusted/"
SOURCE_DATE_EPOCH=1767225600 "$isn" pack "$top"/packaging/sample-repo/*/ -o "$work/repo" \
    --key "$work/keys/bench.sec" >/dev/null 2>&1
"$isn" index "$work/repo" --key "$work/keys/bench.sec" --name bench >/dev/null 2>&1
"$isn" --root "$work/installed" --initdb --keys-dir "$work/trusted" -X "file://$work/repo" \
    install vim >/dev/null 2>&1

commands=(hello version info install remove)
run_one() { # launcher-label command -> prints "wall_ms cpu_ms rss_kib"
    local label=$1 cmd start end
    local isn=${launcher[$label]} root="$work/root-$label"
    case "$2" in
        hello) cmd=("$java" -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp "$work/hello" Hello) ;;
        version) cmd=("$isn" --version) ;;
        info) cmd=("$isn" --root "$work/installed" info vim) ;;
        install) # a fresh root, as `apk --initdb add` in a Dockerfile: the index is read too
            rm -rf "$root"
            cmd=("$isn" --root "$root" --initdb --keys-dir "$work/trusted" -X "file://$work/repo" --no-progress
                install vim) ;;
        remove) cmd=("$isn" --root "$root" --no-progress remove vim) ;;
    esac
    start=$EPOCHREALTIME
    (/usr/bin/time -f "%M" -o "$work/rss" "${cmd[@]}" >/dev/null 2>&1; times >"$work/times")
    end=$EPOCHREALTIME
    # `times`: the subshell's own line, then its children's "XmY.YYYs XmY.YYYs" (user, system).
    awk -v s="$start" -v e="$end" -v rss="$(cat "$work/rss")" 'NR == 2 {
            split($1, u, /[ms]/); split($2, y, /[ms]/)
            printf "%d %d %d\n", (e - s) * 1000, (u[1] * 60 + u[2] + y[1] * 60 + y[2]) * 1000, rss
        }' "$work/times"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
    for c in "${commands[@]}"; do
        for l in "${launchers[@]}"; do
            [ "$c" = hello ] && [ "$l" != "${launchers[0]}" ] && continue
            read -r wall cpu rss < <(run_one "$l" "$c")
            echo "$c $l $wall $cpu $rss" >>"$work/raw"
        done
    done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

for l in "${launchers[@]}"; do echo "isn ($l): ${launcher[$l]}"; done
echo "JVM: $(head -1 "$work/jvm")"
printf '%s rounds; load average %s at the start, %s at the end\n' "$rounds" "$load_start" "$load_end"
printf '%-8s %-7s %9s %8s %9s %8s %12s\n' command isn "wall ms" "x hello" "CPU ms" "x hello" "peak RSS MiB"
hello_wall=$(awk '$1 == "hello" {print $3}' "$work/raw" | median)
hello_cpu=$(awk '$1 == "hello" {print $4}' "$work/raw" | median)
for c in "${commands[@]}"; do
    for l in "${launchers[@]}"; do
        [ "$c" = hello ] && [ "$l" != "${launchers[0]}" ] && continue
        who=$l
        [ "$c" = hello ] && who="-"
        wall=$(awk -v c="$c" -v l="$l" '$1 == c && $2 == l {print $3}' "$work/raw" | median)
        cpu=$(awk -v c="$c" -v l="$l" '$1 == c && $2 == l {print $4}' "$work/raw" | median)
        rss=$(awk -v c="$c" -v l="$l" '$1 == c && $2 == l && $5 > m {m = $5} END {printf "%.1f", m / 1024}' \
            "$work/raw")
        printf '%-8s %-7s %9s %8s %9s %8s %12s\n' "$c" "$who" "$wall" \
            "$(awk -v a="$wall" -v b="$hello_wall" 'BEGIN {printf "%.2f", a / b}')" "$cpu" \
            "$(awk -v a="$cpu" -v b="$hello_cpu" 'BEGIN {printf "%.2f", a / b}')" "$rss"
    done
done
