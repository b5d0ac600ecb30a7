import fs from "node:fs";

import SQLite from "better-sqlite3";

import { migrateToLatest, openDatabase } from "../../db";
import { Random } from "../../db/seed/demo-random";
import { getAuth } from "../../server/auth";
import { COMPANY_PROFILE_KEY } from "../../server/services/settings";
import { createUser } from "../../server/services/users";
import { dateText, dayNumber, nextWorkday } from "./calendar";
import { address, CITIES, clientName, COST_CATEGORIES, personName, phoneNumber } from "./catalog";
import { type ClientProfile, HABITS, type IdCounters, normal, planClient, SigningCalendar } from "./plan";
import { BENCH_ADMIN, BENCH_TODAY, type DatasetSize, HISTORY_START } from "./sizes";
import { createIndexes, DatasetWriter, dropSecondaryIndexes, timestamp } from "./write";

/** Setting that marks a file as a generated benchmark dataset, so the generator may overwrite it. */
export const DATASET_MARKER_KEY = "bench_dataset";

/** Clients written per transaction; big enough that commits cost nothing, small enough to hold in memory. */
const CLIENTS_PER_TRANSACTION = 200;

const BULK_TABLES = ["client", "contract", "installment", "payment", "allocation", "operating_cost"];

export interface GenerationResult {
  file: string;
  rows: Record<string, number>;
  seconds: number;
}

/**
 * Writes the dataset of `size` into a new, migrated SQLite file at `file`,
 * replacing an earlier generated dataset there. A file that is not a
 * generated dataset is never replaced.
 */
export async function generateDataset(
  size: DatasetSize,
  file: string,
  log: (message: string) => void = () => {},
): Promise<GenerationResult> {
  const started = performance.now();
  removeEarlierDataset(file);

  const db = openDatabase(file);
  await migrateToLatest(db);
  await db.destroy();

  const sqlite = new SQLite(file);
  try {
    sqlite.pragma("journal_mode = OFF");
    sqlite.pragma("synchronous = OFF");
    sqlite.pragma("foreign_keys = OFF");
    sqlite.pragma("cache_size = -1000000");
    sqlite.pragma("temp_store = MEMORY");
    const indexes = dropSecondaryIndexes(sqlite, BULK_TABLES);

    writeReferenceData(sqlite, size);
    writeClients(sqlite, size, log);
    writeOperatingCosts(sqlite, size);

    log(`building ${indexes.length} indexes`);
    createIndexes(sqlite, indexes);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
  } finally {
    sqlite.close();
  }

  await createBenchAdmin(file);
  return { file, rows: countRows(file), seconds: (performance.now() - started) / 1000 };
}

