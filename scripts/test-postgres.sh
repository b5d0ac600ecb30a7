#!/usr/bin/env bash
# `npm run test:pg`: the integration suite against PostgreSQL. It uses the
# server in HUIKUAN_TEST_DATABASE_URL when set, where each test context
# creates and drops a database of its own. Otherwise it starts a throwaway
# local cluster and stops it afterwards. With no PostgreSQL installed it
# reports the suite as skipped and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${HUIKUAN_TEST_DATABASE_URL:-}" ]; then
  set +e
  cluster=$(scripts/postgres-cluster.sh start)
  status=$?
  set -e
  if [ "$status" = 3 ]; then
    echo "SKIPPED: PostgreSQL integration tests not run: HUIKUAN_TEST_DATABASE_URL is unset and no PostgreSQL is installed (apt-get install postgresql)."
    exit 0
  fi
  [ "$status" = 0 ] || exit "$status"
  eval "$cluster"
  trap 'scripts/postgres-cluster.sh stop "$PG_CLUSTER_DIR"' EXIT
fi

export VITE_CONFIG_NATIVE_IGNORE_WARNING=true
npx vitest run --config vitest.pg.config.ts "$@"
