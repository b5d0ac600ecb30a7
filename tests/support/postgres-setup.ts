import { afterAll } from "vitest";

import { TESTING_ON_POSTGRES, closeTestDatabases } from "./context";

if (!TESTING_ON_POSTGRES) {
  throw new Error(
    "vitest.pg.config.ts needs HUIKUAN_TEST_DATABASE_URL (postgres://…); run `npm run test:pg`, which sets it",
  );
}

afterAll(closeTestDatabases);