function removeEarlierDataset(file: string): void {
  if (!fs.existsSync(file)) return;

  const sqlite = new SQLite(file, { readonly: true });
  let marked = false;
  try {
    marked = Boolean(
      sqlite.prepare("select 1 from sqlite_master where name = 'setting'").get() &&
        sqlite.prepare("select 1 from setting where key = ?").get(DATASET_MARKER_KEY),
    );
  } finally {
    sqlite.close();
  }
  if (!marked) {
    throw new Error(`${file} exists and is not a generated benchmark dataset; choose another path or delete it`);
  }
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Staff, the company profile that letters print, and the dataset marker. */
function writeReferenceData(sqlite: SQLite.Database, size: DatasetSize): void {
  const random = new Random(size.seed + 1);
  const created = `${HISTORY_START}T01:00:00.000Z`;
  const staff = sqlite.prepare("insert into staff (id, name, phone, active, created_at) values (?, ?, ?, 1, ?)");
  const setting = sqlite.prepare("insert into setting (key, value, updated_at) values (?, ?, ?)");
  sqlite.transaction(() => {
    for (let index = 0; index < size.staff; index++) {
      staff.run(index + 1, personName(index + 7), phoneNumber(random), created);
    }
    setting.run(COMPANY_PROFILE_KEY, JSON.stringify(BENCH_COMPANY), created);
    setting.run(DATASET_MARKER_KEY, JSON.stringify({ size: size.name, seed: size.seed, today: BENCH_TODAY }), created);
  })();
}

const BENCH_COMPANY = {
  name: "华东星河广告集团有限公司",
  address: "上海市徐汇区漕溪北路398号汇智大厦12楼",
  phone: "021-64871230",
  bankName: "招商银行上海分行徐家汇支行",
  bankAccountName: "华东星河广告集团有限公司",
  bankAccountNumber: "1219 0876 5410 8016",
  signatory: "周立群",
};

function writeClients(sqlite: SQLite.Database, size: DatasetSize, log: (message: string) => void): void {
  const today = dayNumber(BENCH_TODAY);
  const firstDay = dayNumber(HISTORY_START);
  const profiles = planProfiles(size, firstDay, today);
  const calendar = new SigningCalendar(firstDay, today);
  const ids: IdCounters = { contract: 1, installment: 1, payment: 1, allocation: 1 };
  const random = new Random(size.seed + 2);
  const nameOrder = shuffledIndexes(random, size.clients);

  const insertClient = sqlite.prepare(
    `insert into client (id, name, contact_person, phone, address, account_manager_id, notes, created_at, updated_at, version)
     values (?, ?, ?, ?, ?, ?, '', ?, ?, 1)`,
  );
  const writer = new DatasetWriter(sqlite);
  const writeBatch = sqlite.transaction((batch: ClientProfile[]) => {
    for (const profile of batch) {
      const name = clientName(nameOrder[profile.clientId - 1]!);
      const created = timestamp(profile.firstDay - random.int(0, 30), 1);
      const manager = managerOf(random, size.staff);
      insertClient.run(
        profile.clientId,
        name,
        personName(random.int(0, 599)),
        phoneNumber(random),
        address(random, CITIES[nameOrder[profile.clientId - 1]! % CITIES.length]!),
        manager,
        created,
        created,
      );
      writer.writeClient(planClient(profile, calendar, today, ids, size.seed * 31 + profile.clientId));
    }
  });

  for (let start = 0; start < profiles.length; start += CLIENTS_PER_TRANSACTION) {
    writeBatch(profiles.slice(start, start + CLIENTS_PER_TRANSACTION));
    log(`clients ${Math.min(start + CLIENTS_PER_TRANSACTION, profiles.length)}/${profiles.length}`);
  }
}

/** Account managers carry uneven books: the first third of them get twice the clients. */
function managerOf(random: Random, staffCount: number): number {
  const busy = Math.max(1, Math.floor(staffCount / 3));
  if (random.chance(0.5)) return random.int(1, busy);
  return random.int(1, staffCount);
}

/**
 * Draws each client's habit, main business type, active period and share
 * of the contracts. Shares are log-normal, so a few large clients place
 * many contracts; counts sum exactly to `size.contracts`.
 */
export function planProfiles(size: DatasetSize, firstDay: number, today: number): ClientProfile[] {
  const random = new Random(size.seed);
  const span = today - firstDay;
  const weights = Array.from({ length: size.clients }, () => Math.exp(1.1 * normal(random)));
  const counts = contractCounts(weights, size.contracts);
  const meanWeight = weights.reduce((sum, weight) => sum + weight, 0) / weights.length;

  return weights.map((weight, index) => {
    const habit = HABITS[random.weightedIndex(HABITS.map((entry) => entry.weight))]!;
    const start = random.chance(0.75)
      ? firstDay + random.int(0, 120)
      : firstDay + random.int(120, Math.max(121, span - 120));
    const lost = random.chance(0.12);
    const end = lost ? start + Math.round((today - start) * random.between(0.3, 0.8)) : today;
    return {
      clientId: index + 1,
      habit,
      mainType: random.weightedIndex([30, 15, 30, 15, 10]),
      contractCount: counts[index]!,
      firstDay: start,
      lastDay: Math.max(start, end),
      amountScale: Math.min(2.5, Math.max(0.6, Math.pow(weight / meanWeight, 0.25))),
    };
  });
}

/** Splits `total` in proportion to `weights`, at least one each, summing exactly to `total`. */
function contractCounts(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const counts = weights.map((weight) => Math.max(1, Math.floor((total * weight) / sum)));
  let difference = total - counts.reduce((acc, count) => acc + count, 0);
  for (let index = 0; difference !== 0; index = (index + 1) % counts.length) {
    if (difference > 0) {
      counts[index]! += 1;
      difference -= 1;
    } else if (counts[index]! > 1) {
      counts[index]! -= 1;
      difference += 1;
    }
  }
  return counts;
}

function shuffledIndexes(random: Random, count: number): number[] {
  const indexes = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = random.int(0, index);
    [indexes[index], indexes[other]] = [indexes[other]!, indexes[index]!];
  }
  return indexes;
}

/**
 * Operating costs every month of the history, by category; from the last
 * six months on costs grow 4% a month, so the cash-flow report has a
 * divergence to warn about.
 */
function writeOperatingCosts(sqlite: SQLite.Database, size: DatasetSize): void {
  const random = new Random(size.seed + 3);
  const today = dayNumber(BENCH_TODAY);
  const insert = sqlite.prepare(
    "insert into operating_cost (paid_on, category_id, amount, note, created_at) values (?, ?, ?, '', ?)",
  );
  const weights = COST_CATEGORIES.map((category) => category.weight);
  const growthFrom = today - 180;

  sqlite.transaction(() => {
    for (let monthStart = dayNumber(HISTORY_START); monthStart <= today; ) {
      const text = dateText(monthStart);
      const nextMonth = dayNumber(nextMonthStart(text));
      const lastDay = Math.min(today, nextMonth - 1);
      for (let row = 0; row < size.costsPerMonth; row++) {
        const category = COST_CATEGORIES[random.weightedIndex(weights)]!;
        const day = nextWorkday(monthStart + random.int(0, Math.max(0, lastDay - monthStart)));
        if (day > today) continue;
        const growth = day > growthFrom ? Math.pow(1.04, (day - growthFrom) / 30) : 1;
        const yuan = category.medianYuan * growth * Math.exp(0.5 * normal(random));
        insert.run(dateText(day), category.id, Math.max(100, Math.round(yuan) * 100), timestamp(day, 2));
      }
      monthStart = nextMonth;
    }
  })();
}

function nextMonthStart(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

/** The administrator the benchmark signs in as, created through better-auth like any account. */
async function createBenchAdmin(file: string): Promise<void> {
  const db = openDatabase(file);
  try {
    await createUser(getAuth(db), db, {
      name: BENCH_ADMIN.name,
      username: BENCH_ADMIN.username,
      email: BENCH_ADMIN.email,
      role: "admin",
      staffId: null,
      password: BENCH_ADMIN.password,
    });
  } finally {
    await db.destroy();
  }
}

function countRows(file: string): Record<string, number> {
  const sqlite = new SQLite(file, { readonly: true });
  try {
    const rows: Record<string, number> = {};
    for (const table of ["staff", ...BULK_TABLES]) {
      rows[table] = (sqlite.prepare(`select count(*) as count from ${table}`).get() as { count: number }).count;
    }
    return rows;
  } finally {
    sqlite.close();
  }
}
