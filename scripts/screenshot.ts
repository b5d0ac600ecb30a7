/**
 * Saves a full-page PNG of a running app page in headless Chromium, for
 * looking at pages while developing.
 * Usage: tsx scripts/screenshot.ts URL OUT.png [width] [height]
 * With a height, only that much of the top of the page is captured.
 * SCREENSHOT_USER and SCREENSHOT_PASSWORD sign in first.
 */
import { chromium } from "@playwright/test";

async function main() {
  const [url, out, width = "1400", height] = process.argv.slice(2);
  if (!url || !out) {
    console.error("Usage: tsx scripts/screenshot.ts URL OUT.png [width]");
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height ?? 900) } });
  // next dev compiles a page on its first request, which takes minutes on a busy machine.
  page.setDefaultTimeout(180_000);
  page.setDefaultNavigationTimeout(180_000);
  const user = process.env.SCREENSHOT_USER;
  if (user) {
    await page.goto(new URL("/sign-in", url).toString(), { waitUntil: "load" });
    await page.fill("#identifier", user);
    await page.fill("#password", process.env.SCREENSHOT_PASSWORD ?? "");
    await Promise.all([page.waitForURL((target) => !target.pathname.startsWith("/sign-in")), page.press("#password", "Enter")]);
  }
  const response = await page.goto(url, { waitUntil: "load" });
  await page.screenshot({ path: out, fullPage: height === undefined });
  console.log(`${response?.status()} ${out}`);
  await browser.close();
}

void main();
