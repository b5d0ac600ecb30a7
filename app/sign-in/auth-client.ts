import { createAuthClient } from "better-auth/client";
import { usernameClient } from "better-auth/client/plugins";

/**
 * better-auth's browser client, posting to /api/auth on this origin. Sign-in
 * goes through HTTP rather than a server action because better-auth rate
 * limits only requests to its HTTP endpoints.
 */
export const authClient = createAuthClient({ plugins: [usernameClient()] });
