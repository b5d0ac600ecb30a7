import fs from "node:fs";
import os from "node:os";

import type { Stats } from "./measure";
import { ratio, type ResultRow } from "./result";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGib: number;
  /** 1-, 5- and 15-minute load averages when the run started. */
  loadAverage: string;
}

/** CPU model, core count and RAM from /proc (falling back to os on other systems), and the load now. */
export function describeMachine(): Machine {
  const cpuInfo = readText("/proc/cpuinfo");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const cores = cpuInfo ? (cpuInfo.match(/^processor\s*:/gm)?.length ?? os.cpus().length) : os.cpus().length;
  const memoryKib = Number(/^MemTotal:\s*(\d+) kB$/m.exec(readText("/proc/meminfo"))?.[1] ?? os.totalmem() / 1024);
  const load = readText("/proc/loadavg").split(" ").slice(0, 3).join(" ") || os.loadavg().map((value) => value.toFixed(2)).join(" ");
  return { cpu: model.trim(), cores, memoryGib: memoryKib / 1024 / 1024, loadAverage: load };
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

export interface RunDescription {
  /** Key of the section in the results file, e.g. "M-sqlite". */
  key: string;
  title: string;
  command: string;
  startedAt: string;
  machine: Machine;
  database: string;
  datasetRows: Record<string, number>;
  counts: string;
}

/** Formats the results of one run as a Markdown section. */
export function resultSection(run: RunDescription, rows: readonly ResultRow[]): string {
  const lines = [
    `### ${run.title}`,
    "",
    `- command: \`${run.command}\``,
    `- date: ${run.startedAt}`,
    `- machine: ${run.machine.cpu}, ${run.machine.cores} cores, ${run.machine.memoryGib.toFixed(1)} GiB RAM; ` +
      `load average at start ${run.machine.loadAverage}`,
    `- database: ${run.database}`,
    `- dataset: ${Object.entries(run.datasetRows).map(([table, count]) => `${count.toLocaleString("en-US")} ${table}`).join(", ")}`,
    `- repetitions: ${run.counts}`,
    "",
    "| benchmark | what | median | p95 | limit (bare) | limit median | limit p95 | ratio | other figures | target | met |",
    "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- | --- | --- |",
  ];
  for (const row of rows) {
    const rowRatio = ratio(row);
    lines.push(
      [
        "",
        row.name,
        row.note ? `${row.description} (${row.note})` : row.description,
        milliseconds(row.measured, "medianMs"),
        milliseconds(row.measured, "p95Ms"),
        row.baselineLabel || "—",
        milliseconds(row.baseline, "medianMs"),
        milliseconds(row.baseline, "p95Ms"),
        rowRatio === null ? "—" : `${rowRatio.toFixed(2)}×`,
        row.extra || "—",
        row.target || "—",
        verdict(row),
        "",
      ].join(" | ").trim(),
    );
  }
  return lines.join("\n");
}

function verdict(row: ResultRow): string {
  if (row.met === true) return "yes";
  if (row.met === false) return "**no**";
  return row.measured ? "—" : "not measured";
}

function milliseconds(stats: Stats | null, field: "medianMs" | "p95Ms"): string {
  if (!stats) return "—";
  const value = stats[field];
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
}

/**
 * Replaces the section of `key` in the results file, between its
 * `<!-- bench:KEY -->` and `<!-- /bench:KEY -->` markers, or appends it at
 * the end. Everything else in the file stays as written.
 */
export function writeSection(file: string, key: string, section: string): void {
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const block = `${start}\n${section}\n${end}`;
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const from = existing.indexOf(start);
  const to = existing.indexOf(end);
  const updated =
    from >= 0 && to > from
      ? existing.slice(0, from) + block + existing.slice(to + end.length)
      : `${existing.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, updated);
}
