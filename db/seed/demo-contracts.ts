import { addDays, addMonths, formatChineseDate, startOfMonth } from "../../server/domain/dates";
import { splitByPercent } from "../../server/domain/money";
import { type PlannedInstallment, milestonePlan, singlePaymentPlan } from "../../server/domain/plans";
import {
  BUSINESS_TYPES,
  type BusinessTypeName,
  type ClientSize,
  type ClientSpec,
  DEMO_CLIENTS,
  DEMO_STAFF,
  DESIGN_TITLES,
  EVENT_TITLES,
  GIVEN_NAMES,
  HABIT_NOTES,
  INDUSTRY_EVENT_TITLES,
  INDUSTRY_MIX,
  NEW_MEDIA_TITLES,
  OUTDOOR_MEDIA,
  OUTDOOR_SPOTS,
  PRINT_TITLES,
  SEASONAL_EVENT_TITLES,
  STREETS,
  SURNAMES,
} from "./demo-catalog";
import { Random, pickWorkday } from "./demo-random";

/** Months of history in the demo, the current month included. */
export const DEMO_MONTHS = 24;

/** How many months before the current one the dispute client signed the contract it stopped paying. */
const DISPUTE_MONTHS_AGO = 9;
const DISPUTED_AMOUNT_YUAN = 480_000;

export interface DemoMonth {
  /** First day of the month. */
  start: string;
  /** Last day of the month, or today in the current month. */
  end: string;
  year: number;
  /** Calendar month, 1–12. */
  month: number;
  monthsAgo: number;
  /** Share of the month up to `end`: 1 except for the current month. */
  elapsed: number;
}

export interface ClientPlan {
  key: number;
  spec: ClientSpec;
  contactPerson: string;
  phone: string;
  address: string;
  managerIndex: number;
  notes: string;
}

/** A contract before it gets its key and number, which follow the signing order. */
type ContractDraft = Omit<ContractPlan, "key" | "contractNo">;

export interface ContractPlan {
  key: number;
  clientKey: number;
  contractNo: string;
  businessType: BusinessTypeName;
  title: string;
  signedOn: string;
  serviceStart: string | null;
  serviceEnd: string | null;
  /** Fen, like every amount below. */
  totalAmount: number;
  mediaCost: number;
  productionCost: number;
  notes: string;
  installments: PlannedInstallment[];
  /** The one contract the dispute client stopped paying. */
  disputed: boolean;
}

/** Price range, seasonality and costs of one business type. */
interface TypeRule {
  /** Contract value signed in an average month before seasonality, in yuan. */
  monthlyBudgetYuan: number;
  /** Factor per calendar month, January first. */
  season: readonly number[];
  minYuan: number;
  maxYuan: number;
  /** Amounts are whole multiples of this many yuan. */
  stepYuan: number;
  /** Range of the gross margin, (total − cost) / total. */
  margin: readonly [number, number];
  /** Part of the cost that is media purchase; the rest is production. */
  mediaShare: number;
}

// Outdoor rises from June as people are outside, February drops for the
// Spring Festival, and year-end parties (年会) fill December and January.
const TYPE_RULES: Record<BusinessTypeName, TypeRule> = {
  户外广告: {
    monthlyBudgetYuan: 1_000_000,
    season: [0.7, 0.4, 0.65, 0.75, 0.9, 1.2, 1.35, 1.4, 1.3, 1.15, 1.1, 1.05],
    minYuan: 50_000,
    maxYuan: 800_000,
    stepYuan: 1_000,
    margin: [0.15, 0.35],
    mediaShare: 0.85,
  },
  平面广告: {
    monthlyBudgetYuan: 220_000,
    season: [1, 0.5, 0.9, 0.95, 1, 0.95, 0.85, 0.85, 1.05, 1.1, 1.2, 1.25],
    minYuan: 20_000,
    maxYuan: 150_000,
    stepYuan: 100,
    margin: [0.15, 0.3],
    mediaShare: 0.9,
  },
  新媒体: {
    monthlyBudgetYuan: 420_000,
    season: [1, 0.55, 0.95, 1, 1.05, 1.1, 1, 1, 1.05, 1.15, 1.4, 1.2],
    minYuan: 15_000,
    maxYuan: 200_000,
    stepYuan: 100,
    margin: [0.2, 0.4],
    mediaShare: 0.7,
  },
  设计制作: {
    monthlyBudgetYuan: 160_000,
    season: [1.05, 0.45, 1, 1, 1, 0.95, 0.9, 0.9, 1, 1.1, 1.2, 1.3],
    minYuan: 8_000,
    maxYuan: 60_000,
    stepYuan: 100,
    margin: [0.3, 0.45],
    mediaShare: 0,
  },
  活动策划: {
    monthlyBudgetYuan: 380_000,
    season: [1.4, 0.3, 0.7, 0.85, 0.95, 0.9, 0.8, 0.85, 1.15, 1.1, 1.3, 1.7],
    minYuan: 30_000,
    maxYuan: 300_000,
    stepYuan: 1_000,
    margin: [0.2, 0.38],
    mediaShare: 0,
  },
};

