import type { Db } from "../../db";
import { openInstallmentsAsOf } from "../../db/queries/balances";
import type {
  StatementLine,
  StatementOfAccountPayload,
  StatementReward,
} from "../../documents/statement-types";
import { ageAmounts } from "../domain/aging";
import { addDays, dateInZone, formatChineseDate } from "../domain/dates";
import { AppError, badInput } from "../errors";
import { ALL_CLIENTS, type ClientScope } from "../permissions";
import { getAgingBuckets } from "./aging-settings";
import { getClient } from "./clients";
import { currentSealSha256 } from "./document-settings";
import { rewardSummary } from "./rewards";
import { getCompanyProfile } from "./settings";

export interface StatementParams {
  clientId: number;
  from: string;
  to: string;
  /** Date the statement is issued; on or after `to`, not after today. */
  statementDate: string;
}

/**
 * Computes the statement of account (对账单) of one client for the period
 * [from, to]: the opening balance on the day before `from`, every contract
 * signed and every payment received in the period with a running balance,
 * the closing balance and the aging of what is open on `to`.
 *
 * The balance is contracted minus received, that is outstanding minus client
 * credit, as db/queries/balances.ts counts it: a reversed payment counts
 * nowhere. So a reversed payment received in the period is listed on its
 * date, directly followed by the line that reverses it (on the same date,
 * naming the day of the reversal), and the pair nets to zero. A payment received before `from` and reversed is left out.
 * A client outside `scope` is not found.
 */
export async function accountStatementFacts(
  db: Db,
  params: StatementParams,
  context: { today: string; timeZone: string },
  scope: ClientScope = ALL_CLIENTS,
): Promise<StatementOfAccountPayload> {
  checkStatementDates(params, context.today);

  const client = await getClient(db, params.clientId, scope);
  const company = await getCompanyProfile(db);
  if (company.name.trim() === "") {
    throw new AppError("BAD_REQUEST", '对账单需要公司名称，请管理员先在"系统设置"中填写公司资料');
  }

  const dayBeforeFrom = addDays(params.from, -1);
  const openingBalance =
    (await contractedBetween(db, params.clientId, null, dayBeforeFrom)) -
    (await receivedBetween(db, params.clientId, null, dayBeforeFrom));

  const lines = await periodLines(db, params, openingBalance, context.timeZone);
  const periodContracted = lines.reduce((sum, line) => sum + line.debit, 0);
  const periodReceived = lines.reduce((sum, line) => sum + line.credit, 0);
  const closingBalance = openingBalance + periodContracted - periodReceived;

  const open = await openInstallmentsAsOf(db, params.to, { clientId: params.clientId });
  const buckets = await getAgingBuckets(db);
  const bucketTotals = ageAmounts(open, params.to, buckets);
  const outstandingAtTo = open.reduce((sum, item) => sum + item.outstanding, 0);

  return {
    number: null,
    company,
    client: {
      name: client.name,
      contactPerson: client.contactPerson,
      phone: client.phone,
      address: client.address,
    },
    from: params.from,
    to: params.to,
    statementDate: params.statementDate,
    openingBalance,
    lines,
    periodContracted,
    periodReceived,
    closingBalance,
    aging: buckets.map((bucket, index) => ({ label: bucket.label, amount: bucketTotals[index]! })),
    creditAtTo: Math.max(0, outstandingAtTo - closingBalance),
    reward: await clientRewardForStatement(db, params.clientId, params.to),
    sealSha256: await currentSealSha256(db),
  };
}

/** Rejects a period that is reversed, ends after the statement date, or a statement dated after today. */
function checkStatementDates(params: StatementParams, today: string): void {
  if (params.from > params.to) {
    throw badInput("from", `对账期间的开始日期 ${params.from} 晚于结束日期 ${params.to}`);
  }
  if (params.to > params.statementDate) {
    throw badInput("to", `对账期间的结束日期 ${params.to} 晚于对账单日期 ${params.statementDate}`);
  }
  if (params.statementDate > today) {
    throw badInput("asOf", `对账单日期 ${params.statementDate} 晚于今天（${today}），只能按今天或以前的日期出具`);
  }
}

