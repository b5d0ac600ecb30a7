import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { ROLE_LABELS, ROLES } from "../../../server/permissions";
import { Alert, ButtonLink, Card, EmptyState, PageHeader, Table, Td, Th } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { lookup, param, type SearchParams } from "../../lib/params";
import { CreateUserForm } from "./user-forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "账号与权限" };

const NOTICES: Record<string, string> = {
  "user-created": "账号已创建。请把用户名和初始密码告诉本人。",
};

/** What each role may do, as the permission table in server/permissions.ts allows. */
const ROLE_SUMMARIES: Record<(typeof ROLES)[number], string> = {
  admin: "全部功能，包括账号管理和系统设置",
  finance: "全部客户与合同（含成本）、登记和冲销回款、催款函",
  account_manager: "只看和维护自己负责的客户与合同、到期提醒、催款函；能看回款但不能登记或冲销",
  viewer: "只读：工作台、到期提醒、回款统计，可查看客户、合同和回款，不能修改",
};

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const notice = lookup(NOTICES, param(await searchParams, "notice"));
  await requireAccess("users.list", "users.create");
  const caller = await serverCaller();
  const [users, staff] = await Promise.all([load(() => caller.users.list()), load(() => caller.settings.staff())]);

  const roles = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const staffOptions = staff.ok ? staff.data.map((person) => ({ value: String(person.id), label: person.name })) : [];
  return (
    <>
      <PageHeader
        title="账号与权限"
        subtitle="每位员工一个账号；角色决定能看到和操作哪些功能"
        actions={<ButtonLink href="/settings">系统设置</ButtonLink>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Card title="账号">
        {users.ok ? <UserTable users={users.data} /> : <Alert>{users.message}</Alert>}
      </Card>
      <div className="grid gap-5 xl:grid-cols-[3fr_2fr]">
        <Card title="新增账号">
          <CreateUserForm roles={roles} staff={staffOptions} />
        </Card>
        <Card title="角色说明">
          <dl className="space-y-2 text-sm">
            {ROLES.map((role) => (
              <div key={role}>
                <dt className="font-medium text-slate-800">{ROLE_LABELS[role]}</dt>
                <dd className="text-slate-600">{ROLE_SUMMARIES[role]}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}

type UserRow = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["users"]["list"]>>[number];

function UserTable({ users }: { users: readonly UserRow[] }) {
  if (users.length === 0) {
    return <EmptyState title="还没有账号">在下面新增第一个账号。</EmptyState>;
  }
  return (
    <Table>
      <thead>
        <tr>
          <Th>姓名</Th>
          <Th>用户名</Th>
          <Th>邮箱</Th>
          <Th>角色</Th>
          <Th>关联业务员</Th>
          <Th>状态</Th>
          <Th />
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} className={user.disabled ? "text-slate-400" : ""}>
            <Td>{user.name}</Td>
            <Td className="tabular-nums">{user.username ?? "—"}</Td>
            <Td>{user.email || "—"}</Td>
            <Td>{user.role ? ROLE_LABELS[user.role] : <span className="text-red-700">未知角色</span>}</Td>
            <Td>{user.staffName ?? "—"}</Td>
            <Td>{user.disabled ? "已停用" : "正常"}</Td>
            <Td className="text-right">
              <Link href={`/settings/users/${encodeURIComponent(user.id)}`} className="text-sm text-brand-700 hover:underline">
                修改
              </Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
