#!/usr/bin/env bash
# Builds the self-contained runtime image of isn (isn-cli/target/isn-image): a JVM cut by jlink
# to the modules isn uses, the launcher (bin/isn), the jars (app/), the SQLite native library
# unpacked (app/native/) and a class-data archive trained in the image (app/isn.jsa). Run by
# `mvn package` (isn-cli) after the jar and lib/ are final; skip it with -Disn.image.skip=true.
# Usage: packaging/image.sh [JDK_HOME]   (default: the JDK running Maven, else JAVA_HOME)
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
target="$top/isn-cli/target"
jdk="${1:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}}"
image="$target/isn-image"

[ -f "$target/isn-cli.jar" ] || { echo "isn-image: isn-cli.jar is not built" >&2; exit 1; }
# java.sql: sqlite-jdbc; java.net.http: repositories over HTTP(S); jdk.crypto.ec: the ECDHE key
# exchange most HTTPS servers need; java.naming: sqlite-jdbc's DataSource; jdk.unsupported:
# sun.misc.Signal, so Ctrl-C stops a command cleanly (docs/transactions.md). Not java.desktop
# (Jackson only probes java.beans) nor jdk.localedata (isn prints English, numbers in ROOT).
modules=java.base,java.sql,java.net.http,java.naming,jdk.crypto.ec,jdk.unsupported
rm -rf "$image"
strip=""
command -v objcopy >/dev/null && strip=--strip-native-debug-symbols=exclude-debuginfo-files
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug $strip --no-header-files --no-man-pages \
    --output "$image"
mkdir -p "$image/app/lib"
cp "$target/isn-cli.jar" "$image/app/"
cp "$target"/lib/*.jar "$image/app/lib/"
# isn's own man pages (generated from the picocli model at build time): MANPATH=$image/share/man.
mkdir -p "$image/share/man/man1"
cp "$target"/man/*.1 "$image/share/man/man1/"
# The launcher points sqlite-jdbc at the unpacked library of this machine's architecture (glibc
# and musl); the copies for every other platform inside its jar (12 MB) are left out.
case "$(uname -m)" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) arch="" ;;
esac
for libc in Linux Linux-Musl; do
    if [ -n "$arch" ] && [ -d "$target/native/org/sqlite/native/$libc/$arch" ]; then
        mkdir -p "$image/app/native/org/sqlite/native/$libc"
        cp -r "$target/native/org/sqlite/native/$libc/$arch" "$image/app/native/org/sqlite/native/$libc/"
    fi
done
if [ -n "$arch" ]; then
    sqlite=$(ls "$image"/app/lib/sqlite-jdbc-*.jar)
    python3 - "$sqlite" <<'PY'
import sys, zipfile, os
src = sys.argv[1]; tmp = src + ".tmp"
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        if not item.filename.startswith("org/sqlite/native/"):
            zout.writestr(item, zin.read(item.filename))
os.replace(tmp, src)
PY
fi
cp "$top/packaging/bin/isn" "$image/bin/isn"
bash "$top/packaging/cds.sh" "$image/bin/isn"
echo "isn-image: $image ($(du -sh "$image" | cut -f1); modules $modules)" >&2
