#!/usr/bin/env bash
# Installs Debian's PostgreSQL for the `postgres` test project and `npm run db:postgres` (FerretDB on
# PostgreSQL). Only the programs are needed (initdb, postgres): the tests make their own throw-away cluster.
set -euo pipefail
found_initdb() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1
}
version() {
  local initdb
  initdb="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  "${initdb:-initdb}" --version 2>/dev/null || echo postgresql
}
if found_initdb; then
  echo "setup:postgres: $(version) is installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq postgresql >/dev/null
echo "setup:postgres: installed $(version)"
