import { type ChildProcess, execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

import SQLite from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { type Db, migrateToLatest, openDatabase } from "../../db";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { backupDatabase } from "../../server/backup/backup";
import { listBackups, pruneBackups } from "../../server/backup/files";
import { restoreDatabase } from "../../server/backup/restore";
import {
  type BackupSchedulerOptions,
  isCatchUpDue,
  lastBackupAt,
  scheduleBackups,
  startBackupScheduler,
} from "../../server/backup/scheduler";
import { backupSettingsFromEnv } from "../../server/backup/settings";
import {
  type TimeOfDay,
  formatTimestamp,
  instantAt,
  nextBackupAt,
  parseTimeOfDay,
  parseTimestamp,
} from "../../server/backup/time";
import { type Clock, createClock } from "../../server/clock";
import { AppError } from "../../server/errors";
import { createClient } from "../../server/services/clients";
import { createContract } from "../../server/services/contracts";
import { recordPayment } from "../../server/services/payments";

const TODAY = "2026-12-04";
const ZONE = "Asia/Shanghai";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** A migrated database with the demo agency, copied for each test. */
let demoTemplate: string;
const tempFolders: string[] = [];

function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-backup-"));
  tempFolders.push(folder);
  return folder;
}

beforeAll(async () => {
  demoTemplate = path.join(tempFolder(), "template.db");
  const db = openDatabase(demoTemplate);
  await migrateToLatest(db);
  await seedDemoIfEmpty(db, createClock({ fixedDate: TODAY, timeZone: ZONE }));
  await db.destroy();
});

afterEach(() => {
  vi.useRealTimers();
});

