import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT || 3200);
const DATABASE = process.env.E2E_DB || "data/e2e.db";
/** A server that already runs (e.g. `next dev` during development); no build is started then. */
const EXISTING_SERVER = process.env.E2E_BASE_URL;

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against
 * a production build on a fresh database with the clock fixed, so days
 * overdue and dates in letters are the same on every run.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // next dev compiles each page on its first request, slowly on a busy machine.
  timeout: EXISTING_SERVER ? 300_000 : 60_000,
  expect: { timeout: EXISTING_SERVER ? 60_000 : 5_000 },
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: EXISTING_SERVER ?? `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"],
    },
  },
  projects: [
    // Signs in each demo account once and stores the cookies for the specs.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { browserName: "chromium" } },
    { name: "chromium", use: { browserName: "chromium" }, dependencies: ["setup"] },
  ],
  webServer: EXISTING_SERVER
    ? undefined
    : {
        command: `rm -rf ${DATABASE} ${DATABASE}-wal ${DATABASE}-shm data/e2e-auth && npm run build && npx next start -p ${PORT} -H 127.0.0.1`,
        url: `http://127.0.0.1:${PORT}/sign-in`,
        timeout: 240_000,
        reuseExistingServer: false,
        stdout: "ignore",
        env: {
          HUIKUAN_DB: DATABASE,
          HUIKUAN_TODAY: "2026-12-04",
          HUIKUAN_TZ: "Asia/Shanghai",
          // The address the browser uses: better-auth trusts it and cookies stay plain HTTP.
          HUIKUAN_BASE_URL: `http://127.0.0.1:${PORT}`,
          NEXT_TELEMETRY_DISABLED: "1",
          LOG_LEVEL: "warn",
          HUIKUAN_BACKUP_AT: "off",
        },
      },
});
