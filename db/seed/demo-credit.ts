import type { Db } from "..";
import type { Clock } from "../../server/clock";
import { addDays, addMonths } from "../../server/domain/dates";
import { addToBlacklist, setCreditLimit } from "../../server/services/credit";
import { redeemReward, rewardSummary, saveRewardRule } from "../../server/services/rewards";
import { clientBalancesAsOf, openInstallmentsAsOf } from "../queries/balances";

/** Fen in 10,000 yuan, the step credit limits are rounded to. */
const TEN_THOUSAND_YUAN = 1_000_000;

const DEMO_ADMIN = { id: null, name: "系统管理员" };

/**
 * Sets up credit control and rewards for the demo agency, so the client and
 * settings pages have something to show. The rule gives a 0.5% rebate for
 * installments paid on time over the last year. The eight biggest debtors
 * get credit limits, and the largest one is already over its limit. The
 * client with the most debt overdue past 180 days goes on the blacklist,
 * and one client has used half of its reward.
 */
export async function seedDemoCredit(db: Db, clock: Clock): Promise<void> {
  const today = clock.today();
  const nowIso = clock.nowIso();
  await saveRewardRule(db, clock, {
    enabled: true,
    basisPoints: 50,
    kind: "rebate",
    startsOn: `${addMonths(today, -12).slice(0, 7)}-01`,
  });

  const balances = (await clientBalancesAsOf(db, today)).filter((row) => row.outstanding > 0);
  balances.sort((a, b) => b.outstanding - a.outstanding || a.clientId - b.clientId);
  for (const [rank, row] of balances.slice(0, 8).entries()) {
    // The largest debtor gets 80% of its balance, so it shows over its limit; the others 150%.
    const share = rank === 0 ? 0.8 : 1.5;
    const limit = Math.max(1, Math.round((row.outstanding * share) / TEN_THOUSAND_YUAN)) * TEN_THOUSAND_YUAN;
    await setCreditLimit(db, { clientId: row.clientId, creditLimit: limit }, nowIso);
  }

  const longOverdue = new Map<number, number>();
  for (const installment of await openInstallmentsAsOf(db, today)) {
    if (installment.dueDate >= addDays(today, -180)) continue;
    longOverdue.set(installment.clientId, (longOverdue.get(installment.clientId) ?? 0) + installment.outstanding);
  }
  const [worst] = [...longOverdue.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (worst) {
    await addToBlacklist(db, { clientId: worst[0], reason: "长期拖欠，多次催收无果" }, DEMO_ADMIN, today, nowIso);
  }

  let best: { clientId: number; available: number } | null = null;
  for (const row of balances.slice(0, 30)) {
    const summary = await rewardSummary(db, { clientId: row.clientId, asOf: today });
    if (!best || summary.available > best.available) best = { clientId: row.clientId, available: summary.available };
  }
  if (best && best.available >= 2) {
    await redeemReward(
      db,
      { clientId: best.clientId, amount: Math.floor(best.available / 2), usedOn: today, contractId: null, note: "抵扣本期制作费" },
      DEMO_ADMIN.name,
      today,
      nowIso,
    );
  }
}
