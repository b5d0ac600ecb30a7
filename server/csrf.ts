import { baseUrl, type Env } from "./auth";

/**
 * Whether a state-changing request was sent by a page of another site
 * (cross-site request forgery). Browsers mark every request with
 * Sec-Fetch-Site, and older ones at least send Origin on POST; a request
 * with neither header does not come from a browser page, so a script or
 * integration with a valid session cookie passes.
 */
export function isCrossSiteRequest(request: Request, env: Env = process.env): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";

  const origin = request.headers.get("origin");
  if (origin === null) return false;
  return !sameSiteOrigins(request, env).includes(origin);
}

/** This app's origins: the one the request was sent to and HUIKUAN_BASE_URL's. */
function sameSiteOrigins(request: Request, env: Env): string[] {
  const origins = [new URL(baseUrl(env)).origin];
  const host = request.headers.get("host");
  if (host) origins.push(`${new URL(request.url).protocol}//${host}`);
  return origins;
}
