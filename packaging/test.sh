#!/usr/bin/env bash
# The README's test command: install what the test suite needs on a fresh Debian machine
# (nginx for repository tests, gpg for legacy signatures, signify and minisign for key interop,
# graphviz to render `isn dot` output, zsh to load `isn completion zsh`,
# dpkg's tools and apt for the real-Debian-package tests), then run every test with Maven.
# .ci/run calls exactly this script.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$top"

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v gpg >/dev/null 2>&1 || need+=(gnupg)
command -v signify-openbsd >/dev/null 2>&1 || need+=(signify-openbsd)
command -v minisign >/dev/null 2>&1 || need+=(minisign)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v zsh >/dev/null 2>&1 || need+=(zsh)
command -v dpkg-deb >/dev/null 2>&1 || need+=(dpkg)
# AttributesE2ETest runs isn as nobody with setpriv.
command -v setpriv >/dev/null 2>&1 || need+=(util-linux)
command -v mvn >/dev/null 2>&1 || need+=(maven)
[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/javac ] || command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
sudo=; [ "$(id -u)" = 0 ] || sudo="sudo -E"
if [ ${#need[@]} -gt 0 ]; then
    echo "==> installing test tools: ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
elif [ "${CI:-}" = true ] || ! ls /var/lib/apt/lists/*_Packages >/dev/null 2>&1; then
    # The real-package tests fetch .deb files with apt-get download: the lists must be fresh.
    $sudo apt-get update -q || echo "==> warning: apt-get update failed; real-package tests may fail" >&2
fi

# JDK 17 (the machine default) builds and runs isn (docs/user-guide.md, "The launcher and the JVM").
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/java-17-openjdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64
fi
# Plain log lines: no Maven colours in logs.
export MAVEN_OPTS="${MAVEN_OPTS:-} -Dstyle.color=never"
exec mvn -B -ntp verify "$@"
