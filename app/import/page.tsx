import type { Metadata } from "next";
import Link from "next/link";

import { ENTITY_FIELDS, ENTITY_LABELS, IMPORT_ENTITIES, type ImportEntity } from "../../server/import/fields";
import { MAX_UPLOAD_BYTES } from "../../server/import/uploads";
import { serverCaller } from "../../server/context";
import { FILTER_INPUT } from "../components/filter-form";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../components/ui";
import { requireAccess } from "../lib/auth";
import { load, toUserError } from "../lib/errors";
import { numberParam, param, type SearchParams } from "../lib/params";
import { formatTimestamp } from "../lib/timestamp";
import { COUNT_LABELS, CountsTable } from "./counts-table";
import { ConfirmForm, SavePresetForm, UploadForm } from "./import-forms";
import { flatParams, type ImportSettings, importSettings, settingsFields } from "./settings";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "导入" };

const MAX_MEGABYTES = MAX_UPLOAD_BYTES / 1024 / 1024;

export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("imports.upload", "imports.confirm");
  const params = await searchParams;
  const doneId = numberParam(params, "done");
  const uploadId = param(params, "upload");

  return (
    <>
      <PageHeader
        title="导入"
        subtitle="从 Excel / WPS 的 .xlsx 或 .csv 文件导入客户、合同与回款、回款记录和运营成本；先预览，确认后才写入"
        actions={uploadId || doneId !== undefined ? <ButtonLink href="/import">重新上传</ButtonLink> : null}
      />
      {doneId !== undefined ? <DoneStep importId={doneId} /> : uploadId ? <MappingStep params={params} /> : <UploadStep />}
      <HistoryCard />
    </>
  );
}

