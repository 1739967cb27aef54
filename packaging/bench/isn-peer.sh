# shellcheck shell=bash
# Peer adapter for ../shared/bench (see its README, "Adding a peer"): point BENCH_PEERS_EXTRA at
# this file and ISN at packaging/bin/isn. Two variants share the same packages and repository:
#   isn       isn's default under --root: --no-sync (no fsync; like apk with --root, dpkg_unsafe)
#   isn_sync  --sync: staged files, journal and directories fsynced before the renames (like dpkg)
# Packages are made by `isn pack` (signed) and indexed by `isn index`; the root trusts the key and
# reads the file:// repository in place. Versions are 1.0-r1 (apk spelling, like the apk peer).

isn_describe() { echo "isn $("${ISN}" --version 2>/dev/null | head -1 | sed "s/^isn //") (--no-sync)"; }
isn_sync_describe() { echo "isn $("${ISN}" --version 2>/dev/null | head -1 | sed "s/^isn //") (--sync)"; }
isn_available() { [ -n "${ISN:-}" ]; }
isn_sync_available() { isn_available; }
isn_sync_pkgdir() { echo "$PKG_BASE/isn/$1"; }

isn_build() { # W OUT
  local W=$1 out=$2 i name deps ver rel stage
  read -r ver rel < <(wl_version "$W")
  wl_load "$W"
  rm -rf "$out/repo" "$out/stage" "$out/keys"
  mkdir -p "$out/repo" "$out/stage" "$out/keys"
  run_untimed "$ISN" keygen bench -o "$out/keys" >/dev/null || return 1
  for i in "${!PKG_NAMES[@]}"; do
    name=${PKG_NAMES[$i]}; deps=${PKG_DEPS[$i]}
    stage=$out/stage/$name
    stage_tree "$W" "$name" "$stage"
    {
      echo "name = $name"
      echo "version = $ver-r$rel"
      echo "architecture = noarch"
      echo "description = benchmark package $name"
      [ -n "$deps" ] && echo "depends = ${deps//,/ }"
    } >"$stage/PKGINFO"
  done
  (cd "$out/stage" && printf '%s\n' "${PKG_NAMES[@]}") | sed "s#^#$out/stage/#" >"$out/dirs.txt"
  SOURCE_DATE_EPOCH=1700000000 run_untimed "$ISN" pack @"$out/dirs.txt" -o "$out/repo" --key "$out/keys/bench.sec" >/dev/null || return 1
  run_untimed "$ISN" index "$out/repo" --key "$out/keys/bench.sec" --expires 365d >/dev/null || return 1
  rm -rf "$out/stage"
}
isn_sync_build() { isn_build "$@"; }

isn_setup() { # W ROOT
  local repo
  repo=$(peer_pkgdir isn "$1")/repo
  # -X and --keys-dir are for one command only (as apk's): the timed commands need the repository
  # and its key configured in the root, as a Dockerfile's base image would have them.
  mkdir -p "$2/etc/isn/keys"
  cp "$(dirname "$repo")/keys/bench.pub" "$2/etc/isn/keys/"
  chmod 0644 "$2/etc/isn/keys/bench.pub"
  echo "file://$repo" >"$2/etc/isn/repositories"
  run_untimed "$ISN" --root "$2" --initdb update >/dev/null 2>&1
}
isn_sync_setup() { isn_setup "$@"; }

isn_install_cmd() { # W ROOT
  # shellcheck disable=SC2207
  CMD=("$ISN" --root "$2" --no-progress --no-sync install $(wl_names "$1"))
}
isn_sync_install_cmd() {
  # shellcheck disable=SC2207
  CMD=("$ISN" --root "$2" --no-progress --sync install $(wl_names "$1"))
}
isn_remove_cmd() { # W ROOT
  # shellcheck disable=SC2207
  CMD=("$ISN" --root "$2" --no-progress --no-sync remove $(wl_names "$1"))
}
isn_sync_remove_cmd() {
  # shellcheck disable=SC2207
  CMD=("$ISN" --root "$2" --no-progress --sync remove $(wl_names "$1"))
}
