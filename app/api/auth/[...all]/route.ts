import { toNextJsHandler } from "better-auth/next-js";

import { getAuth } from "../../../../server/auth";
import { handleAuthRequest } from "../../../../server/auth-route";
import { readyDatabase } from "../../../../server/context";

/** better-auth's endpoints: sign-in, sign-out, session, and the admin plugin's. */
export const { GET, POST } = toNextJsHandler(async (request: Request) =>
  handleAuthRequest(getAuth(await readyDatabase()), request),
);