afterAll(() => {
  for (const folder of tempFolders.splice(0)) {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** Copies the demo database to `<folder>/huikuan.db`. */
function demoDatabase(folder = tempFolder()): string {
  const file = path.join(folder, "huikuan.db");
  fs.copyFileSync(demoTemplate, file);
  return file;
}

/**
 * Creates a clock whose instant moves one second per reading, from
 * `startIso`, so backups taken one after another get distinct names.
 */
function steppingClock(startIso = "2026-12-04T18:30:00Z", fixedDate = TODAY): Clock {
  let next = Date.parse(startIso);
  return {
    timeZone: ZONE,
    today: () => fixedDate,
    nowIso: () => {
      const iso = new Date(next).toISOString();
      next += 1000;
      return iso;
    },
  };
}

function clockAt(iso: string, timeZone = ZONE): Clock {
  return createClock({ timeZone, now: () => new Date(iso) });
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Reads every row of every table in sqlite_master, and the schema itself.
 * Each table's rows are sorted, so two databases with the same data compare
 * equal whatever order their pages store the rows in.
 */
function readAllTables(file: string): Record<string, string[]> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all() as string[];
    const snapshot: Record<string, string[]> = {
      sqlite_master: (
        db.prepare("select type, name, tbl_name, sql from sqlite_master order by name").all() as object[]
      ).map((row) => JSON.stringify(row)),
    };
    for (const table of tables) {
      const rows = db.prepare(`select * from ${quoteName(table)}`).all() as object[];
      snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return snapshot;
  } finally {
    db.close();
  }
}

function rowCount(file: string, table: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`select count(*) from ${quoteName(table)}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * Lists the rows that break the balance identities, as readable strings.
 * An installment's paid_amount must equal the sum of its live allocations
 * and stay within its amount. A payment must not be applied beyond its
 * amount, and a reversed payment keeps no live allocation.
 */
function balanceViolations(file: string): string[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const installments = db
      .prepare(
        `select i.id, i.amount, i.paid_amount,
           (select coalesce(sum(a.amount), 0) from allocation a
             where a.installment_id = i.id and a.reversed_at is null) as allocated
         from installment i`,
      )
      .all() as { id: number; amount: number; paid_amount: number; allocated: number }[];
    const payments = db
      .prepare(
        `select p.id, p.amount, p.reversed_at,
           (select coalesce(sum(a.amount), 0) from allocation a
             where a.payment_id = p.id and a.reversed_at is null) as allocated
         from payment p`,
      )
      .all() as { id: number; amount: number; reversed_at: string | null; allocated: number }[];

    const violations: string[] = [];
    for (const row of installments) {
      if (row.paid_amount !== row.allocated) {
        violations.push(`installment ${row.id}: paid_amount ${row.paid_amount} != allocated ${row.allocated}`);
      }
      if (row.allocated > row.amount) {
        violations.push(`installment ${row.id}: allocated ${row.allocated} > amount ${row.amount}`);
      }
    }
    for (const row of payments) {
      if (row.allocated > row.amount) {
        violations.push(`payment ${row.id}: allocated ${row.allocated} > amount ${row.amount}`);
      }
      if (row.reversed_at !== null && row.allocated !== 0) {
        violations.push(`reversed payment ${row.id}: ${row.allocated} still allocated`);
      }
    }
    return violations;
  } finally {
    db.close();
  }
}

function integrityCheck(file: string): string {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma("integrity_check", { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Adds a client with one contract of `count` installments of `amount` fen each. */
async function addOpenContract(db: Db, clock: Clock, name: string, count: number, amount: number) {
  const { clientId } = await createClient(db, clock, {
    name,
    contactPerson: "",
    phone: "",
    address: "",
    accountManagerId: null,
    notes: "",
  });
  await createContract(db, clock, {
    clientId,
    contractNo: `${name}-1`,
    businessTypeId: 1,
    title: "户外大牌",
    signedOn: "2026-01-01",
    serviceStart: null,
    serviceEnd: null,
    totalAmount: count * amount,
    mediaCost: 0,
    productionCost: 0,
    notes: "",
    installments: Array.from({ length: count }, (_, index) => ({
      label: `第${index + 1}期`,
      dueDate: `2026-${String((index % 12) + 1).padStart(2, "0")}-01`,
      amount,
    })),
  });
  return clientId;
}

function pay(db: Db, clock: Clock, clientId: number, amount: number) {
  return recordPayment(db, clock, {
    clientId,
    receivedOn: "2026-12-01",
    amount,
    method: "银行转账",
    bankReference: "",
    note: "",
    contractId: null,
  });
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).message).toMatch(message);
}

describe("backupDatabase", () => {
  it("copies every table row for row", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");

    const result = await backupDatabase({
      databaseFile: source,
      backupFolder,
      keep: 14,
      clock: steppingClock(),
    });

    expect(path.basename(result.file)).toBe("huikuan-20261205-023000.db");
    expect(readAllTables(result.file)).toEqual(readAllTables(source));
    expect(result.tables.client).toBe(rowCount(source, "client"));
    expect(result.tables.allocation).toBe(rowCount(source, "allocation"));
    expect(result.bytes).toBe(fs.statSync(result.file).size);
    expect(result.deleted).toEqual([]);
  });

  it("writes one self-contained file", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");

    const result = await backupDatabase({ databaseFile: source, backupFolder, keep: 14, clock: steppingClock() });

    expect(fs.readdirSync(backupFolder)).toEqual([path.basename(result.file)]);
    // Header bytes 18 and 19 are 1 for the rollback journal, 2 for WAL.
    const header = fs.readFileSync(result.file).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
  });

  it("includes writes still in the WAL", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const db = openDatabase(source);
    const clock = createClock({ fixedDate: TODAY, timeZone: ZONE });
    await addOpenContract(db, clock, "未检查点客户", 2, 50000);
    expect(fs.statSync(`${source}-wal`).size).toBeGreaterThan(0);

    const result = await backupDatabase({
      databaseFile: source,
      backupFolder: path.join(folder, "backups"),
      keep: 14,
      clock: steppingClock(),
    });
    await db.destroy();

    const names = readAllTables(result.file).client!.map((row) => JSON.parse(row).name);
    expect(names).toContain("未检查点客户");
    expect(readAllTables(result.file)).toEqual(readAllTables(source));
  });

  it("names the file by real time in the zone", async () => {
    const folder = tempFolder();
    const source = path.join(folder, "ibm.db");
    fs.copyFileSync(demoTemplate, source);
    // HUIKUAN_TODAY fixes only the business date; the name uses the instant.
    const clock = createClock({
      timeZone: ZONE,
      fixedDate: "2013-06-30",
      now: () => new Date("2026-12-04T16:05:09Z"),
    });

    const result = await backupDatabase({ databaseFile: source, backupFolder: folder, keep: 14, clock });

    expect(path.basename(result.file)).toBe("ibm-20261205-000509.db");
  });

  it("rejects a missing database", async () => {
    const folder = tempFolder();

    await expectAppError(
      backupDatabase({
        databaseFile: path.join(folder, "missing.db"),
        backupFolder: path.join(folder, "backups"),
        keep: 14,
        clock: steppingClock(),
      }),
      "NOT_FOUND",
      /找不到数据库文件/,
    );
    expect(fs.existsSync(path.join(folder, "missing.db"))).toBe(false);
  });

  it("rejects a second backup in the same second", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    const clock = clockAt("2026-12-04T18:30:00Z");
    const first = await backupDatabase({ databaseFile: source, backupFolder, keep: 14, clock });
    const firstBytes = fs.readFileSync(first.file);

    await expectAppError(
      backupDatabase({ databaseFile: source, backupFolder, keep: 14, clock }),
      "CONFLICT",
      /已存在/,
    );
    expect(fs.readdirSync(backupFolder)).toEqual([path.basename(first.file)]);
    expect(fs.readFileSync(first.file).equals(firstBytes)).toBe(true);
  });
});

/**
 * Script for a child process that records payments for `clientId` in a
 * tight loop for `durationMs` through its own connection, reversing every
 * fifth, and prints `ready` after the first write and the count at the end.
 */
function writerScript(): string {
  const dbModule = pathToFileURL(path.join(ROOT, "db/index.ts")).href;
  const paymentsModule = pathToFileURL(path.join(ROOT, "server/services/payments.ts")).href;
  return `
import { openDatabase } from ${JSON.stringify(dbModule)};
import { recordPayment, reversePayment } from ${JSON.stringify(paymentsModule)};

const [file, clientId, durationMs] = process.argv.slice(2);
const db = openDatabase(file);
const clock = { timeZone: "Asia/Shanghai", today: () => ${JSON.stringify(TODAY)}, nowIso: () => new Date().toISOString() };
const endAt = Date.now() + Number(durationMs);
let written = 0;
while (Date.now() < endAt) {
  const { paymentId } = await recordPayment(db, clock, {
    clientId: Number(clientId), receivedOn: "2026-11-30", amount: 3700,
    method: "银行转账", bankReference: "", note: "", contractId: null,
  });
  written += 1;
  if (written === 1) process.stdout.write("ready\\n");
  if (written % 5 === 0) await reversePayment(db, clock, { paymentId, reason: "重复录入" });
}
await db.destroy();
process.stdout.write("written " + written + "\\n");
`;
}

function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`writer exited (${code}) before "${text}": ${output}`)));
  });
}

describe("backup under concurrent writes", () => {
  it("stays consistent while a process writes", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    const setup = openDatabase(source);
    const clientId = await addOpenContract(
      setup,
      createClock({ fixedDate: TODAY, timeZone: ZONE }),
      "并发备份客户",
      120,
      10000,
    );
    await setup.destroy();
    const script = path.join(folder, "write-payments.mjs");
    fs.writeFileSync(script, writerScript());

    const writer = spawn(process.execPath, ["--import", "tsx", script, source, String(clientId), "3000"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<number | null>((resolve) => writer.once("exit", resolve));
    await waitForOutput(writer, "ready");

    const clock = steppingClock();
    const results = [];
    let writerRunning = true;
    void exited.then(() => {
      writerRunning = false;
    });
    // One page per step leaves the most room for writes between steps.
    while (writerRunning || results.length < 3) {
      results.push(
        await backupDatabase({ databaseFile: source, backupFolder, keep: 100_000, clock, pagesPerStep: 1 }),
      );
    }
    expect(await exited).toBe(0);

    const paymentCounts = new Set<number>();
    for (const result of results) {
      expect(integrityCheck(result.file), path.basename(result.file)).toBe("ok");
      expect(balanceViolations(result.file), path.basename(result.file)).toEqual([]);
      paymentCounts.add(result.tables.payment!);
    }
    // The backups saw different states, so writes did land between them.
    expect(paymentCounts.size).toBeGreaterThan(1);
    expect(balanceViolations(source)).toEqual([]);
  }, 60_000);

  it("restarts and finishes while a connection writes", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const writer = new SQLite(source);
    writer.pragma("journal_mode = WAL");
    // Each transaction adds a row and sets the counter to the row count, so
    // a copy mixing two states shows a counter that differs from the rows.
    const insert = writer.prepare("insert into setting (key, value, updated_at) values (?, ?, '')");
    const setCounter = writer.prepare("update setting set value = ? where key = 'write_count'");
    insert.run("write_count", "0");
    const write = writer.transaction((count: number) => {
      insert.run(`write_${count}`, String(count));
      setCounter.run(String(count));
    });
    let written = 0;
    let writing = true;
    // Backup steps run in setImmediate callbacks too, so a write lands between every two steps.
    const writeLoop = () => {
      if (!writing) return;
      write((written += 1));
      setImmediate(writeLoop);
    };
    setImmediate(writeLoop);

    const result = await backupDatabase({
      databaseFile: source,
      backupFolder: path.join(folder, "backups"),
      keep: 14,
      clock: steppingClock(),
      pagesPerStep: 1,
    }).finally(() => {
      writing = false;
    });
    writer.close();

    expect(result.restarts).toBeGreaterThan(0);
    const copy = new SQLite(result.file, { readonly: true });
    const counter = Number(copy.prepare("select value from setting where key = 'write_count'").pluck().get());
    const rows = copy
      .prepare("select count(*) from setting where key like 'write\\_%' escape '\\' and key != 'write_count'")
      .pluck()
      .get();
    copy.close();
    expect(counter).toBeGreaterThan(0);
    expect(rows).toBe(counter);
    expect(counter).toBeLessThanOrEqual(written);
  });
});

describe("retention", () => {
  /** Backup-like names for the 20 days before 2026-12-05, oldest first. */
  function dailyNames(prefix: string): string[] {
    return Array.from({ length: 20 }, (_, index) => {
      const day = new Date(Date.UTC(2026, 10, 15 + index));
      return `${prefix}-${day.toISOString().slice(0, 10).replaceAll("-", "")}-023000.db`;
    });
  }

  /** Files in the backup folder that retention must never touch. */
  const BYSTANDERS = [
    "huikuan.db",
    "huikuan-20261101-023000.db.partial-123",
    "huikuan-20261101-023000.db-wal",
    "huikuan-20261101-0230.db",
    "huikuan-20261101-023000.sqlite",
    "old-huikuan-20261101-023000.db",
    "ibm-20261101-023000.db",
    "Huikuan-20261101-023000.db",
    "notes.txt",
  ];

  function fillFolder(folder: string): void {
    fs.mkdirSync(folder, { recursive: true });
    for (const name of [...dailyNames("huikuan"), ...BYSTANDERS]) {
      fs.writeFileSync(path.join(folder, name), `content of ${name}`);
    }
    // A folder whose name matches the pattern is no backup either.
    fs.mkdirSync(path.join(folder, "huikuan-20261001-023000.db"));
  }

  it("keeps exactly the newest N backups", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    fillFolder(backupFolder);

    const result = await backupDatabase({ databaseFile: source, backupFolder, keep: 5, clock: steppingClock() });

    const kept = listBackups(backupFolder, "huikuan").map((backup) => backup.name);
    expect(kept).toEqual([...dailyNames("huikuan").slice(-4), "huikuan-20261205-023000.db"]);
    expect(result.deleted.map((backup) => backup.name)).toEqual(dailyNames("huikuan").slice(0, 16));
  });

  it("touches no other files", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    fillFolder(backupFolder);

    await backupDatabase({ databaseFile: source, backupFolder, keep: 1, clock: steppingClock() });

    for (const name of BYSTANDERS) {
      expect(fs.readFileSync(path.join(backupFolder, name), "utf8"), name).toBe(`content of ${name}`);
    }
    expect(fs.statSync(path.join(backupFolder, "huikuan-20261001-023000.db")).isDirectory()).toBe(true);
    expect(fs.readFileSync(source).equals(fs.readFileSync(demoTemplate))).toBe(true);
  });

  it("never deletes the backup just taken", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    fs.mkdirSync(backupFolder);
    // A clock that was once set far ahead named this one.
    fs.writeFileSync(path.join(backupFolder, "huikuan-20991231-023000.db"), "future");

    const result = await backupDatabase({ databaseFile: source, backupFolder, keep: 1, clock: steppingClock() });

    expect(fs.existsSync(result.file)).toBe(true);
    expect(result.deleted).toEqual([]);
  });

  it("rejects keeping fewer than one", () => {
    expect(() => pruneBackups(tempFolder(), "huikuan", 0)).toThrow(RangeError);
  });
});

describe("backup settings", () => {
  /** Builds a process environment with only the given variables set. */
  function env(values: Record<string, string>): NodeJS.ProcessEnv {
    return { NODE_ENV: "test", ...values };
  }

  it("defaults to data/backups, 14 and 02:30", () => {
    const settings = backupSettingsFromEnv(env({}));

    expect(settings.backupFolder).toBe(path.join(process.cwd(), "data", "backups"));
    expect(settings.keep).toBe(14);
    expect(settings.dailyAt).toEqual({ hour: 2, minute: 30 });
  });

  it("reads the folder, count and time", () => {
    const settings = backupSettingsFromEnv(
      env({ HUIKUAN_BACKUP_DIR: "/srv/backups", HUIKUAN_BACKUP_KEEP: "30", HUIKUAN_BACKUP_AT: "23:05" }),
    );

    expect(settings).toEqual({ backupFolder: "/srv/backups", keep: 30, dailyAt: { hour: 23, minute: 5 } });
  });

  it.each(["off", "OFF", " Off "])("turns the schedule off with %j", (value) => {
    expect(backupSettingsFromEnv(env({ HUIKUAN_BACKUP_AT: value })).dailyAt).toBeNull();
  });

  it.each(["24:00", "2:3", "0230", "12:60", "noon"])("rejects HUIKUAN_BACKUP_AT=%s", (value) => {
    expect(() => backupSettingsFromEnv(env({ HUIKUAN_BACKUP_AT: value }))).toThrow(/HUIKUAN_BACKUP_AT 无效/);
  });

  it.each(["0", "-1", "1.5", "ten"])("rejects HUIKUAN_BACKUP_KEEP=%s", (value) => {
    expect(() => backupSettingsFromEnv(env({ HUIKUAN_BACKUP_KEEP: value }))).toThrow(/HUIKUAN_BACKUP_KEEP 无效/);
  });
});

describe("backup times", () => {
  const at = (value: string): TimeOfDay => parseTimeOfDay(value)!;

  it.each([
    // [now, time, zone, next run]
    ["2026-12-04T18:00:00Z", "02:30", ZONE, "2026-12-04T18:30:00.000Z"],
    ["2026-12-04T18:29:59.999Z", "02:30", ZONE, "2026-12-04T18:30:00.000Z"],
    ["2026-12-04T18:30:00Z", "02:30", ZONE, "2026-12-05T18:30:00.000Z"],
    ["2026-12-04T15:59:59Z", "02:30", ZONE, "2026-12-04T18:30:00.000Z"],
    ["2026-12-04T16:00:00Z", "23:30", ZONE, "2026-12-05T15:30:00.000Z"],
    ["2026-12-04T15:00:00Z", "00:00", ZONE, "2026-12-04T16:00:00.000Z"],
    ["2026-12-31T16:30:00Z", "00:00", ZONE, "2027-01-01T16:00:00.000Z"],
    ["2026-12-31T23:59:00Z", "00:00", "UTC", "2027-01-01T00:00:00.000Z"],
    ["2026-12-04T20:00:00Z", "02:30", "Asia/Kolkata", "2026-12-04T21:00:00.000Z"],
    ["2026-12-04T12:00:00Z", "02:30", "America/Los_Angeles", "2026-12-05T10:30:00.000Z"],
  ])("from %s at %s in %s is %s", (now, time, zone, expected) => {
    expect(nextBackupAt(new Date(now), at(time), zone).toISOString()).toBe(expected);
  });

  it("uses the business date, not the server's", () => {
    // 01:00 on 5 December in Shanghai is still 4 December in UTC.
    const next = nextBackupAt(new Date("2026-12-04T17:00:00Z"), at("02:30"), ZONE);

    expect(next.toISOString()).toBe("2026-12-04T18:30:00.000Z");
  });

  it("moves a skipped time past the jump", () => {
    // New York jumps from 02:00 to 03:00 EDT on 8 March 2026.
    const next = nextBackupAt(new Date("2026-03-08T05:00:00Z"), at("02:30"), "America/New_York");

    expect(next.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("runs a repeated time once", () => {
    // 01:30 occurs twice in New York on 1 November 2026: EDT, then EST.
    const zone = "America/New_York";
    const first = nextBackupAt(new Date("2026-11-01T04:00:00Z"), at("01:30"), zone);
    const second = nextBackupAt(first, at("01:30"), zone);

    expect(first.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(second.toISOString()).toBe("2026-11-02T06:30:00.000Z");
  });

  it("takes the first of a repeated time east of UTC", () => {
    // 02:30 occurs twice in Berlin on 25 October 2026: CEST, then CET.
    expect(instantAt("2026-10-25", at("02:30"), "Europe/Berlin").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("formats and parses backup timestamps", () => {
    const instant = new Date("2026-12-04T18:30:05Z");

    expect(formatTimestamp(instant, ZONE)).toBe("20261205-023005");
    expect(parseTimestamp("20261205-023005", ZONE)?.toISOString()).toBe(instant.toISOString());
    expect(parseTimestamp("20260230-023005", ZONE)).toBeNull();
    expect(parseTimestamp("20261205-243005", ZONE)).toBeNull();
  });
});

describe("scheduleBackups", () => {
  const DAILY_AT = { hour: 2, minute: 30 };

  function backupNamed(folder: string, iso: string): void {
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `huikuan-${formatTimestamp(new Date(iso), ZONE)}.db`), "");
  }

  function fakeBackups() {
    const calls: string[] = [];
    const runBackup = vi.fn(async () => {
      calls.push(new Date().toISOString());
      return { file: "", bytes: 0, durationMs: 0, restarts: 0, tables: {}, deleted: [] };
    });
    return { calls, runBackup };
  }

  function start(folder: string, runBackup: BackupSchedulerOptions["runBackup"]) {
    return scheduleBackups({
      databaseFile: path.join(folder, "huikuan.db"),
      backupFolder: folder,
      keep: 14,
      dailyAt: DAILY_AT,
      clock: createClock({ timeZone: ZONE, fixedDate: TODAY }),
      runBackup,
    });
  }

  it("catches up when the newest backup is a day old", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T04:00:00Z") });
    const folder = tempFolder();
    backupNamed(folder, "2026-12-04T03:59:59Z");
    const { calls, runBackup } = fakeBackups();

    const scheduler = start(folder, runBackup);
    await scheduler.idle();
    scheduler.stop();

    expect(calls).toEqual(["2026-12-05T04:00:00.000Z"]);
  });

  it("catches up when there is no backup", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T04:00:00Z") });
    const { calls, runBackup } = fakeBackups();

    const scheduler = start(tempFolder(), runBackup);
    await scheduler.idle();
    scheduler.stop();

    expect(calls).toHaveLength(1);
  });

  it("skips the catch-up after a recent backup", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T04:00:00Z") });
    const folder = tempFolder();
    backupNamed(folder, "2026-12-04T18:30:00Z");
    const { calls, runBackup } = fakeBackups();

    const scheduler = start(folder, runBackup);
    await scheduler.idle();
    scheduler.stop();

    expect(calls).toEqual([]);
  });

  it("runs daily at the set time", async () => {
    // 01:00 in Shanghai; the last backup ran an hour ago.
    vi.useFakeTimers({ now: new Date("2026-12-04T17:00:00Z") });
    const folder = tempFolder();
    backupNamed(folder, "2026-12-04T16:00:00Z");
    const { calls, runBackup } = fakeBackups();
    const scheduler = start(folder, runBackup);
    expect(scheduler.nextRunAt().toISOString()).toBe("2026-12-04T18:30:00.000Z");

    await vi.advanceTimersByTimeAsync(90 * 60_000 - 1);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(["2026-12-04T18:30:00.000Z"]);
    expect(scheduler.nextRunAt().toISOString()).toBe("2026-12-05T18:30:00.000Z");
    await vi.advanceTimersByTimeAsync(3 * 86_400_000);
    scheduler.stop();

    expect(calls).toEqual([
      "2026-12-04T18:30:00.000Z",
      "2026-12-05T18:30:00.000Z",
      "2026-12-06T18:30:00.000Z",
      "2026-12-07T18:30:00.000Z",
    ]);
  });

  it("keeps running after a failed backup", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T04:00:00Z") });
    const folder = tempFolder();
    backupNamed(folder, "2026-12-04T18:30:00Z");
    const runBackup = vi.fn(() => Promise.reject(new Error("disk full")));
    const scheduler = start(folder, runBackup);

    await vi.advanceTimersByTimeAsync(2 * 86_400_000);
    scheduler.stop();

    expect(runBackup).toHaveBeenCalledTimes(2);
  });

  it("stops running after stop", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-05T04:00:00Z") });
    const folder = tempFolder();
    backupNamed(folder, "2026-12-04T18:30:00Z");
    const { calls, runBackup } = fakeBackups();

    start(folder, runBackup).stop();
    await vi.advanceTimersByTimeAsync(2 * 86_400_000);

    expect(calls).toEqual([]);
  });

  it("takes a real backup at start", async () => {
    const folder = tempFolder();
    const source = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");

    const scheduler = scheduleBackups({
      databaseFile: source,
      backupFolder,
      keep: 14,
      dailyAt: DAILY_AT,
      clock: createClock({ timeZone: ZONE }),
    });
    await scheduler.idle();
    scheduler.stop();

    const backups = listBackups(backupFolder, "huikuan");
    expect(backups).toHaveLength(1);
    expect(readAllTables(backups[0]!.path)).toEqual(readAllTables(source));
    const takenAt = lastBackupAt(backupFolder, source, ZONE)!;
    expect(isCatchUpDue(takenAt, new Date())).toBe(false);
  });

  it("does not keep a process alive", async () => {
    const folder = tempFolder();
    const backupFolder = path.join(folder, "backups");
    backupNamed(backupFolder, new Date().toISOString());
    const schedulerModule = pathToFileURL(path.join(ROOT, "server/backup/scheduler.ts")).href;
    const script = path.join(folder, "schedule.mjs");
    fs.writeFileSync(
      script,
      `import { scheduleBackups } from ${JSON.stringify(schedulerModule)};
const clock = { timeZone: "Asia/Shanghai", today: () => "${TODAY}", nowIso: () => new Date().toISOString() };
scheduleBackups({ databaseFile: ${JSON.stringify(path.join(folder, "huikuan.db"))}, backupFolder: ${JSON.stringify(backupFolder)}, keep: 14, dailyAt: { hour: 2, minute: 30 }, clock });
process.stdout.write("scheduled");`,
    );

    const { stdout } = await run(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      timeout: 20_000,
      env: { ...process.env, LOG_LEVEL: "silent" },
    });

    expect(stdout).toBe("scheduled");
  });

  it("starts nothing under Vitest", () => {
    expect(startBackupScheduler()).toBeNull();
  });
});

describe("restoreDatabase", () => {
  async function backupOf(source: string, folder: string): Promise<string> {
    const result = await backupDatabase({
      databaseFile: source,
      backupFolder: path.join(folder, "backups"),
      keep: 14,
      clock: steppingClock(),
    });
    return result.file;
  }

  /** Adds a client and a payment, so the target differs from its backup. */
  async function changeDatabase(file: string): Promise<void> {
    const db = openDatabase(file);
    const clock = createClock({ fixedDate: TODAY, timeZone: ZONE });
    const clientId = await addOpenContract(db, clock, "备份后新增客户", 3, 20000);
    await pay(db, clock, clientId, 25000);
    await db.destroy();
  }

  function safetyCopies(target: string): string[] {
    const prefix = `${path.basename(target)}.before-restore-`;
    return fs.readdirSync(path.dirname(target)).filter((name) => name.startsWith(prefix));
  }

  it("restores identical data and keeps a safety copy", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const atBackup = readAllTables(target);
    await changeDatabase(target);
    const beforeRestore = readAllTables(target);
    expect(beforeRestore).not.toEqual(atBackup);

    const result = await restoreDatabase({ from: backup, to: target, clock: clockAt("2026-12-05T02:00:00Z") });

    expect(readAllTables(target)).toEqual(atBackup);
    expect(readAllTables(target)).toEqual(readAllTables(backup));
    expect(result.safetyCopy).toEqual({
      file: `${target}.before-restore-20261205-100000`,
      method: "sqlite",
      ok: true,
    });
    expect(readAllTables(result.safetyCopy!.file)).toEqual(beforeRestore);
    expect(result.tables.client).toBe(rowCount(backup, "client"));
  });

  it("leaves the backup unchanged", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const bytes = fs.readFileSync(backup);

    await restoreDatabase({ from: backup, to: target, clock: steppingClock() });

    expect(fs.readFileSync(backup).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(backup))).toEqual([path.basename(backup)]);
  });

  it("opens again in the app after a restore", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    await changeDatabase(target);

    await restoreDatabase({ from: backup, to: target, clock: steppingClock() });
    const db = openDatabase(target);
    await migrateToLatest(db);
    const clientId = await addOpenContract(db, createClock({ fixedDate: TODAY, timeZone: ZONE }), "恢复后新增客户", 1, 1000);
    await db.destroy();

    expect(clientId).toBeGreaterThan(0);
    expect(integrityCheck(target)).toBe("ok");
    expect(balanceViolations(target)).toEqual([]);
  });

  it("removes stale WAL files and keeps their data", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    // A process that dies without closing leaves its last writes in -wal.
    const script = path.join(folder, "crash.cjs");
    fs.writeFileSync(
      script,
      `const SQLite = require(${JSON.stringify(path.join(ROOT, "node_modules", "better-sqlite3"))});
const db = new SQLite(${JSON.stringify(target)});
db.pragma("journal_mode = WAL");
db.prepare("insert into staff (name, phone, active, created_at) values (?, '', 1, ?)").run("崩溃前写入", new Date().toISOString());
process.kill(process.pid, "SIGKILL");`,
    );
    await run(process.execPath, [script]).catch(() => undefined);
    expect(fs.existsSync(`${target}-wal`)).toBe(true);

    const result = await restoreDatabase({ from: backup, to: target, clock: steppingClock() });

    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${target}-shm`)).toBe(false);
    expect(readAllTables(target)).toEqual(readAllTables(backup));
    const staff = readAllTables(result.safetyCopy!.file).staff!.map((row) => JSON.parse(row).name);
    expect(staff).toContain("崩溃前写入");
  });

  it("restores into a missing target", async () => {
    const folder = tempFolder();
    const backup = await backupOf(demoDatabase(folder), folder);
    const target = path.join(folder, "new", "huikuan.db");

    const result = await restoreDatabase({ from: backup, to: target, clock: steppingClock() });

    expect(result.safetyCopy).toBeNull();
    expect(readAllTables(target)).toEqual(readAllTables(backup));
  });

  it("keeps a damaged target byte for byte", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    fs.writeFileSync(target, "not a database any more");

    const result = await restoreDatabase({ from: backup, to: target, clock: steppingClock() });

    expect(result.safetyCopy).toMatchObject({ method: "file", ok: false });
    expect(fs.readFileSync(result.safetyCopy!.file, "utf8")).toBe("not a database any more");
    expect(readAllTables(target)).toEqual(readAllTables(backup));
  });

  /** Expects the restore to be rejected and to change nothing in the folder. */
  async function expectRejected(from: string, target: string, message: RegExp, code: AppError["code"] = "BAD_REQUEST") {
    const before = fs.readdirSync(path.dirname(target)).sort();
    const bytes = fs.readFileSync(target);

    await expectAppError(restoreDatabase({ from, to: target, clock: steppingClock() }), code, message);

    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(before);
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect(safetyCopies(target)).toEqual([]);
  }

  it("rejects a file that is not SQLite", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const from = path.join(folder, "notes.db");
    fs.writeFileSync(from, "客户名单\n");

    await expectRejected(from, target, /不是 SQLite 数据库文件/);
  });

  it("rejects an empty file", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const from = path.join(folder, "empty.db");
    fs.writeFileSync(from, "");

    await expectRejected(from, target, /不是 SQLite 数据库文件/);
  });

  it("rejects a backup with damaged pages", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const bytes = fs.readFileSync(backup);
    // Overwrite pages 3 to 6 (4 KiB each) with a pattern that is no b-tree page.
    bytes.fill(0x5a, 2 * 4096, 6 * 4096);
    const from = path.join(folder, "damaged.db");
    fs.writeFileSync(from, bytes);

    await expectRejected(from, target, /已损坏/);
  });

  it("rejects a truncated backup", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const bytes = fs.readFileSync(backup);
    const from = path.join(folder, "truncated.db");
    fs.writeFileSync(from, bytes.subarray(0, Math.floor(bytes.length / 2)));

    await expectRejected(from, target, /已损坏/);
  });

  it("rejects an SQLite file of another app", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const from = path.join(folder, "other.db");
    const other = new SQLite(from);
    other.exec("create table client (id integer primary key, name text)");
    other.close();

    await expectRejected(from, target, /不是回款数据库：缺少表 kysely_migration、staff/);
  });

  it("rejects a missing backup", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);

    await expectRejected(path.join(folder, "missing.db"), target, /找不到备份文件/, "NOT_FOUND");
  });

  it("rejects the target as its own backup", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);

    await expectRejected(target, target, /同一个文件/);
  });

  it("rejects a target the app has open", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const app = openDatabase(target);
    await migrateToLatest(app);

    await expectRejected(backup, target, /正被其他程序打开/, "CONFLICT");
    await app.destroy();
  });

  it("rejects a target another process has open", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backup = await backupOf(target, folder);
    const script = path.join(folder, "hold-open.cjs");
    fs.writeFileSync(
      script,
      `const SQLite = require(${JSON.stringify(path.join(ROOT, "node_modules", "better-sqlite3"))});
const db = new SQLite(${JSON.stringify(target)});
db.pragma("journal_mode = WAL");
db.prepare("select count(*) from client").get();
process.stdout.write("ready\\n");
process.stdin.on("data", () => { db.close(); process.exit(0); });`,
    );
    const holder = spawn(process.execPath, [script], { stdio: ["pipe", "pipe", "inherit"] });
    await waitForOutput(holder, "ready");

    try {
      await expectRejected(backup, target, /正被其他程序打开/, "CONFLICT");
    } finally {
      holder.stdin!.end("close\n");
      await new Promise((resolve) => holder.once("exit", resolve));
    }

    const result = await restoreDatabase({ from: backup, to: target, clock: steppingClock("2026-12-05T00:00:00Z") });
    expect(result.safetyCopy?.method).toBe("sqlite");
  });
});

