import { addDays, addMonths, daysBetween, formatChineseDate, startOfMonth } from "../../server/domain/dates";
import { formatYuan } from "../../server/domain/money";
import type { PlannedInstallment } from "../../server/domain/plans";
import type { PaymentMethod } from "../../server/services/payments";
import type { Industry, PaymentHabit } from "./demo-catalog";
import { type ClientPlan, type ContractPlan, type DemoMonth, isLostClient } from "./demo-contracts";
import { Random, pickWorkday, toWorkday } from "./demo-random";

export interface PaymentPlan {
  clientKey: number;
  receivedOn: string;
  /** Fen actually received. */
  amount: number;
  method: PaymentMethod;
  bankReference: string;
  note: string;
  /** Contract the payer named, if any. */
  contractKey: number | null;
  /** A mistake made when the payment was entered, reversed and entered again. */
  correction: Correction | null;
}

export type Correction =
  | { kind: "wrongAmount"; enteredAmount: number; reversedOn: string; reason: string }
  | { kind: "duplicate"; reversedOn: string; reason: string };

/** One payment the client makes, before payments of the same day are merged. */
interface PaymentIntent {
  clientKey: number;
  receivedOn: string;
  amount: number;
  contractKey: number | null;
  note: string;
  /** Money paid ahead of any contract; never merged with installment payments. */
  prepayment: boolean;
}

const YUAN = 100;
const THOUSAND_YUAN = 1_000 * YUAN;
const PROMPT_LIKE: readonly PaymentHabit[] = ["prompt", "prepayRetainer", "prepayOverpay", "prepayDeposit"];
const RETAINER_STEP = 50_000 * YUAN;

/**
 * Plans the payments of every client by its habit, never dated after `today`. The
 * allocation itself is left to the payment service, so a payment meant for
 * one installment may be applied to an older one, as it would be in use.
 */
export function planPayments(
  random: Random,
  clients: readonly ClientPlan[],
  contracts: readonly ContractPlan[],
  months: readonly DemoMonth[],
  today: string,
): PaymentPlan[] {
  const intents: PaymentIntent[] = [];
  const upcoming: PaymentIntent[] = [];
  for (const client of clients) {
    const own = contracts.filter((contract) => contract.clientKey === client.key);
    intents.push(...clientIntents(random, client, own, months, today, upcoming));
  }
  ensurePaymentThisMonth(intents, upcoming, today);

  const merged = mergeIntents(intents);
  merged.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.clientKey - b.clientKey);
  const receipts = { issued: 0 };
  const payments = merged.map((intent) =>
    withMethod(random, clients[intent.clientKey]!.spec.industry, intent, receipts),
  );
  markCorrections(random, clients, payments, today);
  return payments;
}

/**
 * Plans the payments of one client. Prepayments go into a pool that covers
 * the installments of contracts signed after them, so those are not paid
 * twice. The pool only approximates the service, which applies credit to the
 * oldest open installment instead.
 */
function clientIntents(
  random: Random,
  client: ClientPlan,
  contracts: readonly ContractPlan[],
  months: readonly DemoMonth[],
  today: string,
  upcoming: PaymentIntent[],
): PaymentIntent[] {
  const habit = client.spec.habit;
  if (habit === "prepayRetainer") return retainerIntents(random, client, contracts, months, today);

  const prepayments =
    habit === "prepayDeposit" ? depositIntents(random, client, contracts, months, today) : [];
  const intents = [...prepayments];
  let pool = 0;
  let nextPrepayment = 0;

  for (const contract of contracts) {
    while (nextPrepayment < prepayments.length) {
      const prepayment = prepayments[nextPrepayment]!;
      if (prepayment.receivedOn > contract.signedOn) break;
      pool += prepayment.amount;
      nextPrepayment++;
    }

    const abandoned = isAbandoned(client, contract, months);
    for (const [index, installment] of contract.installments.entries()) {
      if (abandoned) {
        if (index === 0) intents.push(...abandonedIntents(random, client, contract, installment, today));
        continue;
      }
      const covered = Math.min(pool, installment.amount);
      pool -= covered;
      const rest = installment.amount - covered;
      if (rest === 0) continue;

      for (const intent of installmentIntents(random, client, contract, index, installment, rest)) {
        if (intent.receivedOn <= today) {
          intents.push(intent);
          pool += Math.max(0, intent.amount - rest);
        } else if (PROMPT_LIKE.includes(habit)) {
          upcoming.push(intent);
        }
      }
    }
  }
  return intents;
}

