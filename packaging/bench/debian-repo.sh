#!/usr/bin/env bash
# End-to-end scale run on the Debian bookworm graph (../shared/datasets): one metadata-only
# package per dataset line (65,518), packed with `isn pack`, indexed with `isn index`, then
# `isn install --dry-run --json` of vim, build-essential and gnome-core on a fresh root.
# Prints wall times and peak RSS (GNU time) of each step. See docs/benchmarks.md.
# Usage: packaging/bench/debian-repo.sh [DATASET] [WORKDIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dataset="${1:-$root/../shared/datasets/debian-bookworm.jsonl.gz}"
work="${2:-$(mktemp -d)}"
isn="$root/packaging/bin/isn"
[ -f "$root/isn-cli/target/isn-cli.jar" ] || (cd "$root" && mvn -B -q -ntp -DskipTests package)
rm -rf "$work/src" "$work/repo" "$work/root" "$work/keys"
mkdir -p "$work/src" "$work/repo" "$work/keys"

# One PKGINFO per line: depends (Pre-Depends, Depends, then Conflicts/Breaks as !name), provides.
python3 - "$dataset" "$work/src" >"$work/dirs.txt" <<'PY'
import gzip, json, os, sys
seen = set()
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    p = json.loads(line)
    ident = p["name"] + "-" + p["version"]
    if ident in seen:
        continue
    seen.add(ident)
    d = os.path.join(sys.argv[2], ident)
    os.mkdir(d)
    with open(os.path.join(d, "PKGINFO"), "w", encoding="utf-8") as f:
        f.write("name = %s\nversion = %s\narchitecture = %s\ndescription = %s\n"
                % (p["name"], p["version"], p["architecture"], p["description"].strip() or p["name"]))
        for v in p["depends"] + p["conflicts"]:
            f.write("depends = %s\n" % v)
        for v in p["provides"]:
            f.write("provides = %s\n" % v)
    print(d)
PY
echo "packages: $(wc -l <"$work/dirs.txt"), largest PKGINFO: $(find "$work/src" -name PKGINFO -printf '%s %h\n' | sort -n | tail -1)"

timed() { # LABEL CMD... : prints "LABEL: S s, peak RSS M MB", the command's stdout to $work/LABEL.out
  local label=$1; shift
  local rc=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$label.out" 2>"$work/$label.err" || rc=$?
  read -r secs kb <"$work/time" || true
  printf '%-28s %7.1f s  peak RSS %5d MB  exit %d\n' "$label:" "${secs##* }" "$((${kb:-0} / 1024))" "$rc"
}

"$isn" keygen bench -o "$work/keys" >/dev/null
export SOURCE_DATE_EPOCH=1700000000
timed pack "$isn" pack @"$work/dirs.txt" -o "$work/repo" --key "$work/keys/bench.sec"
timed index "$isn" index "$work/repo" --key "$work/keys/bench.sec" --expires 30d
mkdir -p "$work/trusted" && cp "$work/keys/bench.pub" "$work/trusted/"
for pkg in vim build-essential gnome-core; do
    rm -rf "$work/root"
    # A fresh root parses the 65k index (no derived cache yet): more than the launcher's 64 MB heap
    # (docs/benchmarks.md, "The 65,518-package index").
    ISN_JAVA_OPTS="${ISN_JAVA_OPTS:--Xmx128m}" timed "dry-run $pkg" "$isn" --root "$work/root" --initdb --keys-dir "$work/trusted" \
        -X "file://$work/repo" install --dry-run --json "$pkg"
    python3 - "$work/dry-run $pkg.out" <<'PY' || head -c 600 "$work/dry-run $pkg.err"
import json, sys
plan = json.load(open(sys.argv[1]))
changes = plan.get("changes") or plan.get("plan", {}).get("changes") or []
print("    %d packages planned" % len(changes))
PY
done
echo "work directory: $work"
