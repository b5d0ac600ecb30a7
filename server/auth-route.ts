import type { Auth } from "./auth";
import { isCrossSiteRequest } from "./csrf";
import { logger } from "./logger";

/**
 * Serves better-auth's endpoints under /api/auth. better-auth checks the
 * Origin of POSTs only when they carry a cookie (and on e-mail sign-in), so
 * POSTs sent by a page of another site are rejected here first, which also
 * stops login CSRF through the username sign-in.
 */
export async function handleAuthRequest(auth: Auth, request: Request): Promise<Response> {
  if (request.method !== "GET" && isCrossSiteRequest(request)) {
    logger.warn({ origin: request.headers.get("origin") }, "cross-site auth request rejected");
    return Response.json({ message: "拒绝来自其他网站的请求", code: "CROSS_SITE_REQUEST" }, { status: 403 });
  }
  return auth.handler(request);
}