/** Contracts of a lost client's last two active months, which it never paid in full. */
function isAbandoned(client: ClientPlan, contract: ContractPlan, months: readonly DemoMonth[]): boolean {
  if (!isLostClient(client)) return false;
  const lastMonth = months[months.length - 1 - client.spec.lastMonthsAgo!]!;
  return contract.signedOn >= addMonths(lastMonth.start, -1);
}

/** Pays a third to a half of the first installment months late, and nothing after it. */
function abandonedIntents(
  random: Random,
  client: ClientPlan,
  contract: ContractPlan,
  installment: PlannedInstallment,
  today: string,
): PaymentIntent[] {
  const part = partOf(random, installment.amount, 0.3, 0.5);
  const receivedOn = toWorkday(addDays(installment.dueDate, random.int(60, 120)), contract.signedOn, today);
  if (part === null || receivedOn > today) return [];
  return [
    {
      clientKey: client.key,
      receivedOn,
      amount: part,
      contractKey: contract.key,
      note: `${contract.contractNo} ${installment.label}，客户称经营困难，先付部分`,
      prepayment: false,
    },
  ];
}

/** Plans how a client pays `rest` fen of one installment: one or two payments, or none. */
function installmentIntents(
  random: Random,
  client: ClientPlan,
  contract: ContractPlan,
  index: number,
  installment: PlannedInstallment,
  rest: number,
): PaymentIntent[] {
  const due = installment.dueDate;
  const contractKey = namesContract(random, client.spec.habit) ? contract.key : null;
  const note = contractKey === null ? "" : `${contract.contractNo} ${installment.label}`;
  const pay = (receivedOn: string, amount: number, extraNote = ""): PaymentIntent => ({
    clientKey: client.key,
    receivedOn: paymentWorkday(receivedOn, contract.signedOn, due),
    amount,
    contractKey,
    note: joinNotes(note, extraNote),
    prepayment: false,
  });

  switch (client.spec.habit) {
    case "prompt":
    case "prepayRetainer":
    case "prepayDeposit":
      return [pay(promptDate(random, client, contract, due, rest), rest)];
    case "prepayOverpay":
      return [overpay(random, pay(promptDate(random, client, contract, due, rest), rest))];
    case "slow":
      return slowIntents(random, due, rest, pay);
    case "chronic":
      return chronicIntents(random, due, rest, pay);
    case "dispute":
      if (contract.disputed) return index === 0 ? [pay(addDays(due, random.int(0, 3)), rest)] : [];
      return [pay(addDays(due, random.int(3, 25)), rest)];
  }
}

/**
 * Moves a payment date off weekends and holidays: a payment on time to the
 * working day before, never before signing, and a late one to the working
 * day after, so it stays as late as drawn.
 */
function paymentWorkday(date: string, signedOn: string, due: string): string {
  const notBeforeSigning = date < signedOn ? signedOn : date;
  if (notBeforeSigning <= due) return toWorkday(notBeforeSigning, signedOn, due);
  return toWorkday(notBeforeSigning, notBeforeSigning, addDays(notBeforeSigning, 14));
}

/**
 * Small jobs are often paid within days of signing (款到发稿), above all by
 * small clients; the rest in the week before the due date.
 */
function promptDate(
  random: Random,
  client: ClientPlan,
  contract: ContractPlan,
  due: string,
  rest: number,
): string {
  const payOnSigning = client.spec.size === "small" ? 0.6 : 0.2;
  if (rest <= 50 * THOUSAND_YUAN && random.chance(payOnSigning)) {
    const soon = addDays(contract.signedOn, random.int(0, 5));
    return soon < due ? soon : due;
  }
  return addDays(due, -random.int(0, 6));
}

type Pay = (receivedOn: string, amount: number, extraNote?: string) => PaymentIntent;

function slowIntents(random: Random, due: string, rest: number, pay: Pay): PaymentIntent[] {
  const part = random.chance(0.25) ? partOf(random, rest, 0.4, 0.7) : null;
  if (part === null) return [pay(addDays(due, random.int(10, 45)), rest)];

  const first = addDays(due, random.int(10, 30));
  return [pay(first, part, "分批付款"), pay(addDays(first, random.int(10, 25)), rest - part, "付清余款")];
}

