import type { Metadata } from "next";

import { serverCaller } from "../../../server/context";
import { Card, PageHeader } from "../../components/ui";
import { assignableStaff, requireAccess } from "../../lib/auth";
import { createClientAction } from "../actions";
import { ClientForm } from "../client-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "新增客户" };

export default async function NewClientPage() {
  const user = await requireAccess("clients.create");
  const caller = await serverCaller();
  const staff = assignableStaff(await caller.settings.staff(), user);
  const ownManager = user.scope.accountManagerId;

  return (
    <>
      <PageHeader title="新增客户" subtitle="客户名称不能与已有客户重复" />
      <Card>
        <ClientForm
          action={createClientAction}
          initialValues={ownManager === null ? {} : { accountManagerId: String(ownManager) }}
          staff={staff}
          cancelHref="/clients"
          submitLabel="保存客户"
        />
      </Card>
    </>
  );
}
