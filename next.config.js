// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and font-heavy packages stay in node_modules instead of the bundle:
  // better-sqlite3 is a native addon and react-pdf loads fonts from disk.
  serverExternalPackages: ["better-sqlite3", "@react-pdf/renderer", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { agentUpgrade: false },
};

module.exports = nextConfig;
