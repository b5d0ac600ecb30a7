import type { Metadata } from "next";

import { serverCaller } from "../../../server/context";
import { Alert, ButtonLink, Card, EmptyState, PageHeader } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { numberParam, type SearchParams } from "../../lib/params";
import { createContractAction } from "../actions";
import { type ClientChoice, ContractForm } from "../contract-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "新增合同" };

export default async function NewContractPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const clientId = numberParam(await searchParams, "clientId");
  const user = await requireAccess("contracts.create");
  const caller = await serverCaller();

  let client: ClientChoice;
  let credit: Awaited<ReturnType<typeof caller.credit.status>> | null = null;
  if (clientId !== undefined) {
    const result = await load(() => caller.clients.get({ clientId }));
    if (!result.ok) {
      return (
        <>
          <PageHeader title="新增合同" />
          <Alert>{result.message}</Alert>
          <ButtonLink href="/clients">返回客户列表</ButtonLink>
        </>
      );
    }
    client = { kind: "fixed", id: result.data.id, name: result.data.name };
    const status = await load(() => caller.credit.status({ clientId }));
    if (status.ok) credit = status.data;
  } else {
    const options = await caller.clients.list({});
    if (options.length === 0) {
      return (
        <>
          <PageHeader title="新增合同" />
          <EmptyState title="还没有客户">
            合同要登记在客户名下，请先<ButtonLink href="/clients/new">新增客户</ButtonLink>
          </EmptyState>
        </>
      );
    }
    client = { kind: "select", options };
  }
  const businessTypes = await caller.settings.businessTypes();

  return (
    <>
      <PageHeader
        title="新增合同"
        subtitle={client.kind === "fixed" ? `客户：${client.name}` : "收款计划各期金额之和必须等于合同金额"}
      />
      {credit && credit.warnings.length > 0 ? (
        <Alert tone={credit.blocked ? "error" : "warning"}>
          <p className="font-medium">信用提示</p>
          <ul className="mt-1 list-disc pl-5">
            {credit.warnings.map((warning) => (
              <li key={warning.code}>{warning.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Card>
        <ContractForm
          creditOverride={Boolean(credit?.blocked) && user.user.role === "admin"}
          action={createContractAction}
          initialValues={client.kind === "fixed" ? { clientId: String(client.id) } : {}}
          client={client}
          businessTypes={businessTypes}
          cancelHref={client.kind === "fixed" ? `/clients/${client.id}` : "/clients"}
          submitLabel="保存合同"
          showCosts={user.seesCosts}
        />
      </Card>
    </>
  );
}
