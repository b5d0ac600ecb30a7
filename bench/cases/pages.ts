import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

import autocannon from "autocannon";

import { BENCH_ADMIN, BENCH_TODAY } from "../dataset/sizes";
import { statsOf } from "../measure";
import { notMeasured, type ResultRow } from "../result";

const CONNECTIONS = 10;
const PAGES = [
  { name: "dashboard-page", path: "/", description: "GET / (工作台)" },
  { name: "reminders-page", path: "/reminders", description: "GET /reminders (到期提醒)" },
];

/**
 * Loads the dashboard and reminder pages with 10 concurrent connections for
 * a fixed time, signed in as the generated administrator. The server is
 * `next start` of the production build in `appDir` on 127.0.0.1 and a free
 * port, with the benchmark database, the clock fixed and backups off.
 */
export async function benchPages(file: string, appDir: string, smoke: boolean): Promise<ResultRow[]> {
  const reason = missingBuild(appDir);
  if (reason) return PAGES.map((page) => notMeasured("pages", page.name, page.description, "", reason));

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startServer(appDir, path.resolve(file), port);
  try {
    await waitUntilUp(baseUrl, server);
    const cookie = await signIn(baseUrl);
    const rows: ResultRow[] = [];
    for (const page of PAGES) rows.push(await loadPage(baseUrl, page, cookie, smoke ? 3 : 20));
    return rows;
  } finally {
    await stopServer(server);
  }
}

/** Returns why the page benchmark cannot run from `appDir`, or null when it can. */
function missingBuild(appDir: string): string | null {
  const nextDir = path.join(appDir, ".next");
  if (!fs.existsSync(path.join(nextDir, "BUILD_ID"))) {
    return `no production build in ${path.resolve(appDir)}: run npm run build there, or pass --app-dir`;
  }
  if (fs.existsSync(path.join(nextDir, "dev", "lock"))) {
    // next dev keeps this lock while it runs; next start would share its .next folder.
    return `a next dev server uses ${nextDir}: pass --app-dir with a checkout of its own (see docs/benchmarks.md)`;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port"))));
    });
  });
}

function startServer(appDir: string, databaseFile: string, port: number): ChildProcess {
  const next = path.join(appDir, "node_modules", ".bin", "next");
  const server = spawn(next, ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: appDir,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HUIKUAN_DB: databaseFile,
      HUIKUAN_TODAY: BENCH_TODAY,
      HUIKUAN_BACKUP_AT: "off",
      HUIKUAN_DEMO: "0",
      HUIKUAN_BASE_URL: `http://127.0.0.1:${port}`,
      HUIKUAN_AUTH_SECRET: randomBytes(32).toString("hex"),
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
  });
  server.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[next start] ${chunk.toString()}`));
  return server;
}

/**
 * Stops the server and whatever it started (it leads its own process
 * group). Next.js waits for requests in flight on SIGTERM, which on a large
 * dataset can take minutes, so SIGKILL follows after 10 s.
 */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.pid === undefined || server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  signalGroup(server, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 10_000));
  if ((await Promise.race([exited, timer])) === "timeout") signalGroup(server, "SIGKILL");
}

function signalGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    server.kill(signal);
  }
}

async function waitUntilUp(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/sign-in`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start timed out: no response from ${baseUrl}/sign-in within 180 s`);
}

/** Signs in through better-auth's endpoint, as the sign-in form does, and returns the session cookie. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/username`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ username: BENCH_ADMIN.username, password: BENCH_ADMIN.password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!response.ok || !cookie) {
    throw new Error(`Sign-in as ${BENCH_ADMIN.username} failed with HTTP ${response.status}: ${await response.text()}`);
  }
  return cookie;
}

async function loadPage(
  baseUrl: string,
  page: (typeof PAGES)[number],
  cookie: string,
  seconds: number,
): Promise<ResultRow> {
  const url = `${baseUrl}${page.path}`;
  const warm = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (warm.status !== 200) throw new Error(`Signed-in warm-up request failed: ${url} returned HTTP ${warm.status}`);
  await warm.arrayBuffer();

  const latencies: number[] = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const failed = result.non2xx + result.errors + result.timeouts;

  return {
    group: "pages",
    name: page.name,
    description: `${page.description}, ${CONNECTIONS} connections for ${seconds} s`,
    measured: latencies.length > 0 ? statsOf(latencies) : null,
    baseline: null,
    baselineLabel: "",
    extra: `${result.requests.average.toFixed(1)} requests/s; ${result.requests.total} requests, ${failed} failed`,
    target: "",
    met: null,
    note: failed > 0 ? `${failed} responses were errors or not 2xx` : "",
  };
}