const SIZE_WEIGHT: Record<ClientSize, number> = { large: 8, medium: 2, small: 0.6 };

/** Exponent on the uniform draw of an amount: below 1 favours the top of the range. */
const SIZE_SKEW: Record<ClientSize, number> = { large: 0.55, medium: 1, small: 1.8 };

const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155",
  "156", "157", "158", "159", "166", "177", "180", "181", "182", "186", "187", "188", "189", "199",
] as const;

const YUAN = 100;

/** Lists the demo's months, oldest first, ending with the month of `today`. */
export function demoMonths(today: string): DemoMonth[] {
  const currentStart = startOfMonth(today);
  const months: DemoMonth[] = [];
  for (let monthsAgo = DEMO_MONTHS - 1; monthsAgo >= 0; monthsAgo--) {
    const start = addMonths(currentStart, -monthsAgo);
    const lastDay = addDays(addMonths(start, 1), -1);
    const end = monthsAgo === 0 ? today : lastDay;
    months.push({
      start,
      end,
      year: Number(start.slice(0, 4)),
      month: Number(start.slice(5, 7)),
      monthsAgo,
      elapsed: Number(end.slice(8, 10)) / Number(lastDay.slice(8, 10)),
    });
  }
  return months;
}

export function planClients(random: Random): ClientPlan[] {
  return DEMO_CLIENTS.map((spec, key) => ({
    key,
    spec,
    contactPerson: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
    phone: random.pick(MOBILE_PREFIXES) + random.digits(8),
    address: spec.address ?? drawAddress(random, spec),
    managerIndex: random.int(0, DEMO_STAFF.length - 1),
    notes: spec.habit === "dispute" ? "" : random.pick(HABIT_NOTES[spec.habit]),
  }));
}

function drawAddress(random: Random, spec: ClientSpec): string {
  const street = random.pick(STREETS[spec.city]);
  const number = random.int(1, 1500);
  const style = random.int(0, 2);
  if (style === 0) return `${street}${number}号`;
  if (style === 1) return `${street}${number}号${random.int(2, 28)}楼`;
  return `${street}${number}号${random.int(1, 9)}幢${random.int(1, 20)}0${random.int(1, 9)}室`;
}

/**
 * Plans the contracts of every month. Each business type gets a monthly
 * budget from its season, a slow growth and some noise, and the budget is
 * filled with contracts of clients that buy that type, drawn by size.
 * Budgets keep the monthly totals close to the seasonal curve whatever
 * contracts are drawn.
 */
export function planContracts(
  random: Random,
  clients: readonly ClientPlan[],
  months: readonly DemoMonth[],
): ContractPlan[] {
  const disputeMonth = months[months.length - 1 - DISPUTE_MONTHS_AGO]!;
  const drafts: ContractDraft[] = [];

  for (const [index, month] of months.entries()) {
    for (const [typeIndex, type] of BUSINESS_TYPES.entries()) {
      let budgetYuan = monthlyBudgetYuan(random, type, month, index);
      if (month === disputeMonth && type === "户外广告") {
        const disputeClient = clients.find((client) => client.spec.habit === "dispute");
        if (disputeClient) {
          drafts.push(disputedContract(random, disputeClient, month));
          budgetYuan -= DISPUTED_AMOUNT_YUAN;
        }
      }
      drafts.push(...fillBudget(random, clients, month, type, typeIndex, budgetYuan));
    }
  }
  drafts.push(...firstContractsForIdleClients(random, clients, months, drafts));
  drafts.push(...lastOrdersOfLostClients(random, clients, months));

  drafts.sort((a, b) => a.signedOn.localeCompare(b.signedOn) || a.clientKey - b.clientKey);
  return numberContracts(drafts, months);
}