/** Pays 60–200 days late, in part more often than not, and a remainder late or never. */
function chronicIntents(random: Random, due: string, rest: number, pay: Pay): PaymentIntent[] {
  const first = addDays(due, random.int(60, 200));
  const part = random.chance(0.55) ? partOf(random, rest, 0.3, 0.8) : null;
  if (part === null) return [pay(first, rest)];

  const intents = [pay(first, part, "客户称资金紧张，先付部分")];
  if (random.chance(0.65)) intents.push(pay(addDays(first, random.int(40, 120)), rest - part));
  return intents;
}

/** Draws a share of `amount` in whole thousand yuan, or null when nothing would be left either side. */
function partOf(random: Random, amount: number, min: number, max: number): number | null {
  const part = Math.floor((amount * random.between(min, max)) / THOUSAND_YUAN) * THOUSAND_YUAN;
  return part > 0 && part < amount ? part : null;
}

/** Rounds some larger payments up to whole ten thousand yuan; the excess becomes credit. */
function overpay(random: Random, intent: PaymentIntent): PaymentIntent {
  const tenThousandYuan = 10 * THOUSAND_YUAN;
  if (intent.amount < 2 * tenThousandYuan || intent.amount % tenThousandYuan === 0 || !random.chance(0.4)) {
    return intent;
  }
  const amount = Math.ceil(intent.amount / tenThousandYuan) * tenThousandYuan;
  const note = `按整数付款，多付 ${formatYuan(amount - intent.amount)} 转预收款`;
  return { ...intent, amount, note: joinNotes(intent.note, note) };
}

function namesContract(random: Random, habit: PaymentHabit): boolean {
  if (habit === "dispute") return true;
  return random.chance(habit === "chronic" ? 0.4 : 0.1);
}

/**
 * Plans the retainer client's quarterly prepayments. On one of a quarter's
 * first working days it pays a round sum just above that quarter's contracts
 * less the credit left from before. The current quarter is paid at least at
 * the average quarter, so credit (预收款) remains today.
 */
function retainerIntents(
  random: Random,
  client: ClientPlan,
  contracts: readonly ContractPlan[],
  months: readonly DemoMonth[],
  today: string,
): PaymentIntent[] {
  const quarters = quarterStarts(months);
  const sums = quarters.map((start) => {
    const end = addMonths(start, 3);
    return contracts
      .filter((contract) => contract.signedOn >= start && contract.signedOn < end)
      .reduce((sum, contract) => sum + contract.totalAmount, 0);
  });
  const average = sums.reduce((sum, value) => sum + value, 0) / Math.max(1, sums.length);

  const intents: PaymentIntent[] = [];
  let pool = 0;
  for (const [index, start] of quarters.entries()) {
    const isCurrent = index === quarters.length - 1;
    const need = (isCurrent ? Math.max(sums[index]!, average) : sums[index]!) - pool;
    pool -= sums[index]!;
    // Credit left from earlier quarters already covers this one.
    if (need < 0) continue;

    const amount = (Math.floor(need / RETAINER_STEP) + 1) * RETAINER_STEP;
    const from = start < months[0]!.start ? months[0]!.start : start;
    const to = addDays(from, 6) < today ? addDays(from, 6) : today;
    const quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1;

    intents.push({
      clientKey: client.key,
      receivedOn: pickWorkday(random, from, to),
      amount,
      contractKey: null,
      note: `预付${start.slice(0, 4)}年第${quarter}季度广告费（年度框架协议）`,
      prepayment: true,
    });
    pool += amount;
  }
  return intents;
}

/** First day of every quarter that overlaps the demo, oldest first. */
function quarterStarts(months: readonly DemoMonth[]): string[] {
  const starts = months.map((month) => {
    const quarterMonth = Math.floor((month.month - 1) / 3) * 3 + 1;
    return `${month.year}-${String(quarterMonth).padStart(2, "0")}-01`;
  });
  return [...new Set(starts)];
}

/**
 * Deposits (定金) paid one or two weeks before outdoor and event contracts
 * are signed, and one for a contract still being negotiated today.
 */
