import type { ReactNode } from "react";

import type { serverCaller } from "../../../server/context";
import { formatChineseDate } from "../../../server/domain/dates";
import { formatYuan } from "../../../server/domain/money";
import {
  type EditedContact,
  LogContactForm,
  OpenDisputeForm,
  PromiseForm,
  ResolveDisputeForm,
  VoidContactForm,
  VoidPromiseForm,
} from "../../collections/collection-forms";
import { Alert, Card, EmptyState, Money, Table, Td, Th } from "../../components/ui";
import type { Access } from "../../lib/auth";
import { load } from "../../lib/errors";
import { param, type SearchParams } from "../../lib/params";

type Caller = Awaited<ReturnType<typeof serverCaller>>;
type Overview = Awaited<ReturnType<Caller["collections"]["forClient"]>>;

const PROMISE_TONES: Record<string, { label: string; className: string }> = {
  open: { label: "待兑现", className: "bg-sky-100 text-sky-800" },
  kept: { label: "已兑现", className: "bg-emerald-100 text-emerald-800" },
  broken: { label: "未兑现", className: "bg-red-100 text-red-800" },
  voided: { label: "已作废", className: "bg-slate-100 text-slate-500" },
};

const NOTICES: Record<string, string> = {
  "contact-logged": "催收记录已保存。",
  "contact-updated": "催收记录已修改。",
  "contact-voided": "催收记录已作废，仍保留在记录中。",
  "promise-recorded": "承诺付款已登记。",
  "promise-voided": "承诺付款已作废。",
  "dispute-opened": "争议已登记：该分期不再进入催款函和自动提醒，余额和报表照常计入。",
  "dispute-resolved": "争议已解决，记录已保留。",
};

