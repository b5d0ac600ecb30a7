/**
 * Where signed-out users are sent, shared by proxy.ts, serverCaller and the
 * sign-in page. Pure, so the browser bundle can use it too.
 */

/** Request header in which proxy.ts passes the path and query being requested. */
export const PATH_HEADER = "x-huikuan-path";

/** Whether `path` stays on this site: "/clients/3", not "//evil.example" or "https://…". */
export function isLocalPath(path: string | null | undefined): path is string {
  return typeof path === "string" && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/** The sign-in page, returning to `next` afterwards when it is a page on this site. */
export function signInPath(next: string | null | undefined): string {
  if (!isLocalPath(next) || next === "/" || next.startsWith("/sign-in")) return "/sign-in";
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** The page to open after signing in: `next` when it is safe, else the dashboard. */
export function afterSignIn(next: string | null | undefined): string {
  return isLocalPath(next) && !next.startsWith("/sign-in") ? next : "/";
}
