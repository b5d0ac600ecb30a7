import { test as setup } from "@playwright/test";

import { ACCOUNTS, type AccountName, signIn, storageStateOf } from "./accounts";

// One sign-in per demo account for the whole run: sign-ins are rate limited.
for (const account of Object.keys(ACCOUNTS) as AccountName[]) {
  setup(`sign in as ${account}`, async ({ page }) => {
    const { username, password } = ACCOUNTS[account];
    await signIn(page, username, password);
    await page.context().storageState({ path: storageStateOf(account) });
  });
}
