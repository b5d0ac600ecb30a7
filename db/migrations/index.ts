import type { Migration, MigrationProvider } from "kysely/migration";

import * as receivablesCore from "./2026-12-04-01-receivables-core";
import * as auth from "./2026-12-04-02-auth";
import * as paymentRequestKey from "./2026-12-04-03-payment-request-key";
import * as auditLog from "./2026-12-04-04-audit-log";
import * as monthAnnotation from "./2026-12-04-05-month-annotation";
import * as operatingCost from "./2026-12-04-06-operating-cost";
import * as issuedDocuments from "./2026-12-04-07-issued-documents";
import * as collections from "./2026-12-04-08-collections";
import * as notifications from "./2026-12-04-09-notifications";
import * as creditRewards from "./2026-12-04-10-credit-rewards";
import * as spreadsheetImport from "./2026-12-04-11-import";
import * as benchIndexes from "./2026-12-04-12-bench-indexes";
import * as installmentClient from "./2026-12-04-13-installment-client";

/**
 * Migrations listed in code rather than read from the folder, so they survive
 * bundling by Next.js. Names sort by date; never rename or edit a shipped one.
 */
const migrations: Record<string, Migration> = {
  "2026-12-04-01-receivables-core": receivablesCore,
  "2026-12-04-02-auth": auth,
  "2026-12-04-03-payment-request-key": paymentRequestKey,
  "2026-12-04-04-audit-log": auditLog,
  "2026-12-04-05-month-annotation": monthAnnotation,
  "2026-12-04-06-operating-cost": operatingCost,
  "2026-12-04-07-issued-documents": issuedDocuments,
  "2026-12-04-08-collections": collections,
  "2026-12-04-09-notifications": notifications,
  "2026-12-04-10-credit-rewards": creditRewards,
  "2026-12-04-11-import": spreadsheetImport,
  "2026-12-04-12-bench-indexes": benchIndexes,
  "2026-12-04-13-installment-client": installmentClient,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
