import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../server/context";
import { addDays, formatChineseDate } from "../../../server/domain/dates";
import { KIND_LABELS } from "../../../server/domain/document-number";
import { LETTER_LEVEL_RULE } from "../../../server/domain/letter-level";
import { Alert, ButtonLink, Card, EmptyState, PageHeader } from "../../components/ui";
import { requireAccess } from "../../lib/auth";
import { load } from "../../lib/errors";
import { numberParam, param, type SearchParams } from "../../lib/params";
import { IssueLetterForm } from "../document-forms";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "出具催款函" };

/** Days to pay the form proposes; the letter service uses the same default. */
const PAY_WITHIN_DAYS = 10;

export default async function IssueLetterPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  await requireAccess("documents.issueLetter");
  const caller = await serverCaller();
  const clientId = numberParam(params, "clientId");
  if (clientId === undefined) {
    return (
      <>
        <PageHeader title="出具催款函" />
        <EmptyState title="请先选择客户">从客户页或到期提醒列表中点击“发函”。</EmptyState>
      </>
    );
  }

  const client = await load(() => caller.clients.get({ clientId }));
  if (!client.ok) return <Alert>{client.message}</Alert>;
  const asOf = param(params, "asOf");
  const suggestion = await load(() => caller.documents.suggestLevel({ clientId, asOf }));
  const today = (await caller.settings.clock()).today;
  const letterDate = asOf ?? today;

  return (
    <>
      <PageHeader
        title="出具催款函"
        subtitle={`致 ${client.data.name}`}
        actions={<ButtonLink href={`/clients/${clientId}`}>返回客户</ButtonLink>}
      />
      {suggestion.ok ? (
        <Card title="建议级别">
          <p className="text-sm">
            建议出具 <strong>{KIND_LABELS[suggestion.data.level]}</strong>：{suggestion.data.reason}。
            {suggestion.data.earlierLetters.length > 0
              ? `已发函件 ${suggestion.data.earlierLetters.length} 份，最近一份为 ${formatChineseDate(suggestion.data.earlierLetters[0]!.asOf)} 的${KIND_LABELS[suggestion.data.earlierLetters[0]!.kind]}。`
              : "此前未向该客户发过函件。"}
          </p>
          <p className="mt-2 text-xs text-slate-500">规则：{LETTER_LEVEL_RULE}级别可以手动更改。</p>
        </Card>
      ) : (
        <Alert>{suggestion.message}</Alert>
      )}
      <Card title="函件">
        <IssueLetterForm
          clientId={clientId}
          suggestedLevel={suggestion.ok ? suggestion.data.level : "collection_demand"}
          asOf={letterDate}
          payBy={addDays(letterDate, PAY_WITHIN_DAYS)}
        />
        <div className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-600">
          先看样稿（不登记、无文号）：
          {(["payment_reminder", "collection_demand", "final_notice"] as const).map((level) => (
            <Link
              key={level}
              href={`/documents/collection-letter/${clientId}?level=${level}&asOf=${letterDate}`}
              className="ml-3 text-brand-700 hover:underline"
              prefetch={false}
            >
              预览{KIND_LABELS[level]}
            </Link>
          ))}
        </div>
      </Card>
    </>
  );
}
