import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import SQLite from "better-sqlite3";
import ExcelJS from "exceljs";

import { migrateToLatest, openDatabase } from "../../db";
import { createClock } from "../../server/clock";
import { automaticMapping } from "../../server/import/fields";
import { readSheetRows } from "../../server/import/readers";
import { importFromDisk } from "../../server/import/service";
import { BENCH_TODAY } from "../dataset/sizes";
import { statsOf, timeOnce } from "../measure";
import type { ResultRow } from "../result";

const MAX_IMPORT_MS = 15_000;
const HEADERS = ["客户名称", "合同编号", "合同金额", "已回款", "签订日期", "到期日"];
const CLIENTS = 2_000;

interface LedgerRow {
  client: string;
  contractNo: string;
  fen: number;
  paidFen: number;
  signedOn: string;
  dueDate: string;
}

/**
 * Times importing a receivables ledger from .csv and from .xlsx through the
 * importer's entry point (server/import/service.ts importFromDisk), each
 * into a new empty database. Each row is one contract: client, number,
 * amount, amount collected, signing and due dates. The limit is reading
 * the same file alone plus writing the same rows with prepared INSERTs.
 * Every figure is one run, because an import writes.
 */
export async function benchImport(rowCount: number): Promise<ResultRow[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "huikuan-bench-import-"));
  try {
    const rows = ledgerRows(rowCount);
    const csv = path.join(directory, "ledger.csv");
    const xlsx = path.join(directory, "ledger.xlsx");
    writeCsv(csv, rows);
    await writeXlsx(xlsx, rows);

    const results: ResultRow[] = [];
    for (const [kind, file] of [["csv", csv], ["xlsx", xlsx]] as const) {
      results.push(await benchOneFile(directory, kind, file, rows));
    }
    return results;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

async function benchOneFile(
  directory: string,
  kind: "csv" | "xlsx",
  file: string,
  rows: readonly LedgerRow[],
): Promise<ResultRow> {
  const database = path.join(directory, `import-${kind}.db`);
  const db = openDatabase(database);
  let imported;
  try {
    await migrateToLatest(db);
    const spec = { entity: "contracts" as const, mapping: automaticMapping("contracts", HEADERS), dateOrder: "ymd" as const };
    const clock = createClock({ fixedDate: BENCH_TODAY });
    imported = await timeOnce(() =>
      importFromDisk(db, clock, { id: null, name: "压测" }, { filePath: file, kind, spec, preset: null }),
    );
  } finally {
    await db.destroy();
  }

  const parse = await timeOnce(async () => {
    let count = 0;
    for await (const row of readSheetRows(file, kind)) count += row.cells.length > 0 ? 1 : 0;
    return count;
  });
  const bareDatabase = path.join(directory, `bare-${kind}.db`);
  const bareDb = openDatabase(bareDatabase);
  await migrateToLatest(bareDb);
  await bareDb.destroy();
  const inserts = timeInserts(bareDatabase, rows);

  const megabytes = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  return {
    group: "import",
    name: `import-${kind}`,
    description: `${rows.length.toLocaleString("en-US")}-row ledger .${kind} (${megabytes} MB) through importFromDisk into an empty database`,
    measured: statsOf([imported.ms]),
    baseline: statsOf([parse.ms + inserts]),
    baselineLabel: "reading the file alone + prepared INSERTs of the same rows",
    extra: `reading ${(parse.ms / 1000).toFixed(1)} s + inserts ${(inserts / 1000).toFixed(1)} s; ${imported.value.rows} rows imported`,
    target: `< ${MAX_IMPORT_MS / 1000} s`,
    met: imported.ms < MAX_IMPORT_MS,
    note: "one run",
  };
}

/** Writes clients, contracts, one installment each and the collected payment with its allocation, in one transaction. */
function timeInserts(file: string, rows: readonly LedgerRow[]): number {
  const sqlite = new SQLite(file);
  try {
    const now = `${BENCH_TODAY}T01:00:00.000Z`;
    const client = sqlite.prepare("insert into client (name, created_at, updated_at) values (?, ?, ?)");
    const contract = sqlite.prepare(
      "insert into contract (client_id, contract_no, business_type_id, signed_on, total_amount, created_at, updated_at) values (?, ?, 1, ?, ?, ?, ?)",
    );
    const installment = sqlite.prepare(
      "insert into installment (contract_id, client_id, seq, label, due_date, amount, paid_amount) values (?, ?, 1, '全款', ?, ?, ?)",
    );
    const payment = sqlite.prepare(
      "insert into payment (client_id, received_on, amount, method, contract_id, created_at) values (?, ?, ?, '银行转账', ?, ?)",
    );
    const allocation = sqlite.prepare("insert into allocation (payment_id, installment_id, amount, created_at) values (?, ?, ?, ?)");

    const started = performance.now();
    sqlite.transaction(() => {
      const clientIds = new Map<string, number>();
      for (const row of rows) {
        let clientId = clientIds.get(row.client);
        if (clientId === undefined) {
          clientId = Number(client.run(row.client, now, now).lastInsertRowid);
          clientIds.set(row.client, clientId);
        }
        const contractId = Number(contract.run(clientId, row.contractNo, row.signedOn, row.fen, now, now).lastInsertRowid);
        const installmentId = Number(installment.run(contractId, clientId, row.dueDate, row.fen, row.paidFen).lastInsertRowid);
        if (row.paidFen > 0) {
          const paymentId = Number(payment.run(clientId, row.dueDate, row.paidFen, contractId, now).lastInsertRowid);
          allocation.run(paymentId, installmentId, row.paidFen, now);
        }
      }
    })();
    return performance.now() - started;
  } finally {
    sqlite.close();
  }
}

/** Draws the ledger: a fifth of the contracts unpaid, a fifth half paid, the rest paid in full, each due 30 days after signing. */
function ledgerRows(count: number): LedgerRow[] {
  const firstDay = Date.UTC(2021, 0, 1) / 86_400_000;
  const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const rows: LedgerRow[] = [];
  let seed = 20_261_204;
  for (let index = 0; index < count; index++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const fen = (1_000 + (seed % 500_000)) * 100;
    let paidFen = fen;
    if (index % 5 === 0) paidFen = 0;
    if (index % 5 === 1) paidFen = Math.floor(fen / 200) * 100;
    const signed = firstDay + (seed % 2_000);
    rows.push({
      client: `导入客户${String(index % CLIENTS).padStart(4, "0")}有限公司`,
      contractNo: `IMP-${String(index).padStart(6, "0")}`,
      fen,
      paidFen,
      signedOn: isoDay(signed),
      dueDate: isoDay(signed + 30),
    });
  }
  return rows;
}

function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

function writeCsv(file: string, rows: readonly LedgerRow[]): void {
  const lines = [`\uFEFF${HEADERS.join(",")}`];
  for (const row of rows) {
    lines.push([row.client, row.contractNo, yuan(row.fen), yuan(row.paidFen), row.signedOn, row.dueDate].join(","));
  }
  fs.writeFileSync(file, `${lines.join("\r\n")}\r\n`);
}

async function writeXlsx(file: string, rows: readonly LedgerRow[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const sheet = workbook.addWorksheet("应收台账");
  sheet.addRow(HEADERS).commit();
  for (const row of rows) {
    sheet.addRow([row.client, row.contractNo, row.fen / 100, row.paidFen / 100, row.signedOn, row.dueDate]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
