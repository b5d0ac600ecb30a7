import { defineConfig } from "vitest/config";

import baseConfig from "./vitest.config";

/**
 * The integration suite against PostgreSQL (`npm run test:pg`): every test
 * context gets a fresh database on the server in HUIKUAN_TEST_DATABASE_URL,
 * copied from a template migrated once per run and dropped after its file.
 * Spread rather than mergeConfig, which would append to the base include list.
 */
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    include: ["tests/integration/**/*.test.{ts,tsx}"],
    // Backup and restore copy the SQLite file; on PostgreSQL they are
    // unavailable by design (pg_dump does that job). The benchmark dataset
    // generator writes an SQLite file of its own, whatever the test database.
    exclude: ["tests/integration/backup.test.ts", "tests/integration/bench-dataset.test.ts"],
    // Every statement is a round trip to the server, so the demo seed and
    // the large imports take several times longer than on SQLite.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    globalSetup: ["tests/support/postgres-global-setup.ts"],
    setupFiles: ["tests/support/postgres-setup.ts"],
  },
});
