import { Random } from "../../db/seed/demo-random";
import { allocate, type OpenInstallment } from "../../server/domain/allocation";
import { splitByPercent } from "../../server/domain/money";
import { dateText, monthOfDay, nextWorkday, yearOfDay } from "./calendar";
import { PAYMENT_METHODS, PAYMENT_METHOD_WEIGHTS, TITLES } from "./catalog";

/**
 * One client's contracts, installments, payments and allocations, drawn
 * from a seeded random source. Payments are allocated with the product's
 * own rule (server/domain/allocation.ts) in the order the product applies
 * them. Events go in date order, and a new contract first takes the
 * client's credit, oldest payment first. A payment goes to its named
 * contract first, then to the oldest due date, and what is left is client
 * credit.
 */

export interface ContractRow {
  id: number;
  clientId: number;
  contractNo: string;
  businessTypeId: number;
  title: string;
  signedOn: number;
  serviceStart: number;
  serviceEnd: number;
  totalAmount: number;
  mediaCost: number;
  productionCost: number;
}

export interface InstallmentRow {
  id: number;
  contractId: number;
  seq: number;
  label: string;
  dueDay: number;
  amount: number;
  /** Sum of the live allocations, kept as the product keeps paid_amount. */
  paidAmount: number;
}

export interface PaymentRow {
  id: number;
  clientId: number;
  receivedDay: number;
  amount: number;
  method: string;
  bankReference: string;
  note: string;
  contractId: number | null;
  /** Entered twice by mistake and reversed the same day. */
  reversed: boolean;
}

export interface AllocationRow {
  id: number;
  paymentId: number;
  installmentId: number;
  amount: number;
  /** Day the allocation was written: the payment's day, or the day credit was applied. */
  createdDay: number;
  reversed: boolean;
}

export interface ClientData {
  contracts: ContractRow[];
  installments: InstallmentRow[];
  payments: PaymentRow[];
  allocations: AllocationRow[];
}

/** Next free id of each table, shared by all clients so ids stay dense. */
export interface IdCounters {
  contract: number;
  installment: number;
  payment: number;
  allocation: number;
}

/**
 * Payment habit of a client: days late drawn from [minDelay, maxDelay], the
 * share of installments paid in two parts and the share never paid.
 */
export interface PaymentHabit {
  name: "prompt" | "regular" | "slow" | "chronic" | "bad";
  minDelay: number;
  maxDelay: number;
  partialShare: number;
  unpaidShare: number;
}

export const HABITS: readonly (PaymentHabit & { weight: number })[] = [
  { name: "prompt", weight: 25, minDelay: -5, maxDelay: 3, partialShare: 0.02, unpaidShare: 0 },
  { name: "regular", weight: 35, minDelay: 0, maxDelay: 25, partialShare: 0.08, unpaidShare: 0.005 },
  { name: "slow", weight: 20, minDelay: 15, maxDelay: 75, partialShare: 0.2, unpaidShare: 0.02 },
  { name: "chronic", weight: 12, minDelay: 45, maxDelay: 240, partialShare: 0.35, unpaidShare: 0.1 },
  { name: "bad", weight: 8, minDelay: 30, maxDelay: 365, partialShare: 0.4, unpaidShare: 0.45 },
];

export interface ClientProfile {
  clientId: number;
  habit: PaymentHabit;
  /** Index into TITLES of the business type the client buys most. */
  mainType: number;
  contractCount: number;
  /** Contracts are signed on days in [firstDay, lastDay]. */
  firstDay: number;
  lastDay: number;
  /** Multiplies every contract amount: large clients place larger orders. */
  amountScale: number;
}

