import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverCaller } from "../../../../server/context";
import { ROLE_LABELS, ROLES } from "../../../../server/permissions";
import { Alert, ButtonLink, Card, PageHeader } from "../../../components/ui";
import { requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { lookup, param, type SearchParams } from "../../../lib/params";
import { DisableUserForm, EditUserForm, SetPasswordForm } from "../user-forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "修改账号" };

const NOTICES: Record<string, string> = {
  "user-updated": "账号资料已保存，新的角色立即生效。",
  "password-set": "密码已重置，该账号已从所有设备退出，需要用新密码登录。",
  "user-disabled": "账号已停用。",
  "user-enabled": "账号已启用。",
};

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const userId = decodeURIComponent((await params).id);
  const notice = lookup(NOTICES, param(await searchParams, "notice"));
  const access = await requireAccess("users.list", "users.update");
  const caller = await serverCaller();
  const [users, staff] = await Promise.all([load(() => caller.users.list()), load(() => caller.settings.staff())]);
  if (!users.ok) return <Alert>{users.message}</Alert>;
  const user = users.data.find((candidate) => candidate.id === userId);
  if (!user) notFound();

  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const staffOptions = staff.ok ? staff.data.map((person) => ({ value: String(person.id), label: person.name })) : [];
  const self = user.id === access.user.id;
  return (
    <>
      <PageHeader
        title={`账号：${user.name}`}
        subtitle={`用户名 ${user.username ?? "—"}${user.disabled ? "　已停用" : ""}`}
        actions={<ButtonLink href="/settings/users">返回账号列表</ButtonLink>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="grid gap-5 xl:grid-cols-2">
        <Card title="姓名与角色">
          <EditUserForm
            userId={user.id}
            initialValues={{ name: user.name, role: user.role ?? "viewer", staffId: user.staffId === null ? "" : String(user.staffId) }}
            roles={roles}
            staff={staffOptions}
          />
        </Card>
        <Card title="重置密码">
          <SetPasswordForm userId={user.id} />
        </Card>
      </div>
      <Card title={user.disabled ? "启用账号" : "停用账号"}>
        {self ? (
          <p className="text-sm text-slate-600">不能停用自己正在使用的账号。</p>
        ) : (
          <DisableUserForm userId={user.id} disabled={user.disabled} />
        )}
      </Card>
    </>
  );
}
