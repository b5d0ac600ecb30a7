/**
 * Saves a full-page PNG of a running app page in headless Chromium, for
 * looking at pages while developing.
 * Usage: tsx scripts/screenshot.ts URL OUT.png [width]
 */
import { chromium } from "@playwright/test";

async function main() {
  const [url, out, width = "1400"] = process.argv.slice(2);
  if (!url || !out) {
    console.error("Usage: tsx scripts/screenshot.ts URL OUT.png [width]");
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  const response = await page.goto(url, { waitUntil: "load" });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${response?.status()} ${out}`);
  await browser.close();
}

void main();