describe("backup and restore commands", () => {
  it("back up and restore from the command line", async () => {
    const folder = tempFolder();
    const target = demoDatabase(folder);
    const backupFolder = path.join(folder, "backups");
    const env = {
      ...process.env,
      HUIKUAN_DB: target,
      HUIKUAN_BACKUP_DIR: backupFolder,
      HUIKUAN_BACKUP_KEEP: "3",
      HUIKUAN_TZ: ZONE,
    };

    const backup = await run(process.execPath, ["--import", "tsx", "scripts/backup.ts"], { cwd: ROOT, env });
    const [file] = listBackups(backupFolder, "huikuan");
    expect(backup.stdout).toContain(`已备份数据库 ${target}`);
    expect(backup.stdout).toContain("完整性检查：通过");
    expect(backup.stdout).toMatch(/客户 \d+，合同 \d+/);

    const restore = await run(
      process.execPath,
      ["--import", "tsx", "scripts/restore.ts", "--from", file!.path],
      { cwd: ROOT, env },
    );
    expect(restore.stdout).toContain(`已从备份恢复数据库 ${target}`);
    expect(restore.stdout).toContain("恢复前的数据库已另存为");
    expect(readAllTables(target)).toEqual(readAllTables(file!.path));
  });

  it("exit with a Chinese message on failure", async () => {
    const folder = tempFolder();
    const env = { ...process.env, HUIKUAN_DB: path.join(folder, "huikuan.db") };

    const failure = await run(
      process.execPath,
      ["--import", "tsx", "scripts/restore.ts", "--from", path.join(folder, "missing.db")],
      { cwd: ROOT, env },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );

    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^恢复失败：找不到备份文件/);
  });
});
