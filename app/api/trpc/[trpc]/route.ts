import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { createContext } from "../../../../server/context";
import { isCrossSiteRequest } from "../../../../server/csrf";
import { logger } from "../../../../server/logger";
import { appRouter } from "../../../../server/root";

/**
 * The procedures over HTTP, for scripts and integrations, acting as the
 * user of the session cookie. Mutations (POST) sent by a page of another
 * site are rejected before any procedure runs.
 */
function handler(request: Request) {
  if (request.method === "POST" && isCrossSiteRequest(request)) {
    logger.warn({ origin: request.headers.get("origin") }, "cross-site procedure call rejected");
    return Response.json(
      { error: { message: "拒绝来自其他网站的请求", code: "FORBIDDEN" } },
      { status: 403 },
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: ({ req }) => createContext({ req }),
  });
}

export { handler as GET, handler as POST };
