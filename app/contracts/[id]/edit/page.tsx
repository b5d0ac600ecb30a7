import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { clockFromEnv } from "../../../../server/clock";
import { serverCaller } from "../../../../server/context";
import { fenToInput } from "../../../../server/domain/money";
import { AuditTable } from "../../../components/audit-table";
import { Alert, ButtonLink, Card, PageHeader } from "../../../components/ui";
import { requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { updateContractAction } from "../../actions";
import { ContractForm } from "../../contract-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "编辑合同" };

type Contract = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["contracts"]["get"]>>;

/** Converts a saved contract to the form's text values, amounts in yuan. */
function contractValues(contract: Contract): Record<string, string> {
  const values: Record<string, string> = {
    clientId: String(contract.clientId),
    contractNo: contract.contractNo,
    businessTypeId: String(contract.businessTypeId),
    title: contract.title,
    signedOn: contract.signedOn,
    serviceStart: contract.serviceStart ?? "",
    serviceEnd: contract.serviceEnd ?? "",
    totalAmount: fenToInput(contract.totalAmount),
    mediaCost: contract.mediaCost === null ? "" : fenToInput(contract.mediaCost),
    productionCost: contract.productionCost === null ? "" : fenToInput(contract.productionCost),
    notes: contract.notes,
  };
  contract.installments.forEach((item, index) => {
    values[`installments.${index}.label`] = item.label;
    values[`installments.${index}.dueDate`] = item.dueDate;
    values[`installments.${index}.amount`] = fenToInput(item.amount);
  });
  return values;
}

export default async function EditContractPage({ params }: { params: Promise<{ id: string }> }) {
  const contractId = routeId((await params).id);
  if (Number.isNaN(contractId)) notFound();

  const user = await requireAccess("contracts.update");
  const caller = await serverCaller();
  const result = await load(() => caller.contracts.get({ contractId }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="编辑合同" />
        <Alert>{result.message}</Alert>
      </>
    );
  }
  const contract = result.data;
  const clientHref = `/clients/${contract.clientId}#contract-${contract.id}`;

  if (!contract.editable) {
    return (
      <>
        <PageHeader title={`合同 ${contract.contractNo}`} subtitle={`客户：${contract.clientName}`} />
        <Alert tone="warning">
          已有回款，不能修改金额和收款计划。该合同有回款核销记录（已冲销的也算），为保证账目可追溯，合同不能再编辑；
          如合同内容有变更，请新增一份补充合同。
        </Alert>
        <ButtonLink href={clientHref}>返回客户页</ButtonLink>
        <ContractHistory caller={caller} contractId={contract.id} />
      </>
    );
  }

  const businessTypes = await caller.settings.businessTypes();
  return (
    <>
      <PageHeader title={`编辑合同 ${contract.contractNo}`} subtitle={`客户：${contract.clientName}`} />
      <Card>
        <ContractForm
          action={updateContractAction}
          initialValues={contractValues(contract)}
          hidden={{ contractId: String(contract.id), version: String(contract.version) }}
          client={{ kind: "fixed", id: contract.clientId, name: contract.clientName }}
          businessTypes={businessTypes}
          cancelHref={clientHref}
          submitLabel="保存修改"
          showCosts={user.seesCosts}
        />
      </Card>
      <ContractHistory caller={caller} contractId={contract.id} />
    </>
  );
}

/** The contract's audit trail: its creation and every edit, newest first. */
async function ContractHistory({ caller, contractId }: { caller: Awaited<ReturnType<typeof serverCaller>>; contractId: number }) {
  const history = await load(() => caller.audit.forContract({ contractId }));
  return (
    <Card title="变更记录" className="mt-5">
      {history.ok ? (
        <AuditTable rows={history.data.rows} timeZone={clockFromEnv().timeZone} />
      ) : (
        <Alert>{history.message}</Alert>
      )}
    </Card>
  );
}
