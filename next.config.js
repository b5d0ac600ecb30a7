// @ts-check

const isDev = process.env.NODE_ENV === "development";
const isHttps = (process.env.HUIKUAN_BASE_URL || "").startsWith("https://");

/**
 * Content Security Policy for every response. Next.js renders inline
 * scripts (the RSC payload) and inline styles without a nonce unless a
 * proxy sets one per request, so both need 'unsafe-inline'; everything else
 * is limited to this origin. Dev mode also needs 'unsafe-eval' (React's
 * debugging) and the hot-reload websocket, which 'self' covers.
 *
 * @param {string} frameAncestors who may show the response in a frame
 */
function contentSecurityPolicy(frameAncestors) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy("'none'") },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  ...(isHttps ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and font-heavy packages stay in node_modules instead of the bundle:
  // better-sqlite3 is a native addon and react-pdf loads fonts from disk.
  serverExternalPackages: ["better-sqlite3", "@react-pdf/renderer", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
  // authInterrupts enables forbidden(), which renders app/forbidden.tsx with status 403.
  // serverActions.bodySizeLimit: the 导入 page uploads .xlsx/.csv files of up to 8 MB
  // through a server action, whose default limit is 1 MB. 10 MB leaves room for the
  // multipart overhead and equals the proxy's default body limit (proxyClientMaxBodySize, Next.js 16.5).
  experimental: { agentUpgrade: false, authInterrupts: true, serverActions: { bodySizeLimit: "10mb" } },
  async headers() {
    // The PDF previews of the statement pages are shown in a frame on the
    // same origin; every other page may not be framed. For a path both
    // entries match, Next.js sends the later entry's value of each header.
    const sameOriginFrame = [
      { key: "Content-Security-Policy", value: contentSecurityPolicy("'self'") },
      { key: "X-Frame-Options", value: "SAMEORIGIN" },
    ];
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/documents/statement/pdf", headers: sameOriginFrame },
      { source: "/documents/situation/preview", headers: sameOriginFrame },
    ];
  },
};

module.exports = nextConfig;