function depositIntents(
  random: Random,
  client: ClientPlan,
  contracts: readonly ContractPlan[],
  months: readonly DemoMonth[],
  today: string,
): PaymentIntent[] {
  const deposit = (receivedOn: string, amount: number, note: string): PaymentIntent => ({
    clientKey: client.key,
    receivedOn,
    amount,
    contractKey: null,
    note,
    prepayment: true,
  });

  const intents: PaymentIntent[] = [];
  for (const contract of contracts) {
    if (contract.businessType !== "户外广告" && contract.businessType !== "活动策划") continue;
    const amount = Math.floor((contract.totalAmount * 0.3) / (10 * THOUSAND_YUAN)) * 10 * THOUSAND_YUAN;
    if (amount === 0 || !random.chance(0.7)) continue;

    const drawn = addDays(contract.signedOn, -random.int(5, 15));
    const receivedOn = toWorkday(drawn, months[0]!.start, contract.signedOn);
    if (receivedOn < months[0]!.start) continue;
    intents.push(deposit(receivedOn, amount, `预付定金（${contract.title}），签约后抵扣`));
  }

  const pending = toWorkday(addDays(today, -random.int(2, 8)), months[0]!.start, today);
  intents.push(deposit(pending, 100 * THOUSAND_YUAN, "预付定金（下月新车上市发布会），合同待签"));
  return intents.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
}

/**
 * Makes sure the current month has collections: when none fell due, the
 * prompt client with the nearest upcoming installment pays it today.
 */
function ensurePaymentThisMonth(
  intents: PaymentIntent[],
  upcoming: readonly PaymentIntent[],
  today: string,
): void {
  const monthStart = startOfMonth(today);
  if (intents.some((intent) => intent.receivedOn >= monthStart && intent.receivedOn <= today)) return;

  const nearest = [...upcoming].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))[0];
  // NOTE: with no upcoming installment of a prompt client the month stays without collections.
  if (!nearest) return;
  intents.push({ ...nearest, receivedOn: today, note: joinNotes(nearest.note, "提前付款") });
}

/** Installment payments of one client on one day for the same named contract become one payment. */
function mergeIntents(intents: readonly PaymentIntent[]): PaymentIntent[] {
  const merged = new Map<string, PaymentIntent>();
  for (const intent of intents) {
    const key = intent.prepayment
      ? `prepayment|${merged.size}`
      : `${intent.clientKey}|${intent.receivedOn}|${intent.contractKey ?? "-"}`;
    const existing = merged.get(key);
    if (existing) {
      existing.amount += intent.amount;
      existing.note ||= intent.note;
    } else {
      merged.set(key, { ...intent });
    }
  }
  return [...merged.values()];
}

const SMALL_SHOP_INDUSTRIES: readonly Industry[] = ["restaurant", "retail", "medicalBeauty", "education"];
const BILL_INDUSTRIES: readonly Industry[] = ["realEstate", "auto", "consumerGoods", "mall"];

/** Bank-code prefixes of large Chinese banks, for acceptance bill numbers. */
const BANK_CODES = ["102", "103", "104", "105", "301", "308", "310"] as const;

/**
 * Draws how a payment was made and its reference: a bank serial number, an
 * acceptance bill number or a wallet transaction id. Cash receipts (收据)
 * are numbered in call order, which is date order.
 */
function withMethod(
  random: Random,
  industry: Industry,
  intent: PaymentIntent,
  receipts: { issued: number },
): PaymentPlan {
  const method = pickMethod(random, industry, intent.amount);
  const date = intent.receivedOn.replaceAll("-", "");
  const base = {
    clientKey: intent.clientKey,
    receivedOn: intent.receivedOn,
    amount: intent.amount,
    method,
    contractKey: intent.contractKey,
    correction: null,
  };

  switch (method) {
    case "银行转账":
      return { ...base, bankReference: `${date}${random.digits(12)}`, note: intent.note };
    case "承兑汇票": {
      // Electronic bill numbers have 30 digits: type, issuing bank, date, serial.
      const billNumber = `1${random.pick(BANK_CODES)}290${random.digits(6)}${date}${random.digits(9)}`;
      const maturity = addMonths(intent.receivedOn, 6);
      const note = joinNotes(intent.note, `电子银行承兑汇票，到期日 ${maturity}`);
      return { ...base, bankReference: billNumber, note };
    }
    case "微信": {
      const transactionId = `4200${random.digits(6)}${date}${random.digits(10)}`;
      return { ...base, bankReference: transactionId, note: intent.note };
    }
    case "支付宝":
      return { ...base, bankReference: `${date}2200${random.digits(16)}`, note: intent.note };
    case "现金": {
      receipts.issued++;
      const receipt = String(receipts.issued).padStart(7, "0");
      return { ...base, bankReference: "", note: joinNotes(intent.note, `现金收讫，收据编号 ${receipt}`) };
    }
  }
}

