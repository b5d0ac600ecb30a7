// @ts-check

const isDev = process.env.NODE_ENV === "development";
const isHttps = (process.env.HUIKUAN_BASE_URL || "").startsWith("https://");

/**
 * Content Security Policy for every response. Next.js renders inline
 * scripts (the RSC payload) and inline styles without a nonce unless a
 * proxy sets one per request, so both need 'unsafe-inline'; everything else
 * is limited to this origin. Dev mode also needs 'unsafe-eval' (React's
 * debugging) and the hot-reload websocket, which 'self' covers.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ...(isHttps ? ["upgrade-insecure-requests"] : []),
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
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
  experimental: { agentUpgrade: false, authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
