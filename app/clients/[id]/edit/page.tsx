import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverCaller } from "../../../../server/context";
import { Alert, Card, PageHeader } from "../../../components/ui";
import { assignableStaff, requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { routeId } from "../../../lib/params";
import { updateClientAction } from "../../actions";
import { ClientForm } from "../../client-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "编辑客户" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  const clientId = routeId((await params).id);
  if (Number.isNaN(clientId)) notFound();

  const user = await requireAccess("clients.update");
  const caller = await serverCaller();
  const result = await load(() => caller.clients.get({ clientId }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="编辑客户" />
        <Alert>{result.message}</Alert>
      </>
    );
  }
  const client = result.data;
  const staff = assignableStaff(await caller.settings.staff(), user);

  return (
    <>
      <PageHeader title={`编辑客户：${client.name}`} subtitle="保存时如有他人先保存了修改，会提示您刷新后重新编辑" />
      <Card>
        <ClientForm
          action={updateClientAction}
          initialValues={{
            name: client.name,
            contactPerson: client.contactPerson,
            phone: client.phone,
            address: client.address,
            accountManagerId: client.accountManagerId === null ? "" : String(client.accountManagerId),
            notes: client.notes,
          }}
          hidden={{ clientId: String(client.id), version: String(client.version) }}
          staff={staff}
          cancelHref={`/clients/${client.id}`}
          submitLabel="保存修改"
        />
      </Card>
    </>
  );
}
