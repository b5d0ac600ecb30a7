import { expect, test } from "@playwright/test";

import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("finance") });

// Each analytics page on the demo data: a server-drawn SVG chart and a table of figures.
const PAGES = [
  { path: "/reports/aging", heading: "账龄分析" },
  { path: "/reports/speed", heading: "回款速度排名" },
  { path: "/reports/value", heading: "客户价值排名" },
  { path: "/reports/trend", heading: "经营趋势" },
  { path: "/reports/cash-flow", heading: "成本与现金流" },
];

for (const { path, heading } of PAGES) {
  test(`${heading} shows chart and table`, async ({ page }) => {
    const response = await page.goto(path);

    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.locator("figure svg").first()).toBeVisible();
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByRole("table").first().locator("tbody tr").first()).toBeVisible();
  });
}
