#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL cluster on 127.0.0.1 for tests.
#
#   eval "$(scripts/postgres-cluster.sh start)"   # exports HUIKUAN_TEST_DATABASE_URL and PG_CLUSTER_DIR
#   scripts/postgres-cluster.sh stop "$PG_CLUSTER_DIR"
#
# Finds initdb and pg_ctl on PATH, in /usr/local/bin or in Debian's
# /usr/lib/postgresql/<version>/bin. PostgreSQL refuses to run as root, so
# as root the cluster runs as the `postgres` user (created if missing) from
# a temporary folder it owns. `start` exits with status 3, printing nothing
# on stdout, when no PostgreSQL binaries are installed.
set -euo pipefail
# The cluster owner may not be able to read the working folder.
cd /tmp

find_bin_dir() {
  local candidate
  for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" \
    /usr/local/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Runs a command as the cluster owner: postgres when we are root, else us.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

start() {
  local bin dir port
  if ! bin=$(find_bin_dir); then
    echo "PostgreSQL not found: no initdb on PATH, in /usr/local/bin or /usr/lib/postgresql/*/bin" >&2
    exit 3
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
  dir=$(mktemp -d /tmp/huikuan-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(free_port)
  # C locale: text sorts by code point, as SQLite's default collation does.
  as_owner "$bin/initdb" -D "$dir/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export PG_CLUSTER_DIR=$dir"
  echo "export HUIKUAN_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=${1:?usage: postgres-cluster.sh stop <cluster folder>} bin
  bin=$(find_bin_dir) || exit 0
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop <cluster folder>" >&2; exit 2 ;;
esac