export function Tag({ className, children }: { className: string; children: ReactNode }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${className}`}>{children}</span>;
}

/**
 * Renders the client page's collection work: the contact log, promises with
 * their status on the as-of date, disputes, and the forms to log a contact,
 * record a promise and open or resolve a dispute.
 */
export async function CollectionsSection({
  caller,
  clientId,
  asOf,
  user,
  query,
}: {
  caller: Caller;
  clientId: number;
  asOf: string;
  user: Access;
  /** The page's search parameters: ?notice= about collection work, ?editContact= to correct a contact. */
  query: SearchParams;
}) {
  const notice = param(query, "notice");
  const result = await load(() => caller.collections.forClient({ clientId, asOf }));
  if (!result.ok) return <Alert>{result.message}</Alert>;
  const overview = result.data;
  const returnTo = `/clients/${clientId}${asOf === overview.today ? "" : `?asOf=${asOf}`}`;

  return (
    <div id="collections">
      {notice && Object.hasOwn(NOTICES, notice) ? <Alert tone="success">{NOTICES[notice]}</Alert> : null}
      <Card title={`催收记录（${overview.contacts.length} 条）`}>
        <ContactLog overview={overview} user={user} returnTo={returnTo} />
      </Card>
      <Card title="承诺付款">
        <Promises overview={overview} user={user} returnTo={returnTo} />
      </Card>
      <Card title="争议分期（有争议）">
        <Disputes overview={overview} user={user} returnTo={returnTo} />
      </Card>
      {user.can("collections.logContact") ? (
        <LogContactCard
          caller={caller}
          overview={overview}
          user={user}
          returnTo={returnTo}
          edited={editableContact(overview, user, param(query, "editContact"))}
        />
      ) : null}
    </div>
  );
}

/**
 * Flags shown at the top of the client page: broken promises and disputed
 * installments on the as-of date, each linking to its section below.
 */
export async function CollectionFlags({ caller, clientId, asOf }: { caller: Caller; clientId: number; asOf: string }) {
  const result = await load(() => caller.collections.forClient({ clientId, asOf }));
  if (!result.ok) return null;
  const overview = result.data;
  const disputed = overview.disputes.filter((dispute) => dispute.openOnAsOf).length;
  return (
    <>
      {overview.brokenPromises > 0 ? (
        <Alert tone="warning">
          <strong>承诺未兑现：</strong>截至 {formatChineseDate(asOf)}，该客户有 {overview.brokenPromises} 笔承诺付款到期未足额付款，请尽快跟进。
          <a href="#collections" className="ml-2 underline">
            查看承诺付款
          </a>
        </Alert>
      ) : null}
      {disputed > 0 ? (
        <Alert tone="info">
          <strong>有争议：</strong>{disputed} 笔分期有未解决的争议，不进入催款函和自动提醒，仍计入余额和报表。
          <a href="#disputes" className="ml-2 underline">
            查看争议
          </a>
        </Alert>
      ) : null}
    </>
  );
}

function ContactLog({ overview, user, returnTo }: { overview: Overview; user: Access; returnTo: string }) {
  if (overview.contacts.length === 0) {
    return <EmptyState title="还没有催收记录">每次电话、拜访、微信或发函后，在下方“记录催收”中登记时间、对象和结果。</EmptyState>;
  }
  const mayVoid = (createdById: string | null) =>
    user.can("collections.voidContact") && (createdById === user.user.id || user.user.role === "admin");
  return (
    <Table>
      <thead>
        <tr>
          <Th>联系时间</Th>
          <Th>方式</Th>
          <Th>联系对象</Th>
          <Th>经办</Th>
          <Th>合同</Th>
          <Th>未付款原因</Th>
          <Th>沟通结果</Th>
          <Th>下次跟进</Th>
          <Th>登记人</Th>
        </tr>
      </thead>
      <tbody>
        {overview.contacts.map((contact) => {
          const voided = contact.voidedAt !== null;
          return (
            <tr key={contact.id} className={voided ? "text-slate-400 line-through decoration-slate-300" : ""}>
              <Td className="whitespace-nowrap tabular-nums">{contact.contactedAt.replace("T", " ")}</Td>
              <Td>{contact.channel}</Td>
              <Td>{contact.person}</Td>
              <Td>{contact.staffName ?? "—"}</Td>
              <Td>{contact.contractNo ?? "—"}</Td>
              <Td>{contact.reasonName ?? "—"}</Td>
              <Td className="max-w-md whitespace-pre-wrap">
                {contact.outcome || "—"}
                {!voided && mayEdit(contact, overview, user) ? (
                  <a
                    href={`${returnTo}${returnTo.includes("?") ? "&" : "?"}editContact=${contact.id}#log-contact`}
                    className="no-print mt-1 mr-3 inline-block text-xs text-brand-700"
                  >
                    修改
                  </a>
                ) : null}
                {voided ? (
                  <div className="mt-1 text-xs text-slate-500 no-underline">已作废：{contact.voidReason}</div>
                ) : mayVoid(contact.createdById) ? (
                  <details className="no-print mt-1 text-xs">
                    <summary className="cursor-pointer text-slate-500">作废</summary>
                    <div className="mt-2">
                      <VoidContactForm contactId={contact.id} returnTo={returnTo} />
                    </div>
                  </details>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap tabular-nums">{contact.nextFollowUpOn ?? "—"}</Td>
              <Td className="whitespace-nowrap">{contact.createdByName}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function Promises({ overview, user, returnTo }: { overview: Overview; user: Access; returnTo: string }) {
  const contracts = contractOptions(overview);
  return (
    <>
      {overview.promises.length === 0 ? (
        <p className="text-sm text-slate-500">没有截止日期前作出的承诺付款。</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>承诺付款日期</Th>
              <Th numeric>承诺金额</Th>
              <Th numeric>期间已付</Th>
              <Th>状态</Th>
              <Th>作出日期</Th>
              <Th>合同</Th>
              <Th>登记人</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {overview.promises.map((promise) => {
              const tone = PROMISE_TONES[promise.status ?? "voided"]!;
              return (
                <tr key={promise.id}>
                  <Td className="tabular-nums">{promise.promisedOn}</Td>
                  <Td numeric>
                    <Money fen={promise.amount} />
                  </Td>
                  <Td numeric>
                    <Money fen={promise.paid} />
                  </Td>
                  <Td>
                    <Tag className={tone.className}>{tone.label}</Tag>
                    {promise.voidReason ? <span className="ml-1 text-xs text-slate-500">{promise.voidReason}</span> : null}
                  </Td>
                  <Td className="tabular-nums">{promise.madeOn}</Td>
                  <Td>{promise.contractNo ?? "—"}</Td>
                  <Td>{promise.createdByName}</Td>
                  <Td>
                    {promise.status !== null && user.can("collections.voidPromise") ? (
                      <details className="no-print text-xs">
                        <summary className="cursor-pointer text-slate-500">作废</summary>
                        <div className="mt-2 w-64">
                          <VoidPromiseForm promiseId={promise.id} returnTo={returnTo} />
                        </div>
                      </details>
                    ) : null}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <p className="mt-2 text-xs text-slate-500">
        从作出承诺当天到承诺付款日期之间收到的有效回款（不含已冲销）达到承诺金额即为已兑现；过了承诺日期仍不足即为未兑现。状态按截止日期计算。
      </p>
      {user.can("collections.recordPromise") ? (
        <details className="no-print mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">单独登记承诺付款</summary>
          <div className="mt-3">
            <PromiseForm clientId={overview.client.id} contracts={contracts} returnTo={returnTo} />
          </div>
        </details>
      ) : null}
    </>
  );
}

function Disputes({ overview, user, returnTo }: { overview: Overview; user: Access; returnTo: string }) {
  const open = overview.installments.filter((item) => item.outstanding > 0 && item.openDisputeId === null);
  return (
    <div id="disputes">
      {overview.disputes.length === 0 ? (
        <p className="text-sm text-slate-500">没有争议。有争议的分期不进入催款函和自动提醒，但仍计入余额和所有报表。</p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>合同 / 分期</Th>
              <Th>到期日</Th>
              <Th numeric>分期金额</Th>
              <Th>争议原因</Th>
              <Th>登记</Th>
              <Th>状态</Th>
              <Th>解决说明</Th>
            </tr>
          </thead>
          <tbody>
            {overview.disputes.map((dispute) => (
              <tr key={dispute.id} id={`dispute-${dispute.id}`}>
                <Td>
                  {dispute.contractNo} · {dispute.installmentLabel || `第 ${dispute.seq} 期`}
                </Td>
                <Td className="tabular-nums">{dispute.dueDate}</Td>
                <Td numeric>
                  <Money fen={dispute.installmentAmount} />
                </Td>
                <Td className="max-w-sm">{dispute.reason}</Td>
                <Td className="whitespace-nowrap">
                  {dispute.openedOn} {dispute.openedByName}
                </Td>
                <Td>
                  {dispute.openOnAsOf ? (
                    <Tag className="bg-amber-100 text-amber-900">有争议</Tag>
                  ) : (
                    <Tag className="bg-slate-100 text-slate-600">已解决</Tag>
                  )}
                </Td>
                <Td className="max-w-sm">
                  {dispute.resolvedOn ? (
                    `${dispute.resolvedOn} ${dispute.resolvedByName ?? ""}：${dispute.resolutionNote ?? ""}`
                  ) : user.can("collections.resolveDispute") ? (
                    <details className="no-print text-xs">
                      <summary className="cursor-pointer text-brand-700">解决争议</summary>
                      <div className="mt-2">
                        <ResolveDisputeForm disputeId={dispute.id} returnTo={`${returnTo}#disputes`} />
                      </div>
                    </details>
                  ) : (
                    "—"
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {user.can("collections.openDispute") && open.length > 0 ? (
        <details className="no-print mt-3">
          <summary className="cursor-pointer text-sm text-brand-700">登记争议分期</summary>
          <div className="mt-3">
            <OpenDisputeForm
              installments={open.map((item) => ({
                value: String(item.id),
                label: `${item.contractNo} · ${item.label || `第 ${item.seq} 期`} · 到期 ${item.dueDate} · 未收 ${formatYuan(item.outstanding)}`,
              }))}
              returnTo={returnTo}
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** Returns the contact named by ?editContact= when the user may still correct it (its author, on the day it was recorded). */
function editableContact(overview: Overview, user: Access, requested: string | undefined): EditedContact | undefined {
  const contact = overview.contacts.find((row) => String(row.id) === requested);
  if (!contact || !mayEdit(contact, overview, user)) return undefined;
  return contact;
}

function mayEdit(contact: Overview["contacts"][number], overview: Overview, user: Access): boolean {
  return (
    user.can("collections.updateContact") &&
    contact.voidedAt === null &&
    contact.createdById === user.user.id &&
    contact.recordedOn === overview.today
  );
}

async function LogContactCard({
  caller,
  overview,
  user,
  returnTo,
  edited,
}: {
  caller: Caller;
  overview: Overview;
  user: Access;
  returnTo: string;
  edited?: EditedContact;
}) {
  const [staff, reasons] = await Promise.all([caller.settings.staff(), caller.collections.reasons()]);
  const ownStaff = user.scope.accountManagerId ?? overview.client.accountManagerId;
  return (
    <Card
      title={edited ? `修改催收记录（${edited.contactedAt.replace("T", " ")}）` : "记录催收"}
      actions={edited ? <a href={`${returnTo}#log-contact`}>取消修改</a> : undefined}
    >
      <div id="log-contact">
        <LogContactForm
          key={edited?.id ?? "new"}
          contact={edited}
          clientId={overview.client.id}
          contracts={contractOptions(overview)}
          staff={staff.filter((person) => person.active === 1).map((person) => ({ value: String(person.id), label: person.name }))}
          reasons={reasons.filter((reason) => reason.active).map((reason) => ({ value: String(reason.id), label: reason.name }))}
          now={overview.now}
          defaultStaffId={ownStaff === null ? "" : String(ownStaff)}
          returnTo={returnTo}
        />
      </div>
    </Card>
  );
}

function contractOptions(overview: Overview) {
  const seen = new Map<number, string>();
  for (const item of overview.installments) seen.set(item.contractId, item.contractNo);
  return [...seen].map(([id, contractNo]) => ({ value: String(id), label: contractNo }));
}
