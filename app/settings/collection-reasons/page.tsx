import type { Metadata } from "next";

import { serverCaller } from "../../../server/context";
import { AddReasonForm, EditReasonForm } from "../../collections/collection-forms";
import { Alert, ButtonLink, Card, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { lookup, param, type SearchParams } from "../../lib/params";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "未付款原因" };

const NOTICES: Record<string, string> = {
  added: "已添加新原因。",
  updated: "已保存。",
};

/** Renders the reasons for not paying that contacts pick from, to add, rename or deactivate them. */
export default async function CollectionReasonsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAccess("collections.addReason", "collections.updateReason");
  const notice = lookup(NOTICES, param(await searchParams, "notice"));
  const caller = await serverCaller();
  const reasons = await caller.collections.reasons();

  return (
    <>
      <PageHeader
        title="未付款原因"
        subtitle="登记催收记录时可选的客户未付款原因"
        actions={<ButtonLink href="/settings">返回系统设置</ButtonLink>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Card title={`原因列表（${reasons.length} 项）`}>
        <Table>
          <thead>
            <tr>
              <Th>名称与状态</Th>
              <Th numeric>使用次数</Th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => (
              <tr key={reason.id}>
                <Td>
                  <EditReasonForm reasonId={reason.id} name={reason.name} active={reason.active} />
                </Td>
                <Td numeric>{reason.usedBy}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-500">
          原因不能删除：停用后不再出现在新记录的选项中，已使用该原因的催收记录保持不变；改名会同时改变已有记录上显示的名称。
        </p>
      </Card>
      <Card title="添加原因">
        <AddReasonForm />
      </Card>
    </>
  );
}
