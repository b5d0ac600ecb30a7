import type { Migration, MigrationProvider } from "kysely/migration";

import * as receivablesCore from "./2026-12-04-01-receivables-core";

/**
 * Migrations listed in code rather than read from the folder, so they survive
 * bundling by Next.js. Names sort by date; never rename or edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  "2026-12-04-01-receivables-core": receivablesCore,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
