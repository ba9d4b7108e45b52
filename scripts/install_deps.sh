#!/usr/bin/env bash
# Installs the Debian packages otc builds and tests with (run as root, or with sudo available).
set -euo pipefail
PKGS="build-essential cmake libcli11-dev libfccp-dev libfmt-dev catch2 libsqlite3-dev sqlite3 libpugixml-dev libssl-dev python3 libxlsxwriter-dev libpq-dev postgresql chromium clang unzip"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
