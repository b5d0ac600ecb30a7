import { randomUUID } from "node:crypto";

import { TEST_POSTGRES_URL, closeTestDatabases, createMigratedDatabase, dropDatabase } from "./context";

/**
 * Migrates one template database for the whole PostgreSQL run; every test
 * context copies it (tests/support/context.ts). Drops it at the end.
 */
export default async function setup() {
  if (!TEST_POSTGRES_URL) return;
  const url = TEST_POSTGRES_URL;
  const name = `test_template_${randomUUID().replaceAll("-", "")}`;
  await createMigratedDatabase(url, name);
  process.env.HUIKUAN_TEST_TEMPLATE_DATABASE = name;

  return async () => {
    await dropDatabase(url, name);
    await closeTestDatabases();
  };
}
