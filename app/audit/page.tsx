import type { Metadata } from "next";

import { serverCaller } from "../../server/context";
import { AUDIT_ENTITY_LABELS } from "../../server/services/audit-log";
import { AuditTable } from "../components/audit-table";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, Card, PageHeader } from "../components/ui";
import { requireAccess } from "../lib/auth";
import { load } from "../lib/errors";
import { ExportLinks } from "../export/export-links";
import { param, type SearchParams } from "../lib/params";
import { auditListInput } from "./params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "操作日志" };

const ENTITIES = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

/** Every recorded change, newest first, with filters by date and record type. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("audit.list");
  const params = await searchParams;
  const caller = await serverCaller();
  const result = await load(() => caller.audit.list(auditListInput(params)));
  const clock = await caller.settings.clock();

  return (
    <>
      <PageHeader
        title="操作日志"
        subtitle="每一次新增、修改、回款登记与冲销都记录操作人、时间和修改前后的内容"
        actions={<ExportLinks report="audit" params={params} />}
      />
      <FilterForm resetHref="/audit">
        <FilterField label="开始日期">
          <input type="date" name="from" defaultValue={param(params, "from")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="结束日期">
          <input type="date" name="to" defaultValue={param(params, "to")} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="对象类型">
          <select name="entity" defaultValue={param(params, "entity") ?? ""} className={FILTER_INPUT}>
            <option value="">全部</option>
            {ENTITIES.map((entity) => (
              <option key={entity.value} value={entity.value}>
                {entity.label}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>
      {result.ok ? (
        <Card title={`操作记录（${result.data.rows.length} 条${result.data.truncated ? "，只列出最新的部分" : ""}）`}>
          <AuditTable rows={result.data.rows} timeZone={clock.timeZone} />
        </Card>
      ) : (
        <Alert>{result.message}</Alert>
      )}
    </>
  );
}