/** Typical contract amount per business type in yuan, and the cost shares. */
const TYPE_ECONOMICS = [
  { medianYuan: 80_000, mediaShare: [0.55, 0.7], productionShare: [0.03, 0.08] },
  { medianYuan: 20_000, mediaShare: [0.5, 0.65], productionShare: [0.05, 0.12] },
  { medianYuan: 40_000, mediaShare: [0.55, 0.75], productionShare: [0.02, 0.06] },
  { medianYuan: 15_000, mediaShare: [0, 0], productionShare: [0.3, 0.5] },
  { medianYuan: 60_000, mediaShare: [0.05, 0.15], productionShare: [0.4, 0.6] },
] as const;

/** Relative number of contracts signed per calendar month: the Spring Festival dip and the autumn peak. */
const MONTH_WEIGHTS = [0.85, 0.5, 0.95, 1.0, 1.0, 1.1, 1.15, 1.15, 1.25, 1.2, 1.3, 1.15];

/** Chance that a contract signed in June–October is outdoor advertising, whatever the client's main type. */
const SUMMER_OUTDOOR_SHARE = 0.25;

export function normal(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Working days of [firstDay, lastDay] with cumulative weights by month
 * seasonality and 10% growth a year, so signing days can be drawn by
 * binary search.
 */
export class SigningCalendar {
  readonly days: number[] = [];
  readonly cumulative: number[] = [];

  constructor(firstDay: number, lastDay: number) {
    const firstYear = yearOfDay(firstDay);
    let total = 0;
    for (let day = nextWorkday(firstDay); day <= lastDay; day = nextWorkday(day + 1)) {
      const growth = 1 + 0.1 * (yearOfDay(day) - firstYear);
      total += MONTH_WEIGHTS[monthOfDay(day) - 1]! * growth;
      this.days.push(day);
      this.cumulative.push(total);
    }
  }

  /** Draws a working day in [from, to] by the seasonal weights; from must not follow to. */
  draw(random: Random, from: number, to: number): number {
    const low = this.indexAtOrAfter(from);
    const high = Math.max(low, this.indexAtOrAfter(to + 1) - 1);
    const base = low === 0 ? 0 : this.cumulative[low - 1]!;
    const target = base + random.next() * (this.cumulative[high]! - base);
    let left = low;
    let right = high;
    while (left < right) {
      const middle = (left + right) >> 1;
      if (this.cumulative[middle]! < target) left = middle + 1;
      else right = middle;
    }
    return this.days[left]!;
  }

  private indexAtOrAfter(day: number): number {
    let left = 0;
    let right = this.days.length;
    while (left < right) {
      const middle = (left + right) >> 1;
      if (this.days[middle]! < day) left = middle + 1;
      else right = middle;
    }
    return Math.min(left, this.days.length - 1);
  }
}

/** Draws one client's whole history up to `today` and allocates its payments. */
export function planClient(
  profile: ClientProfile,
  calendar: SigningCalendar,
  today: number,
  ids: IdCounters,
  seed: number,
): ClientData {
  const random = new Random(seed);
  const contracts: ContractRow[] = [];
  const installments: InstallmentRow[] = [];

  const signingDays: number[] = [];
  for (let index = 0; index < profile.contractCount; index++) {
    signingDays.push(calendar.draw(random, profile.firstDay, profile.lastDay));
  }
  signingDays.sort((a, b) => a - b);

  const seqOfYear = new Map<number, number>();
  for (const signedOn of signingDays) {
    const contract = drawContract(random, profile, signedOn, ids, seqOfYear);
    contracts.push(contract);
    installments.push(...planInstallments(random, contract, ids));
  }

  const intents = paymentIntents(random, profile, contracts, installments, today);
  return allocateHistory(profile.clientId, contracts, installments, intents, ids);
}

function drawContract(
  random: Random,
  profile: ClientProfile,
  signedOn: number,
  ids: IdCounters,
  seqOfYear: Map<number, number>,
): ContractRow {
  const month = monthOfDay(signedOn);
  let type = random.chance(0.6) ? profile.mainType : random.int(0, TITLES.length - 1);
  if (month >= 6 && month <= 10 && random.chance(SUMMER_OUTDOOR_SHARE)) type = 0;

  const economics = TYPE_ECONOMICS[type]!;
  const yuan = economics.medianYuan * profile.amountScale * Math.exp(0.9 * normal(random));
  const totalAmount = Math.min(5_000_000, Math.max(1_000, Math.round(yuan / 100) * 100)) * 100;
  const mediaCost = Math.round(totalAmount * random.between(economics.mediaShare[0], economics.mediaShare[1] + 1e-9));
  const productionCost = Math.round(
    totalAmount * random.between(economics.productionShare[0], economics.productionShare[1]),
  );

  const serviceStart = signedOn + random.int(7, 30);
  const serviceEnd = serviceStart + (type === 0 ? random.int(30, 180) : random.int(7, 90));
  const year = yearOfDay(signedOn);
  const seq = (seqOfYear.get(year) ?? 0) + 1;
  seqOfYear.set(year, seq);

  return {
    id: ids.contract++,
    clientId: profile.clientId,
    contractNo: `HT${year}-${String(profile.clientId).padStart(5, "0")}-${String(seq).padStart(3, "0")}`,
    businessTypeId: type + 1,
    title: random.pick(TITLES[type]!),
    signedOn,
    serviceStart,
    serviceEnd,
    totalAmount,
    mediaCost,
    productionCost,
  };
}

/** Draws the plan: a quarter full payment on terms, half 30/40/30 milestones, a quarter monthly parts. */
function planInstallments(random: Random, contract: ContractRow, ids: IdCounters): InstallmentRow[] {
  const draw = random.next();
  let parts: { label: string; dueDay: number; amount: number }[];
  if (draw < 0.25) {
    const term = random.pick([30, 60, 90]);
    parts = [{ label: "全款", dueDay: contract.signedOn + term, amount: contract.totalAmount }];
  } else if (draw < 0.75) {
    const [onSigning, onLive, onClose] = splitByPercent(contract.totalAmount, [30, 40, 30]) as [number, number, number];
    parts = [
      { label: "签约款", dueDay: contract.signedOn, amount: onSigning },
      { label: "上刊款", dueDay: contract.serviceStart, amount: onLive },
      { label: "结案款", dueDay: contract.serviceEnd, amount: onClose },
    ];
  } else {
    const count = random.int(4, 6);
    const share = Math.floor(contract.totalAmount / count);
    parts = [];
    for (let index = 0; index < count; index++) {
      const amount = index === count - 1 ? contract.totalAmount - share * (count - 1) : share;
      parts.push({ label: `第${index + 1}期`, dueDay: contract.serviceStart + 30 * index, amount });
    }
  }
  return parts.map((part, index) => ({
    id: ids.installment++,
    contractId: contract.id,
    seq: index + 1,
    label: part.label,
    dueDay: part.dueDay,
    amount: part.amount,
    paidAmount: 0,
  }));
}

interface PaymentIntent {
  day: number;
  amount: number;
  contractId: number | null;
  method: string;
  bankReference: string;
  /** A duplicate entry that is reversed right after it is recorded. */
  duplicate: boolean;
  /** Draw order, the tie-break between payments of the same day. */
  order: number;
}

/**
 * Draws the payments the client means to make for its installments: on the
 * due date shifted by its habit, sometimes in two parts, sometimes never,
 * sometimes rounded up (an overpayment that becomes credit), and a few
 * entered twice. Payments after `today` are not made yet.
 */
function paymentIntents(
  random: Random,
  profile: ClientProfile,
  contracts: readonly ContractRow[],
  installments: readonly InstallmentRow[],
  today: number,
): PaymentIntent[] {
  const signedOn = new Map(contracts.map((contract) => [contract.id, contract.signedOn]));
  const { habit } = profile;
  const intents: PaymentIntent[] = [];
  const push = (day: number, amount: number, contractId: number, earliest: number) => {
    const received = nextWorkday(Math.max(day, earliest));
    if (received > today || amount <= 0) return;
    const named = random.chance(0.7) ? contractId : null;
    const method = PAYMENT_METHODS[random.weightedIndex(PAYMENT_METHOD_WEIGHTS)]!;
    const bankReference = method === "银行转账" ? random.digits(16) : "";
    const intent = { day: received, amount, contractId: named, method, bankReference, duplicate: false };
    intents.push({ ...intent, order: intents.length });
    if (random.chance(0.003)) intents.push({ ...intent, duplicate: true, order: intents.length });
  };

  for (const installment of installments) {
    if (random.chance(habit.unpaidShare)) continue;
    const earliest = signedOn.get(installment.contractId)!;
    const delay = random.int(habit.minDelay, habit.maxDelay);
    const day = installment.dueDay + delay;
    if (random.chance(habit.partialShare)) {
      const first = Math.round((installment.amount * random.between(0.3, 0.7)) / 100) * 100;
      push(day, first, installment.contractId, earliest);
      if (!random.chance(habit.unpaidShare * 2)) {
        push(day + random.int(15, 60), installment.amount - first, installment.contractId, earliest);
      }
      continue;
    }
    const roundedUp = random.chance(0.005) ? Math.ceil(installment.amount / 100_000 + 0.01) * 100_000 : installment.amount;
    push(day, roundedUp, installment.contractId, earliest);
  }

  return intents.sort((a, b) => a.day - b.day || a.order - b.order);
}

interface OpenState extends OpenInstallment {
  row: InstallmentRow;
}

interface PaymentState {
  row: PaymentRow;
  unapplied: number;
}

/**
 * The client's open installments in the order the allocation rule serves
 * them (due date, then id), with an index by contract. allocate() sorts
 * whatever it is given, so handing it only the named contract's
 * installments and the oldest others that cover the amount gives the same
 * plan as handing it all of them, in time independent of how many are open.
 */
class OpenInstallments {
  readonly #ordered: OpenState[] = [];
  readonly #byContract = new Map<number, OpenState[]>();

  get size(): number {
    return this.#ordered.length;
  }

  add(state: OpenState): void {
    this.#ordered.splice(this.#position(state), 0, state);
    const list = this.#byContract.get(state.contractId) ?? [];
    list.push(state);
    this.#byContract.set(state.contractId, list);
  }

  find(installmentId: number, contractId: number): OpenState | undefined {
    return this.#byContract.get(contractId)?.find((state) => state.installmentId === installmentId);
  }

  /** Returns the installments allocate() needs to place `amount` with `preferred` served first. */
  candidates(amount: number, preferred: number | null): OpenState[] {
    const named = preferred === null ? [] : (this.#byContract.get(preferred) ?? []);
    const result = [...named];
    let covered = named.reduce((sum, state) => sum + state.outstanding, 0);
    for (const state of this.#ordered) {
      if (covered >= amount) break;
      if (state.contractId === preferred) continue;
      result.push(state);
      covered += state.outstanding;
    }
    return result;
  }

  /** Drops installments that are paid in full. */
  removePaid(states: readonly OpenState[]): void {
    for (const state of states) {
      if (state.outstanding > 0) continue;
      const position = this.#position(state) - 1;
      if (this.#ordered[position] === state) this.#ordered.splice(position, 1);
      const list = this.#byContract.get(state.contractId)!;
      list.splice(list.indexOf(state), 1);
      if (list.length === 0) this.#byContract.delete(state.contractId);
    }
  }

  /** Index after every state that sorts at or before `state`. */
  #position(state: OpenState): number {
    let left = 0;
    let right = this.#ordered.length;
    while (left < right) {
      const middle = (left + right) >> 1;
      const other = this.#ordered[middle]!;
      const before = other.row.dueDay < state.row.dueDay || (other.row.dueDay === state.row.dueDay && other.installmentId <= state.installmentId);
      if (before) left = middle + 1;
      else right = middle;
    }
    return left;
  }
}

/** Replays contracts and payments in date order through the product's allocation rule. */
function allocateHistory(
  clientId: number,
  contracts: readonly ContractRow[],
  installments: readonly InstallmentRow[],
  intents: readonly PaymentIntent[],
  ids: IdCounters,
): ClientData {
  const byContract = new Map<number, InstallmentRow[]>();
  const installmentById = new Map<number, InstallmentRow>();
  for (const installment of installments) {
    const list = byContract.get(installment.contractId) ?? [];
    list.push(installment);
    byContract.set(installment.contractId, list);
    installmentById.set(installment.id, installment);
  }

  const payments: PaymentRow[] = [];
  const allocations: AllocationRow[] = [];
  // Live payments with money not yet applied (client credit), oldest first.
  let credit: PaymentState[] = [];
  const open = new OpenInstallments();

  const apply = (payment: PaymentState, preferred: number | null, day: number) => {
    const candidates = open.candidates(payment.unapplied, preferred);
    const plan = allocate(payment.unapplied, candidates, preferred);
    const byId = new Map(candidates.map((item) => [item.installmentId, item]));
    const written: AllocationRow[] = [];
    for (const line of plan.lines) {
      const item = byId.get(line.installmentId)!;
      item.outstanding -= line.amount;
      item.row.paidAmount += line.amount;
      const allocation = {
        id: ids.allocation++,
        paymentId: payment.row.id,
        installmentId: line.installmentId,
        amount: line.amount,
        createdDay: day,
        reversed: false,
      };
      allocations.push(allocation);
      written.push(allocation);
    }
    payment.unapplied = plan.unapplied;
    open.removePaid(candidates);
    return written;
  };
  const applyCredit = (day: number, usePreferred: boolean) => {
    for (const payment of credit) {
      if (open.size === 0) break;
      apply(payment, usePreferred ? payment.row.contractId : null, day);
    }
    credit = credit.filter((payment) => payment.unapplied > 0);
  };

  let contractIndex = 0;
  for (let intentIndex = 0; intentIndex <= intents.length; intentIndex++) {
    const intent = intents[intentIndex];
    const until = intent ? intent.day : Number.POSITIVE_INFINITY;
    // Contracts signed up to the payment's day are entered first, each taking the client's credit.
    while (contractIndex < contracts.length && contracts[contractIndex]!.signedOn <= until) {
      const contract = contracts[contractIndex++]!;
      for (const row of byContract.get(contract.id) ?? []) open.add(openEntry(row));
      if (credit.length > 0) applyCredit(contract.signedOn, false);
    }
    if (!intent) break;

    const row: PaymentRow = {
      id: ids.payment++,
      clientId,
      receivedDay: intent.day,
      amount: intent.amount,
      method: intent.method,
      bankReference: intent.bankReference,
      note: intent.duplicate ? "重复登记" : "",
      contractId: intent.contractId,
      reversed: intent.duplicate,
    };
    payments.push(row);
    const state = { row, unapplied: row.amount };
    const written = apply(state, row.contractId, intent.day);
    if (!intent.duplicate) {
      if (state.unapplied > 0) credit.push(state);
      continue;
    }
    // Reversed the same day: its allocations stay as history, the installments
    // reopen, and the client's credit is applied again in received order.
    for (const allocation of written) {
      allocation.reversed = true;
      const installment = installmentById.get(allocation.installmentId)!;
      installment.paidAmount -= allocation.amount;
      const outstanding = installment.amount - installment.paidAmount;
      const reopened = open.find(installment.id, installment.contractId);
      if (reopened) reopened.outstanding = outstanding;
      else open.add(openEntry(installment));
    }
    if (credit.length > 0) applyCredit(intent.day, true);
  }

  return { contracts: [...contracts], installments: [...installments], payments, allocations };
}

function openEntry(row: InstallmentRow): OpenState {
  return {
    installmentId: row.id,
    contractId: row.contractId,
    dueDate: dateText(row.dueDay),
    outstanding: row.amount - row.paidAmount,
    row,
  };
}
