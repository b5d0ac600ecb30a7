import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../server/context";
import { FILTER_INPUT, FilterField, FilterForm } from "../components/filter-form";
import { Alert, Card, EmptyState, Money, PageHeader, Table, Td, Th } from "../components/ui";
import { requireAccess } from "../lib/auth";
import { load } from "../lib/errors";
import { numberParam, param, type SearchParams } from "../lib/params";
import { ExportLinks } from "../export/export-links";
import { AddCategoryForm, RecordCostForm, VoidCostForm } from "./cost-forms";
import { costListInput } from "./params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "运营成本" };

const NOTICES: Record<string, string> = {
  recorded: "成本已登记。",
  voided: "成本已作废，仍保留在列表中。",
  "category-added": "成本类别已新增。",
};

export default async function CostsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireAccess("costs.list");
  const params = await searchParams;
  const from = param(params, "from");
  const to = param(params, "to");
  const categoryParam = param(params, "categoryId");
  const caller = await serverCaller();
  const [result, categories, clock] = await Promise.all([
    load(() => caller.costs.list(costListInput(params))),
    caller.costs.categories(),
    caller.settings.clock(),
  ]);
  const voidId = numberParam(params, "void");
  const voidTarget = result.ok && voidId !== undefined ? result.data.costs.find((cost) => cost.id === voidId) : undefined;
  const query = new URLSearchParams();
  for (const [key, value] of [["from", from], ["to", to], ["categoryId", categoryParam]] as const) {
    if (value) query.set(key, value);
  }
  const listHref = `/costs${query.size > 0 ? `?${query.toString()}` : ""}`;
  const voidHref = (costId: number) => {
    const search = new URLSearchParams(query);
    search.set("void", String(costId));
    return `/costs?${search.toString()}#void`;
  };
  const notice = NOTICES[param(params, "notice") ?? ""];
  const canRecord = user.can("costs.record");

  return (
    <>
      <PageHeader
        title="运营成本"
        subtitle="房租、人工等公司运营支出；作废的成本保留在列表中，不计入合计"
        actions={<ExportLinks report="costs" params={params} />}
      />
      <FilterForm resetHref="/costs">
        <FilterField label="开始日期">
          <input type="date" name="from" defaultValue={from ?? ""} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="结束日期">
          <input type="date" name="to" defaultValue={to ?? ""} className={FILTER_INPUT} />
        </FilterField>
        <FilterField label="成本类别">
          <select name="categoryId" defaultValue={categoryParam ?? ""} className={FILTER_INPUT}>
            <option value="">全部类别</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </FilterField>
      </FilterForm>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {voidId !== undefined && canRecord ? (
        <Card title="作废成本" className="no-print">
          <div id="void">
            {voidTarget && voidTarget.voidedAt === null ? (
              <>
                <p className="mb-3 text-sm text-slate-700">
                  {voidTarget.paidOn} · {voidTarget.categoryName} · <Money fen={voidTarget.amount} />
                  {voidTarget.note ? ` · ${voidTarget.note}` : ""}
                </p>
                <VoidCostForm costId={voidTarget.id} returnHref={listHref} />
              </>
            ) : (
              <Alert>
                成本记录（编号 {String(param(params, "void")).slice(0, 20)}）不在当前列表中或已作废。<Link href={listHref} className="underline">返回列表</Link>
              </Alert>
            )}
          </div>
        </Card>
      ) : null}
      {result.ok ? (
        <Card title="成本列表">
          {result.data.costs.length === 0 ? (
            <EmptyState title="没有符合条件的成本">{canRecord ? "请在下方登记一笔成本，或调整筛选条件。" : "请调整筛选条件。"}</EmptyState>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>付款日期</Th>
                  <Th>类别</Th>
                  <Th numeric>金额</Th>
                  <Th>备注</Th>
                  <Th>状态</Th>
                  {canRecord ? <Th /> : null}
                </tr>
              </thead>
              <tbody>
                {result.data.costs.map((cost) => (
                  <tr key={cost.id} className={cost.voidedAt ? "text-slate-400" : undefined}>
                    <Td>{cost.paidOn}</Td>
                    <Td>{cost.categoryName}</Td>
                    <Td numeric>
                      {cost.voidedAt ? (
                        <s>
                          <Money fen={cost.amount} tone="muted" />
                        </s>
                      ) : (
                        <Money fen={cost.amount} />
                      )}
                    </Td>
                    <Td className="max-w-64 text-xs">{cost.note}</Td>
                    <Td className="text-xs">{cost.voidedAt ? `已作废：${cost.voidReason ?? ""}` : "有效"}</Td>
                    {canRecord ? (
                      <Td className="no-print text-right">
                        {cost.voidedAt ? null : (
                          <Link href={voidHref(cost.id)} className="text-sm text-brand-700 hover:underline">
                            作废
                          </Link>
                        )}
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
              <tfoot className="font-semibold">
                <tr>
                  <Td colSpan={2}>合计（不含已作废）</Td>
                  <Td numeric>
                    <Money fen={result.data.liveTotal} />
                  </Td>
                  <Td colSpan={canRecord ? 3 : 2} />
                </tr>
              </tfoot>
            </Table>
          )}
        </Card>
      ) : (
        <Alert>{result.message}</Alert>
      )}
      {canRecord ? (
        <div className="no-print grid gap-5 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <Card title="登记成本">
              <RecordCostForm
                categories={categories.filter((category) => category.active)}
                today={clock.today}
              />
            </Card>
          </div>
          {user.can("costs.addCategory") ? (
            <Card title="新增成本类别">
              <AddCategoryForm />
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
