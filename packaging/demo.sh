#!/usr/bin/env bash
# The README's main command: build isn, then run its main job on the bundled sample repository:
# generate a throw-away signing key, pack every package of packaging/sample-repo/, index and
# verify the repository, then install vim and its dependencies from it into a fresh root
# (build/demo/root), no privileges needed. Everything it makes lands in build/demo/
# (git-ignored); no secret key is ever committed.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$top"

step() { printf '\n==> %s\n' "$*" >&2; }

# ISN_DEMO_SKIP_BUILD=1 uses the launcher as built (the end-to-end test of this script does).
if [ -z "${ISN_DEMO_SKIP_BUILD:-}" ]; then
    step "Building isn (about a minute)"
    # Maven's console library prints colour resets even with -B -q; keep its output for a failure only.
    if ! build_log=$(mvn -B -q -ntp -Dstyle.color=never -DskipTests package 2>&1); then
        printf '%s\n' "$build_log" >&2
        exit 1
    fi
fi
isn=packaging/bin/isn
"$isn" --version

demo=${ISN_DEMO_DIR:-build/demo}
rm -rf "$demo"
mkdir -p "$demo/keys" "$demo/trusted" "$demo/repo"
demo_abs=$(cd "$demo" && pwd)

step "Generating a signing key (build/demo/keys/demo.sec, .pub)"
"$isn" keygen demo -o "$demo/keys"
cp "$demo/keys/demo.pub" "$demo/trusted/"

step "Packing the sample repository (packaging/sample-repo/*)"
# Fixed dates make the packages bit-identical from run to run.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1767225600}
"$isn" pack packaging/sample-repo/*/ -o "$demo/repo" --key "$demo/keys/demo.sec"

step "Indexing the repository (index.json + index.json.sig)"
"$isn" index "$demo/repo" --key "$demo/keys/demo.sec" --name sample --description "Kimigayo OS sample repository"

step "Verifying every package and the index against the trusted key"
"$isn" verify --keys-dir "$demo/trusted" "$demo"/repo/*.isn "$demo/repo/index.json"

step "Installing vim and its dependencies into a fresh root (build/demo/root)"
root="$demo/root"
started=$(date +%s%N)
"$isn" --root "$root" --initdb --keys-dir "$demo/trusted" --repository "file://$demo_abs/repo" install vim
install_ms=$(( ($(date +%s%N) - started) / 1000000 ))
"$isn" --root "$root" list
"$isn" --root "$root" owner /usr/bin/vim

step "Summary"
count=$(ls "$demo"/repo/*.isn | wc -l)
size=$(du -sh "$demo/repo" | cut -f1)
serial=$(sed -n 's/^  "serial": \([0-9]*\),$/\1/p' "$demo/repo/index.json")
expires=$(sed -n 's/^  "expires": "\(.*\)",$/\1/p' "$demo/repo/index.json")
cat >&2 <<SUMMARY
  repository:  $demo/repo ($count packages, $size)
  index:       $demo/repo/index.json, serial $serial, expires $expires
  signed by:   $demo/keys/demo.pub (trusted keys: $demo/trusted/)
  all packages and the index verified OK
  installed:   vim and its dependencies into $root in ${install_ms} ms (world: $(tr '\n' ' ' < "$root/etc/isn/world"))
SUMMARY