function monthlyBudgetYuan(random: Random, type: BusinessTypeName, month: DemoMonth, index: number): number {
  const rule = TYPE_RULES[type];
  const growth = 1 + (0.08 * (index - (DEMO_MONTHS - 1))) / 12;
  const noise = random.between(0.9, 1.1);
  return rule.monthlyBudgetYuan * rule.season[month.month - 1]! * growth * noise * month.elapsed;
}

function isActive(client: ClientPlan, month: DemoMonth): boolean {
  const first = client.spec.firstMonthsAgo ?? DEMO_MONTHS - 1;
  const last = client.spec.habit === "dispute" ? DISPUTE_MONTHS_AGO : (client.spec.lastMonthsAgo ?? 0);
  return month.monthsAgo <= first && month.monthsAgo >= last;
}

function fillBudget(
  random: Random,
  clients: readonly ClientPlan[],
  month: DemoMonth,
  type: BusinessTypeName,
  typeIndex: number,
  budgetYuan: number,
): ContractDraft[] {
  const rule = TYPE_RULES[type];
  const weights = clients.map((client) => {
    if (!isActive(client, month)) return 0;
    return SIZE_WEIGHT[client.spec.size] * INDUSTRY_MIX[client.spec.industry][typeIndex]!;
  });

  const drafts: ContractDraft[] = [];
  let remainingYuan = budgetYuan;
  while (remainingYuan >= rule.minYuan) {
    const clientIndex = random.weightedIndex(weights);
    if (clientIndex < 0) break;

    const client = clients[clientIndex]!;
    const drawn = drawAmountYuan(random, rule, client.spec.size);
    const amountYuan = Math.floor(Math.min(drawn, remainingYuan) / rule.stepYuan) * rule.stepYuan;
    const signedOn = pickWorkday(random, month.start, month.end);
    drafts.push(draftContract(random, client, type, signedOn, amountYuan * YUAN));
    remainingYuan -= amountYuan;
  }
  return drafts;
}

/** Log-uniform in the type's range, skewed up for large clients and down for small ones. */
function drawAmountYuan(random: Random, rule: TypeRule, size: ClientSize): number {
  const position = random.next() ** SIZE_SKEW[size];
  const amount = rule.minYuan * (rule.maxYuan / rule.minYuan) ** position;
  return Math.max(rule.minYuan, Math.round(amount / rule.stepYuan) * rule.stepYuan);
}

/** Adds a small design or new-media job for any client the budgets left without a contract. */
function firstContractsForIdleClients(
  random: Random,
  clients: readonly ClientPlan[],
  months: readonly DemoMonth[],
  drafts: readonly ContractDraft[],
): ContractDraft[] {
  const served = new Set(drafts.map((draft) => draft.clientKey));
  return clients
    .filter((client) => !served.has(client.key))
    .map((client) => {
      const month = months.find((candidate) => isActive(client, candidate)) ?? months[months.length - 1]!;
      const type = random.chance(0.5) ? "设计制作" : "新媒体";
      const amountYuan = random.int(8, 30) * 1_000;
      const signedOn = pickWorkday(random, month.start, month.end);
      return draftContract(random, client, type, signedOn, amountYuan * YUAN);
    });
}

/**
 * Adds a last short-term order of every client lost a year or more ago,
 * signed in its last active month. The payment plan leaves it mostly unpaid.
 */
function lastOrdersOfLostClients(
  random: Random,
  clients: readonly ClientPlan[],
  months: readonly DemoMonth[],
): ContractDraft[] {
  return clients.filter(isLostClient).map((client) => {
    const month = months[months.length - 1 - client.spec.lastMonthsAgo!]!;
    const type = random.chance(0.5) ? "新媒体" : "平面广告";
    const amountYuan = random.int(30, 90) * 1_000;
    const signedOn = pickWorkday(random, month.start, month.end);
    return draftContract(random, client, type, signedOn, amountYuan * YUAN);
  });
}

/** Tells whether the client stopped signing a year or more before today. */
export function isLostClient(client: ClientPlan): boolean {
  return client.spec.habit !== "dispute" && (client.spec.lastMonthsAgo ?? 0) >= 12;
}

/**
 * Numbers contracts HT-YYYY-NNNN in signing order. The first year counts on
 * from an estimate of the contracts signed before the demo began.
 */
