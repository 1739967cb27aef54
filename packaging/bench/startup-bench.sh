#!/usr/bin/env bash
# Start-up benchmark: median wall time, CPU (user+sys) and peak RSS of a JVM hello world and of
# `isn --version`, `isn info vim`, `isn install vim` (fresh root, the README's sample repository)
# and `isn remove vim`, interleaved round by round, with each isn figure as a ratio to hello world
# measured in the same run on the same JVM. By default it runs the shipped form, the runtime image
# (isn-cli/target/isn-image/bin/isn, whose JVM also runs hello world); ISN=path/to/isn picks
# another launcher (then hello world runs on $JAVA_HOME/bin/java or the java on PATH).
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
run_one() { # command -> prints "wall_ms cpu_ms rss_kib"
    local t="$work/time" fmt="%e %U %S %M"
    case "$1" in
        hello) /usr/bin/time -f "$fmt" -o "$t" "$java" -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto \
            -cp "$work/hello" Hello >/dev/null 2>&1 ;;
        version) /usr/bin/time -f "$fmt" -o "$t" "$isn" --version >/dev/null 2>&1 ;;
        info) /usr/bin/time -f "$fmt" -o "$t" "$isn" --root "$work/installed" info vim >/dev/null 2>&1 ;;
        install) # a fresh root, as `apk --initdb add` in a Dockerfile: the index is read too
            rm -rf "$work/root"
            /usr/bin/time -f "$fmt" -o "$t" "$isn" --root "$work/root" --initdb --keys-dir "$work/trusted" \
                -X "file://$work/repo" --no-progress install vim >/dev/null 2>&1 ;;
        remove) /usr/bin/time -f "$fmt" -o "$t" "$isn" --root "$work/root" --no-progress remove vim \
            >/dev/null 2>&1 ;;
    esac
    awk '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4}' "$t"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
    for c in "${commands[@]}"; do
        read -r wall cpu rss < <(run_one "$c")
        echo "$c $wall $cpu $rss" >>"$work/raw"
    done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

echo "isn: $isn"
echo "JVM: $(head -1 "$work/jvm")"
printf '%s rounds; load average %s at the start, %s at the end\n' "$rounds" "$load_start" "$load_end"
printf '%-10s %9s %8s %9s %8s %12s\n' command "wall ms" "x hello" "CPU ms" "x hello" "peak RSS MiB"
hello_wall=$(awk '$1 == "hello" {print $2}' "$work/raw" | median)
hello_cpu=$(awk '$1 == "hello" {print $3}' "$work/raw" | median)
for c in "${commands[@]}"; do
    wall=$(awk -v c="$c" '$1 == c {print $2}' "$work/raw" | median)
    cpu=$(awk -v c="$c" '$1 == c {print $3}' "$work/raw" | median)
    rss=$(awk -v c="$c" '$1 == c && $4 > m {m = $4} END {printf "%.1f", m / 1024}' "$work/raw")
    printf '%-10s %9s %8s %9s %8s %12s\n' "$c" "$wall" \
        "$(awk -v a="$wall" -v b="$hello_wall" 'BEGIN {printf "%.2f", a / b}')" "$cpu" \
        "$(awk -v a="$cpu" -v b="$hello_cpu" 'BEGIN {printf "%.2f", a / b}')" "$rss"
done
