#!/usr/bin/env bash
# Peak RSS and wall time of the index path at two scales, one session: `isn update` (unchanged
# index), `isn install --dry-run vim` and `--dry-run gnome-core` on a root whose index is already
# fetched from the 65,518-package Debian repository (built by debian-repo.sh, WORKDIR/repo), and
# `install --dry-run vim` on the sample repository (packaging/demo.sh, build/demo/repo).
# Then the read-only queries (info, search, search -d, policy) on the 65k root, and a dry run on a
# root that never ran `update`. Prints the median wall time and the median and maximum peak RSS
# (GNU time) of N runs each.
# Usage: packaging/bench/index-rss.sh DEBIAN_WORKDIR [N]     (see docs/benchmarks.md)
# ISN_JAVA_OPTS applies to every command; PREPARE_JAVA_OPTS, if set, to the first update only
# (which, since the streamed derivation, fits the launcher's 64 MB heap too).
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(cd "$1" && pwd)
runs=${2:-3}
isn="$top/packaging/bin/isn"
demo="$top/build/demo"
[ -f "$work/repo/index.json" ] || { echo "no $work/repo/index.json: run debian-repo.sh first" >&2; exit 2; }
[ -f "$demo/repo/index.json" ] || { echo "no $demo/repo/index.json: run packaging/demo.sh first" >&2; exit 2; }

# ROOT REPO KEYS: a fresh root with REPO configured and KEYS trusted, its index fetched once.
prepare() {
    rm -rf "$1"
    mkdir -p "$1/etc/isn/keys"
    cp "$3"/*.pub "$1/etc/isn/keys/"
    echo "file://$2" >"$1/etc/isn/repositories"
    ISN_JAVA_OPTS="${PREPARE_JAVA_OPTS:-${ISN_JAVA_OPTS:-}}" "$isn" --root "$1" --initdb update >/dev/null
}

# LABEL CMD...: N runs; prints "LABEL  median wall s  median/max RSS MiB  exit".
measure() {
    local label=$1; shift
    local walls=() rsss=() rc=0
    for _ in $(seq "$runs"); do
        rc=0
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || rc=$?
        read -r secs kb < <(tail -1 "$work/time")
        walls+=("$secs"); rsss+=("$((kb / 1024))")
    done
    local mw mr xr
    mw=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    mr=$(printf '%s\n' "${rsss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    xr=$(printf '%s\n' "${rsss[@]}" | sort -n | tail -1)
    printf '%-34s %7.2f s  RSS %4d / %4d MiB  exit %d  (walls: %s)\n' "$label" "$mw" "$mr" "$xr" "$rc" "${walls[*]}"
}

mkdir -p "$work/trusted" && cp "$work/keys/"*.pub "$work/trusted/"
prepare "$work/bench-root" "$work/repo" "$work/trusted"
prepare "$demo/bench-root" "$demo/repo" "$demo/trusted"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   ISN_JAVA_OPTS=${ISN_JAVA_OPTS:-}"
measure "65k update (unchanged)" "$isn" --root "$work/bench-root" update
measure "65k install --dry-run vim" "$isn" --root "$work/bench-root" install --dry-run vim
measure "65k install --dry-run gnome-core" "$isn" --root "$work/bench-root" install --dry-run gnome-core
measure "sample install --dry-run vim" "$isn" --root "$demo/bench-root" install --dry-run vim
# The read-only queries on the 65k index (each decodes only what it needs, or a slice at a time).
measure "65k info vim" "$isn" --root "$work/bench-root" info vim
measure "65k search vim" "$isn" --root "$work/bench-root" search vim
measure "65k search -d editor" "$isn" --root "$work/bench-root" search -d editor
measure "65k policy vim" "$isn" --root "$work/bench-root" policy vim
# A root that never ran `update`: the dry run reads the index through a private compact form.
rm -rf "$work/fresh-root" && mkdir -p "$work/fresh-root/etc/isn/keys"
cp "$work/trusted/"*.pub "$work/fresh-root/etc/isn/keys/"
echo "file://$work/repo" >"$work/fresh-root/etc/isn/repositories"
measure "65k dry-run vim, root never updated" "$isn" --root "$work/fresh-root" --initdb install --dry-run vim
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