function numberContracts(drafts: readonly ContractDraft[], months: readonly DemoMonth[]): ContractPlan[] {
  const first = months[0]!;
  const perMonth = drafts.length / DEMO_MONTHS;
  const counters = new Map<number, number>([[first.year, Math.round((first.month - 1) * perMonth)]]);

  return drafts.map((draft, key) => {
    const year = Number(draft.signedOn.slice(0, 4));
    const sequence = (counters.get(year) ?? 0) + 1;
    counters.set(year, sequence);
    return { ...draft, key, contractNo: `HT-${year}-${String(sequence).padStart(4, "0")}` };
  });
}

function draftContract(
  random: Random,
  client: ClientPlan,
  type: BusinessTypeName,
  signedOn: string,
  totalAmount: number,
): ContractDraft {
  const terms = describeTerms(random, client, type, signedOn, totalAmount);
  const { mediaCost, productionCost } = drawCosts(random, TYPE_RULES[type], totalAmount);
  return {
    clientKey: client.key,
    businessType: type,
    signedOn,
    totalAmount,
    mediaCost,
    productionCost,
    notes: "",
    disputed: false,
    ...terms,
  };
}

function drawCosts(random: Random, rule: TypeRule, totalAmount: number) {
  const margin = random.between(rule.margin[0], rule.margin[1]);
  const hundredYuan = 100 * YUAN;
  const cost = Math.round((totalAmount * (1 - margin)) / hundredYuan) * hundredYuan;
  const mediaCost = Math.round((cost * rule.mediaShare) / hundredYuan) * hundredYuan;
  return { mediaCost, productionCost: cost - mediaCost };
}

interface Terms {
  title: string;
  serviceStart: string | null;
  serviceEnd: string | null;
  installments: PlannedInstallment[];
}

function describeTerms(
  random: Random,
  client: ClientPlan,
  type: BusinessTypeName,
  signedOn: string,
  total: number,
): Terms {
  switch (type) {
    case "户外广告":
      return outdoorTerms(random, client, signedOn, total);
    case "平面广告":
      return printTerms(random, client, signedOn, total);
    case "新媒体":
      return newMediaTerms(random, client, signedOn, total);
    case "设计制作":
      return designTerms(random, client, signedOn, total);
    case "活动策划":
      return eventTerms(random, client, signedOn, total);
  }
}

/** Months a placement of `total` fen usually runs. */
function outdoorMonths(random: Random, total: number): number {
  if (total < 150_000 * YUAN) return random.pick([1, 2, 3]);
  if (total < 400_000 * YUAN) return random.pick([3, 6, 6]);
  return random.pick([6, 12, 12]);
}

function outdoorTerms(random: Random, client: ClientPlan, signedOn: string, total: number): Terms {
  const months = outdoorMonths(random, total);
  const spot = random.pick(OUTDOOR_SPOTS[client.spec.city]);
  // Placements are booked two to six weeks before the ad goes up (上刊).
  const serviceStart = addDays(signedOn, random.int(14, 45));
  const serviceEnd = addDays(addMonths(serviceStart, months), -1);
  const installments = random.chance(0.75)
    ? milestonePlan(total, signedOn, serviceStart, serviceEnd)
    : halfAndHalfPlan(total, signedOn, serviceStart, "上刊款");
  return {
    title: `${spot}${random.pick(OUTDOOR_MEDIA)}投放（${months}个月）`,
    serviceStart,
    serviceEnd,
    installments,
  };
}

function printTerms(random: Random, client: ClientPlan, signedOn: string, total: number): Terms {
  const serviceStart = addDays(signedOn, random.int(5, 15));
  return {
    title: random.pick(PRINT_TITLES),
    serviceStart,
    serviceEnd: addDays(serviceStart, random.int(0, 30)),
    installments: singlePaymentPlan(total, signedOn, termDays(random, client)),
  };
}

function newMediaTerms(random: Random, client: ClientPlan, signedOn: string, total: number): Terms {
  const calendarMonth = Number(signedOn.slice(5, 7));
  const sellsOnline = ["consumerGoods", "retail", "internet"].includes(client.spec.industry);
  const title =
    sellsOnline && (calendarMonth === 10 || calendarMonth === 11)
      ? random.pick([...NEW_MEDIA_TITLES, "双十一电商大促推广"])
      : random.pick(NEW_MEDIA_TITLES);
  const months = Number(/（(\d+)个月）/.exec(title)?.[1] ?? 1);
  const serviceStart = addDays(signedOn, random.int(3, 10));
  const serviceEnd = addDays(addMonths(serviceStart, months), -1);
  const installments = random.chance(0.6)
    ? singlePaymentPlan(total, signedOn, termDays(random, client))
    : halfAndHalfPlan(total, signedOn, addDays(serviceEnd, 15), "尾款");
  return { title, serviceStart, serviceEnd, installments };
}

