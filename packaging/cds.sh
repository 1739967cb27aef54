#!/usr/bin/env bash
# Builds isn's class-data sharing archive (isn-cli/target/isn.jsa): the JVM maps the classes a
# command needs, already parsed and verified, instead of loading ~1,400 of them from jars on
# every run. Run by `mvn package` (isn-cli) after the jar and lib/ are final; skip it with
# -Disn.cds.skip=true. It trains on a throw-away copy of the README's main job (keygen, pack,
# index, verify, install, queries, upgrade, remove, --json), merges the class lists of those
# runs, and dumps one static archive for the JVM the launcher would use. The launcher only
# passes the archive to the same JVM and the same jar it was made for (isn.jsa.stamp), so a
# stale archive is never used. Failure here is never fatal: isn just starts slower.
# Usage: packaging/cds.sh [LAUNCHER]: the source tree's packaging/bin/isn by default, or the
# runtime image's bin/isn (packaging/image.sh), whose archive goes into the image's app/.
set -uo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
isn="${1:-$top/packaging/bin/isn}"
if [ -f "$(dirname "$isn")/../app/isn-cli.jar" ]; then
    target=$(cd "$(dirname "$isn")/../app" && pwd)
else
    target="$top/isn-cli/target"
fi
archive="$target/isn.jsa"
rm -f "$archive" "$archive.stamp"

work=$(mktemp -d "${TMPDIR:-/tmp}/isn-cds.XXXXXX")
trap 'rm -rf "$work"' EXIT
lists="$work/lists"
mkdir -p "$lists" "$work/keys" "$work/trusted" "$work/repo"
n=0

# One isn run recording the classes it loads; its output is only kept for the failure report.
train() {
    n=$((n + 1))
    ISN_CDS=off ISN_JAVA_OPTS="-XX:DumpLoadedClassList=$lists/$n.lst" "$isn" "$@" >"$work/out" 2>&1 || {
        # Refusals are part of the training (they load the error paths); only a crash matters.
        rc=$?
        if [ "$rc" -ge 70 ]; then
            echo "isn-cds: 'isn $*' failed ($rc); no archive built" >&2
            cat "$work/out" >&2
            exit 0
        fi
    }
}

fail() {
    echo "isn-cds: $*; no archive built (isn works, it only starts slower)" >&2
    exit 0
}

[ -f "$target/isn-cli.jar" ] || fail "isn-cli.jar is not built"
export SOURCE_DATE_EPOCH=1767225600
root="$work/root"
repo="file://$work/repo"
common=(--root "$root" --keys-dir "$work/trusted" --no-progress)
train --help
train --version
train keygen cds -o "$work/keys"
cp "$work/keys/cds.pub" "$work/trusted/" || fail "keygen made no key"
train pack "$top"/packaging/sample-repo/*/ -o "$work/repo" --key "$work/keys/cds.sec"
train index "$work/repo" --key "$work/keys/cds.sec" --name cds
train verify --keys-dir "$work/trusted" "$work/repo"/*.isn "$work/repo/index.json"
train "${common[@]}" --initdb --repository "$repo" install vim
train "${common[@]}" --json install --dry-run xxd
train "${common[@]}" install no-such-package
train "${common[@]}" update
train "${common[@]}" info vim
train "${common[@]}" --json list --installed
train "${common[@]}" search vi
train "${common[@]}" owner /usr/bin/vim
train "${common[@]}" files vim
train "${common[@]}" upgrade
train "${common[@]}" fix
train "${common[@]}" remove vim

# Keep the first occurrence of each line: the lists overlap, and order only matters within one.
# Lambdas implementing picocli's interfaces are left out: picocli's classes are Java 5 class files,
# which the JVM can only archive unlinked, and spinning such a lambda at dump time links its
# interface, so the interface (and the jar lookups that loading it from lib/ costs, ~60 ms) would
# fall out of the archive. Those few lambdas are spun at run time instead.
awk '!seen[$0]++' "$lists"/*.lst | grep -Ev '^@lambda-proxy [^ ]+ [^ ]+ \([^)]*\)Lpicocli/' >"$work/classes.lst"
ISN_CDS=off ISN_JAVA_OPTS="-Xshare:dump -XX:SharedClassListFile=$work/classes.lst -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$isn" >"$work/dump.log" 2>&1 || {
    cat "$work/dump.log" >&2
    rm -f "$archive"
    fail "the JVM could not dump the archive"
}
[ -s "$archive" ] || fail "the JVM wrote no archive"
ISN_CDS=stamp "$isn" >"$archive.stamp" || fail "could not stamp the archive"
echo "isn-cds: $(wc -l <"$work/classes.lst") classes from $n runs in $archive ($(du -h "$archive" | cut -f1))" >&2