function pickMethod(random: Random, industry: Industry, amount: number): PaymentMethod {
  if (amount >= 100 * THOUSAND_YUAN && BILL_INDUSTRIES.includes(industry) && random.chance(0.2)) {
    return "承兑汇票";
  }
  if (amount <= 30 * THOUSAND_YUAN && SMALL_SHOP_INDUSTRIES.includes(industry)) {
    const draw = random.next();
    if (draw < 0.15) return "微信";
    if (draw < 0.27) return "支付宝";
    if (draw < 0.35 && amount <= 20 * THOUSAND_YUAN) return "现金";
  }
  return "银行转账";
}

/**
 * Turns three bank transfers into entry mistakes that finance reversed and
 * entered again: a mistyped amount about five months ago, a duplicate entry
 * about six weeks ago and an extra zero last week.
 */
function markCorrections(
  random: Random,
  clients: readonly ClientPlan[],
  payments: PaymentPlan[],
  today: string,
): void {
  const candidates = payments.filter(
    (payment) =>
      payment.method === "银行转账" &&
      payment.amount >= 10 * THOUSAND_YUAN &&
      payment.amount <= 300 * THOUSAND_YUAN &&
      ["prompt", "slow"].includes(clients[payment.clientKey]!.spec.habit) &&
      payment.receivedOn <= addDays(today, -3),
  );
  const chosen = new Set<PaymentPlan>();
  const nearest = (daysAgo: number) => {
    const target = addDays(today, -daysAgo);
    const free = candidates.filter((payment) => !chosen.has(payment));
    free.sort(
      (a, b) => Math.abs(daysBetween(a.receivedOn, target)) - Math.abs(daysBetween(b.receivedOn, target)),
    );
    const found = free[0];
    if (found) chosen.add(found);
    return found;
  };
  const reversedOn = (payment: PaymentPlan) =>
    toWorkday(addDays(payment.receivedOn, random.int(1, 2)), payment.receivedOn, today);

  const wrongAmount = (payment: PaymentPlan, enteredAmount: number): Correction => ({
    kind: "wrongAmount",
    enteredAmount,
    reversedOn: reversedOn(payment),
    reason:
      `录入金额错误：实收 ${formatYuan(payment.amount)}，` +
      `误录为 ${formatYuan(enteredAmount)}，冲销后按实收金额重新登记`,
  });

  const mistyped = nearest(150);
  if (mistyped) mistyped.correction = wrongAmount(mistyped, swapLeadingDigits(mistyped.amount));

  const duplicated = nearest(45);
  if (duplicated) {
    duplicated.correction = {
      kind: "duplicate",
      reversedOn: reversedOn(duplicated),
      reason:
        `重复登记：与${formatChineseDate(duplicated.receivedOn)}` +
        `银行流水号 ${duplicated.bankReference} 的回款为同一笔`,
    };
  }

  const extraZero = nearest(8);
  if (extraZero) extraZero.correction = wrongAmount(extraZero, extraZero.amount * 10);
}

/** 86,500 yuan becomes 68,500; amounts whose first two digits are equal get an extra zero instead. */
function swapLeadingDigits(amount: number): number {
  const digits = String(amount / YUAN).split("");
  if (!Number.isInteger(amount / YUAN) || digits.length < 2 || digits[0] === digits[1] || digits[1] === "0") {
    return amount * 10;
  }
  [digits[0], digits[1]] = [digits[1]!, digits[0]!];
  return Number(digits.join("")) * YUAN;
}

/** Joins the non-empty parts of a payment note with Chinese commas. */
function joinNotes(...parts: string[]): string {
  return parts.filter(Boolean).join("，");
}
