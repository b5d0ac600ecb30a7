/**
 * Imports a large .csv or .xlsx from the command line with the same code as
 * the 导入 page: `npm run import -- FILE --entity contracts --preset 应收台账 [--confirm]`.
 * Without --confirm it prints the preview and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { migrateToLatest, openDatabase } from "../db";
import { clockFromEnv } from "../server/clock";
import { AppError } from "../server/errors";
import { runImport } from "../server/import/engine";
import { ENTITY_FIELDS, ENTITY_LABELS, findHeaderRow, IMPORT_ENTITIES, type ImportEntity } from "../server/import/fields";
import { fileKindOf, readSheetRows, type SheetRow } from "../server/import/readers";
import type { Tally } from "../server/import/rows";
import { findPreset, importFromDisk, startingMapping } from "../server/import/service";

const DEFAULT_DB = path.join("data", "huikuan.db");
/** Problems printed by the preview; the count of the rest follows. */
const LISTED_PROBLEMS = 50;

const USAGE = `用法：npm run import -- 文件 --entity contracts|payments|clients|costs [--preset 方案名称] [--confirm] [--db 数据库文件]
  --entity   导入内容：contracts 合同与回款，payments 回款记录，clients 客户，costs 运营成本
  --preset   导入方案（列对应和日期写法），如 应收台账、"IBM 发票历史" 或页面上保存的方案；不填则按列名自动对应
  --confirm  确认导入；不加时只显示预览，不写入任何数据
  --db       数据库文件，默认取环境变量 HUIKUAN_DB，否则为 ${DEFAULT_DB}`;

const ENTITY_NAMES: Record<string, string> = { client: "客户", contract: "合同", payment: "回款", cost: "运营成本" };

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        entity: { type: "string" },
        preset: { type: "string" },
        confirm: { type: "boolean" },
        db: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new AppError("BAD_REQUEST", `参数无效（${(error as Error).message}）\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const file = positionals[0];
  if (!file) throw new AppError("BAD_REQUEST", `请指定要导入的文件\n${USAGE}`);
  const entity = values.entity ?? "";
  if (!(IMPORT_ENTITIES as readonly string[]).includes(entity)) {
    throw new AppError("BAD_REQUEST", `--entity "${entity}" 无效，只能是 ${IMPORT_ENTITIES.join("、")}\n${USAGE}`);
  }
  return {
    filePath: path.resolve(process.cwd(), file),
    entity: entity as ImportEntity,
    preset: values.preset ?? null,
    confirm: values.confirm ?? false,
    dbFile: values.db || process.env.HUIKUAN_DB || DEFAULT_DB,
  };
}

function describeCounts(counts: Tally): string {
  return Object.entries(counts)
    .map(([entity, value]) => `  ${ENTITY_NAMES[entity] ?? entity}：新建 ${value.created}，更新 ${value.updated}，无变化 ${value.unchanged}`)
    .join("\n");
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const kind = fileKindOf(options.filePath);
  if (kind === null) throw new AppError("BAD_REQUEST", `文件 ${options.filePath} 不是 .xlsx 或 .csv 文件`);
  if (!fs.existsSync(options.filePath)) throw new AppError("NOT_FOUND", `找不到文件 ${options.filePath}`);

  const db = openDatabase(options.dbFile);
  try {
    await migrateToLatest(db);
    const clock = clockFromEnv();
    const preset = options.preset ? await findPreset(db, options.preset) : null;
    if (preset && preset.entity !== options.entity) {
      throw new AppError("BAD_REQUEST", `导入方案 "${preset.name}" 用于 --entity ${preset.entity}`);
    }

    const head: SheetRow[] = [];
    for await (const row of readSheetRows(options.filePath, kind)) {
      head.push(row);
      if (head.length >= 40) break;
    }
    const header = findHeaderRow(options.entity, head, Object.values(preset?.mapping ?? {}));
    if (header === null) throw new AppError("BAD_REQUEST", "文件前 20 行中找不到表头行");
    const mapping = startingMapping(options.entity, header.headers, preset);
    const spec = { entity: options.entity, mapping, dateOrder: preset?.dateOrder ?? "ymd", defaultBusinessType: preset?.defaultBusinessType } as const;

    console.log(`文件：${options.filePath}\n导入内容：${ENTITY_LABELS[options.entity]}\n表头在第 ${header.number} 行；列对应：`);
    for (const field of ENTITY_FIELDS[options.entity]) {
      console.log(`  ${field.label}${field.required ? "（必填）" : ""} ← ${mapping[field.key] ?? "（未对应）"}`);
    }

    const startedAt = performance.now();
    const progress = (rows: number) => process.stderr.write(`\r已处理 ${rows} 行……`);
    if (!options.confirm) {
      const outcome = await runImport(db, clock, { path: options.filePath, kind }, spec, { write: false, onProgress: progress });
      process.stderr.write("\n");
      console.log(`预览（未写入）：数据 ${outcome.dataRows} 行\n${describeCounts(outcome.counts)}`);
      if (outcome.problems.length > 0) {
        console.log(`有 ${outcome.problems.length} 处问题，修正后才能导入：`);
        for (const problem of outcome.problems.slice(0, LISTED_PROBLEMS)) console.log(`  ${problem.message}`);
        if (outcome.problems.length > LISTED_PROBLEMS) console.log(`  ……另有 ${outcome.problems.length - LISTED_PROBLEMS} 处`);
        process.exitCode = 1;
      } else {
        console.log("没有问题。加 --confirm 确认导入。");
      }
      return;
    }

    const result = await importFromDisk(db, clock, { id: null, name: "命令行导入" }, {
      filePath: options.filePath,
      kind,
      spec,
      preset: preset?.name ?? null,
      onProgress: progress,
    });
    process.stderr.write("\n");
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(`已导入（导入记录编号 ${result.importId}）：数据 ${result.rows} 行，用时 ${seconds} 秒\n${describeCounts(result.counts)}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `导入失败：${error.message}` : error);
  process.exitCode = 1;
});