/**
 * Returns the client's on-time reward (按时回款奖励) earned and used by
 * `asOf`, or null when the reward rule is off and the client has neither.
 */
export async function clientRewardForStatement(
  db: Db,
  clientId: number,
  asOf: string,
): Promise<StatementReward | null> {
  const summary = await rewardSummary(db, { clientId, asOf });
  if (!summary.rule.enabled && summary.earned === 0 && summary.used === 0) return null;
  return { earned: summary.earned, used: summary.used };
}

async function contractedBetween(db: Db, clientId: number, from: string | null, to: string): Promise<number> {
  const row = await db
    .selectFrom("contract")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("total_amount"), eb.lit(0)).as("total"))
    .where("client_id", "=", clientId)
    .where("signed_on", "<=", to)
    .$if(from !== null, (query) => query.where("signed_on", ">=", from!))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

async function receivedBetween(db: Db, clientId: number, from: string | null, to: string): Promise<number> {
  const row = await db
    .selectFrom("payment")
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("amount"), eb.lit(0)).as("total"))
    .where("client_id", "=", clientId)
    .where("reversed_at", "is", null)
    .where("received_on", "<=", to)
    .$if(from !== null, (query) => query.where("received_on", ">=", from!))
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** An entry before the running balance is known. */
type Entry = Omit<StatementLine, "balance">;

/**
 * Lists the period's contracts and payments by date, contracts first on the
 * same day, each reversal right after the payment it reverses, and carries
 * the running balance from `openingBalance`.
 */
async function periodLines(
  db: Db,
  params: StatementParams,
  openingBalance: number,
  timeZone: string,
): Promise<StatementLine[]> {
  const contracts = await db
    .selectFrom("contract as c")
    .innerJoin("business_type as b", "b.id", "c.business_type_id")
    .select(["c.id", "c.contract_no as contractNo", "c.title", "b.name as businessType", "c.signed_on as signedOn", "c.total_amount as totalAmount"])
    .where("c.client_id", "=", params.clientId)
    .where("c.signed_on", ">=", params.from)
    .where("c.signed_on", "<=", params.to)
    .execute();

  const payments = await db
    .selectFrom("payment")
    .select(["id", "received_on as receivedOn", "amount", "method", "bank_reference as bankReference", "reversed_at as reversedAt", "reversal_reason as reversalReason"])
    .where("client_id", "=", params.clientId)
    .where("received_on", ">=", params.from)
    .where("received_on", "<=", params.to)
    .execute();

  const groups: Array<{ date: string; rank: number; id: number; entries: Entry[] }> = [];
  for (const contract of contracts) {
    groups.push({
      date: contract.signedOn,
      rank: 0,
      id: contract.id,
      entries: [
        {
          date: contract.signedOn,
          kind: "contract",
          reference: contract.contractNo,
          description: `签订合同：${contract.title}（${contract.businessType}）`,
          debit: contract.totalAmount,
          credit: 0,
        },
      ],
    });
  }
  for (const payment of payments) {
    const entries: Entry[] = [
      {
        date: payment.receivedOn,
        kind: "payment",
        reference: payment.bankReference === "" ? payment.method : payment.bankReference,
        description: `收到付款（${payment.method}）`,
        debit: 0,
        credit: payment.amount,
      },
    ];
    if (payment.reversedAt !== null) {
      const reason = payment.reversalReason ? `，原因：${payment.reversalReason}` : "";
      const reversedOn = formatChineseDate(dateInZone(new Date(payment.reversedAt), timeZone));
      entries.push({
        date: payment.receivedOn,
        kind: "reversal",
        reference: entries[0]!.reference,
        description: `冲销上笔收款（${reversedOn}冲销${reason}）`,
        debit: 0,
        credit: -payment.amount,
      });
    }
    groups.push({ date: payment.receivedOn, rank: 1, id: payment.id, entries });
  }

  groups.sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank || a.id - b.id);

  let balance = openingBalance;
  return groups.flatMap((group) =>
    group.entries.map((entry) => {
      balance += entry.debit - entry.credit;
      return { ...entry, balance };
    }),
  );
}