async function UploadStep() {
  const caller = await serverCaller();
  const presets = await caller.imports.presets();
  return (
    <>
      <Card title="第 1 步：上传文件">
        <UploadForm
          entities={IMPORT_ENTITIES.map((entity) => ({ value: entity, label: ENTITY_LABELS[entity] }))}
          presets={presets.map((preset) => ({ name: preset.name, entityLabel: ENTITY_LABELS[preset.entity] }))}
          maxMegabytes={MAX_MEGABYTES}
        />
        <p className="mt-3 text-xs text-slate-500">
          超过 {MAX_MEGABYTES} MB 的文件（如 10 万行）请在服务器上用命令行导入，会显示进度：
          <code className="ml-1 rounded bg-slate-100 px-1">npm run import -- 文件 --entity contracts --preset 应收台账 --confirm</code>
        </p>
      </Card>
      <Card title="导入方案">
        <ul className="space-y-2 text-sm">
          {presets.map((preset) => (
            <li key={preset.name}>
              <span className="font-medium text-slate-800">{preset.name}</span>
              <span className="ml-2 text-xs text-slate-500">{ENTITY_LABELS[preset.entity]}</span>
              {preset.description ? <p className="text-slate-600">{preset.description}</p> : null}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

async function MappingStep({ params }: { params: SearchParams }) {
  const caller = await serverCaller();
  const values = flatParams(params);
  const entity = (values.entity ?? "") as ImportEntity;
  // An upload that was imported or has expired is a message here, not the 404 page.
  const inspected = await caller.imports
    .inspect({ uploadId: values.upload ?? "", entity, preset: values.preset || null })
    .then((data) => ({ ok: true as const, data }))
    .catch((error: unknown) => ({ ok: false as const, message: toUserError(error).message }));
  if (!inspected.ok) {
    return (
      <Alert>
        {inspected.message} <Link href="/import" className="underline">重新上传</Link>
      </Alert>
    );
  }
  const info = inspected.data;
  const previewing = param(params, "preview") === "1";
  const settings: ImportSettings = previewing
    ? importSettings(values)
    : {
        uploadId: values.upload ?? "",
        entity,
        mapping: info.mapping,
        dateOrder: info.dateOrder,
        defaultBusinessType: info.defaultBusinessType ?? "",
        preset: values.preset || null,
      };
  const fields = settingsFields(settings);

  return (
    <>
      <Card title={`第 2 步：对应列 · ${info.fileName}`}>
        <p className="mb-3 text-sm text-slate-600">
          导入内容：{ENTITY_LABELS[entity]}。表头在第 {info.headerRow} 行，共 {info.headers.length} 列；下拉框已按列名自动选好，请核对。
        </p>
        <form method="get" action="/import" className="space-y-4">
          <input type="hidden" name="upload" value={settings.uploadId} />
          <input type="hidden" name="entity" value={entity} />
          <input type="hidden" name="preset" value={settings.preset ?? ""} />
          <input type="hidden" name="defaultBusinessType" value={settings.defaultBusinessType} />
          <input type="hidden" name="preview" value="1" />
          <div className="grid gap-3 sm:grid-cols-3">
            {ENTITY_FIELDS[entity].map((field) => (
              <label key={field.key} className="block text-sm">
                <span className="font-medium text-slate-700">
                  {field.label}
                  {field.required ? <span className="ml-0.5 text-red-600">*</span> : null}
                </span>
                <select name={`map.${field.key}`} defaultValue={settings.mapping[field.key] ?? ""} className={`${FILTER_INPUT} mt-1 block w-full`}>
                  <option value="">（不导入）</option>
                  {info.headers.map((header) => (
                    <option key={header} value={header}>
                      {header}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <label className="block text-sm">
              <span className="font-medium text-slate-700">日期写法</span>
              <select name="dateOrder" defaultValue={settings.dateOrder} className={`${FILTER_INPUT} mt-1 block w-full`}>
                <option value="ymd">年-月-日（2026-01-05、2026/1/5、2026年1月5日）</option>
                <option value="mdy">月/日/年（1/5/2026）</option>
              </select>
            </label>
          </div>
          {entity === "contracts" ? (
            <p className="text-xs text-slate-500">
              规则：每行建一份合同和一期收款计划（到期日即该期到期日），新客户自动建档。已回款金额记为一笔回款，日期取“回款日期”列，没有时取到期日（到期日晚于今天则取今天）；没有“已回款”列时，填了回款日期的行视为全额回款。签订日期为空时取到期日（晚于今天则取今天）。已存在的合同编号不重复建立，表中已回款增加时补登差额。
            </p>
          ) : null}
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            预览
          </button>
        </form>
      </Card>
      {previewing ? <PreviewStep settings={settings} fields={fields} /> : null}
    </>
  );
}

async function PreviewStep({ settings, fields }: { settings: ImportSettings; fields: [string, string][] }) {
  const caller = await serverCaller();
  const result = await load(() => caller.imports.preview(settings));
  if (!result.ok) return <Alert>{result.message}</Alert>;
  const preview = result.data;
  const mapped = ENTITY_FIELDS[settings.entity].filter((field) => settings.mapping[field.key]);

  return (
    <>
      <Card title={`第 3 步：预览（数据 ${preview.dataRows} 行，尚未写入）`}>
        <CountsTable counts={preview.counts} />
        {preview.problems.length > 0 ? (
          <div className="mt-4">
            <Alert>有 {preview.problems.length} 处问题，修正文件后重新上传；有问题时不能导入。</Alert>
            <ul className="max-h-96 list-inside list-disc overflow-y-auto text-sm text-red-800">
              {preview.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="mt-4">
            <ConfirmForm fields={fields} rows={preview.dataRows} />
          </div>
        )}
        {/* Saved from here, so the preset is the mapping this preview used, not selects changed since. */}
        <div className="mt-4 border-t border-slate-100 pt-4">
          <SavePresetForm fields={fields} />
        </div>
      </Card>
      <Card title={`前 ${preview.sample.length} 行`}>
        {preview.sample.length === 0 ? (
          <EmptyState title="没有可导入的行">请检查列对应是否正确。</EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th numeric>行号</Th>
                {mapped.map((field) => (
                  <Th key={field.key} numeric={field.kind === "amount"}>
                    {field.label}
                  </Th>
                ))}
                <Th>导入后</Th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row) => (
                <tr key={row.row}>
                  <Td numeric>{row.row}</Td>
                  {mapped.map((field) => (
                    <Td key={field.key} numeric={field.kind === "amount"}>
                      {row.values[field.key]}
                    </Td>
                  ))}
                  <Td>{row.actions.length > 0 ? row.actions.join("；") : "有问题，见上方"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}

async function DoneStep({ importId }: { importId: number }) {
  const caller = await serverCaller();
  const result = await load(() => caller.imports.get({ importId }));
  if (!result.ok) return <Alert>{result.message}</Alert>;
  const record = result.data;
  return (
    <>
      <Alert tone="success">
        已导入 {record.fileName}：数据 {record.rows} 行。再次导入同一文件不会重复建立记录。
      </Alert>
      <Card title="导入结果">
        <CountsTable counts={record.counts} />
      </Card>
    </>
  );
}

async function HistoryCard() {
  const caller = await serverCaller();
  const [history, clock] = await Promise.all([caller.imports.history(), caller.settings.clock()]);
  return (
    <Card title="最近的导入">
      {history.length === 0 ? (
        <EmptyState title="还没有导入过文件">上传 .xlsx 或 .csv 文件开始第一次导入。</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>时间</Th>
              <Th>文件</Th>
              <Th>内容</Th>
              <Th>方案</Th>
              <Th numeric>行数</Th>
              <Th>结果</Th>
              <Th>操作人</Th>
            </tr>
          </thead>
          <tbody>
            {history.map((record) => (
              <tr key={record.id}>
                <Td>{record.importedAt ? formatTimestamp(record.importedAt, clock.timeZone) : ""}</Td>
                <Td>
                  <span title={`SHA-256 ${record.fileHash}`}>{record.fileName}</span>
                </Td>
                <Td>{ENTITY_LABELS[record.entity] ?? record.entity}</Td>
                <Td>{record.preset ?? "自动对应"}</Td>
                <Td numeric>{record.rows}</Td>
                <Td>
                  {Object.entries(record.counts)
                    .map(([entity, value]) => `${COUNT_LABELS[entity] ?? entity} 新建 ${value!.created} / 更新 ${value!.updated} / 无变化 ${value!.unchanged}`)
                    .join("；")}
                </Td>
                <Td>{record.importedBy}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