function designTerms(random: Random, client: ClientPlan, signedOn: string, total: number): Terms {
  const delivery = addDays(signedOn, random.int(20, 45));
  const installments = random.chance(0.55)
    ? singlePaymentPlan(total, signedOn, termDays(random, client))
    : halfAndHalfPlan(total, signedOn, delivery, "验收款");
  return { title: random.pick(DESIGN_TITLES), serviceStart: signedOn, serviceEnd: delivery, installments };
}

function eventTerms(random: Random, client: ClientPlan, signedOn: string, total: number): Terms {
  const eventDay = addDays(signedOn, random.int(14, 60));
  // The service ends with the close-out report (结案报告), a few weeks after the event.
  const closeOut = addDays(eventDay, random.int(10, 25));
  const installments = random.chance(0.65)
    ? milestonePlan(total, signedOn, eventDay, closeOut)
    : halfAndHalfPlan(total, signedOn, closeOut, "结案款");
  const title = eventTitle(random, client, signedOn);
  return { title, serviceStart: eventDay, serviceEnd: closeOut, installments };
}

function eventTitle(random: Random, client: ClientPlan, signedOn: string): string {
  const seasonal = SEASONAL_EVENT_TITLES[Number(signedOn.slice(5, 7))];
  if (seasonal && random.chance(0.6)) return seasonal;

  const own = INDUSTRY_EVENT_TITLES[client.spec.industry];
  if (own && random.chance(0.6)) return random.pick(own);
  return random.pick(EVENT_TITLES);
}

/** Days to pay a single-payment contract; bank branches need long approval. */
function termDays(random: Random, client: ClientPlan): number {
  if (client.spec.industry === "bank") return 90;
  if (client.spec.industry === "realEstate") return random.pick([60, 90]);
  return random.pick([30, 45, 60, 60]);
}

/** Half on signing (预付款), half on `balanceDue`. */
function halfAndHalfPlan(
  total: number,
  signedOn: string,
  balanceDue: string,
  balanceLabel: string,
): PlannedInstallment[] {
  const [advance, balance] = splitByPercent(total, [50, 50]) as [number, number];
  return [
    { label: "预付款", dueDate: signedOn, amount: advance },
    { label: balanceLabel, dueDate: balanceDue, amount: balance },
  ];
}

/** Drafts the large outdoor contract of which the dispute client pays only the signing installment. */
function disputedContract(random: Random, client: ClientPlan, month: DemoMonth): ContractDraft {
  const signedOn = pickWorkday(random, month.start, addDays(month.start, 14));
  const serviceStart = addDays(signedOn, 14);
  const serviceEnd = addDays(addMonths(serviceStart, 3), -1);
  const total = DISPUTED_AMOUNT_YUAN * YUAN;
  const letterDate = addDays(serviceEnd, 20);

  return {
    clientKey: client.key,
    businessType: "户外广告",
    title: "周年庆户外LED大屏及围挡画面投放（3个月）",
    signedOn,
    serviceStart,
    serviceEnd,
    totalAmount: total,
    ...drawCosts(random, TYPE_RULES["户外广告"], total),
    notes:
      "客户认为围挡画面与签字确认稿色差明显，两块LED大屏点位较合同约定偏移，" +
      "且上刊比约定晚5天，因此拒付上刊款和结案款。我方已提供上刊监测照片和签字确认稿，" +
      `${formatChineseDate(letterDate)}发出付款提醒函，双方仍在协商。`,
    installments: milestonePlan(total, signedOn, serviceStart, serviceEnd),
    disputed: true,
  };
}

/** Client notes of the dispute client, written once its contract is known. */
export function disputeClientNote(contract: ContractPlan): string {
  const since = formatChineseDate(contract.serviceStart ?? contract.signedOn);
  return (
    `${since}起因周年庆户外投放效果争议拒付合同 ${contract.contractNo} 余款，` +
    "已暂停合作，新业务须总经理审批。"
  );
}

/** Client notes of a client lost a year or more ago. */
export function lostClientNote(client: ClientPlan, months: readonly DemoMonth[]): string {
  const lastMonth = months[months.length - 1 - (client.spec.lastMonthsAgo ?? 0)]!;
  const since = `${lastMonth.year}年${lastMonth.month}月`;
  return `${since}后再无新业务，尾款多次催收未果，已暂停合作，拟发最后催告函。`;
}
