import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

import { PATH_HEADER, signInPath } from "./server/sign-in-path";

/** Must match COOKIE_PREFIX and SESSION_IDLE_SECONDS in server/auth.ts, which this file cannot import. */
const COOKIE_PREFIX = "huikuan";
const SESSION_IDLE_SECONDS = 12 * 60 * 60;

/**
 * Runs before every page, download and server action. It only looks at
 * the session cookie: without one, pages redirect to /sign-in and come back
 * afterwards. Whether the session is valid, and what its user may do, the
 * procedures decide. It also passes the requested path on to serverCaller
 * and keeps the cookie alive while pages are opened.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const cookie = getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX });

  if (!cookie && pathname !== "/sign-in") {
    return NextResponse.redirect(new URL(signInPath(pathname + search), request.url));
  }

  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers } });
  // Not on POSTs: a server action may be signing the user out.
  if (cookie && request.method === "GET") extendCookie(request, response, cookie);
  return response;
}

/**
 * Sends the session cookie again with its full lifetime. better-auth
 * extends the session in the database when it is used, but pages rendered
 * on the server cannot set cookies, so without this the browser would drop
 * the cookie SESSION_IDLE_SECONDS after sign-in however active the user is.
 */
function extendCookie(request: NextRequest, response: NextResponse, value: string) {
  const secure = request.cookies.has(`__Secure-${COOKIE_PREFIX}.session_token`);
  response.cookies.set(`${secure ? "__Secure-" : ""}${COOKIE_PREFIX}.session_token`, value, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: SESSION_IDLE_SECONDS,
  });
}

export const config = {
  // Everything but better-auth's and tRPC's own endpoints (they answer 401
  // themselves) and static files.
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
