import type { Metadata } from "next";

import { serverCaller } from "../../../../server/context";
import { Alert, ButtonLink, Card, PageHeader } from "../../../components/ui";
import { requireAccess } from "../../../lib/auth";
import { load } from "../../../lib/errors";
import { CountsTable } from "../../counts-table";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "导入进度" };

/** Seconds between reloads while the job runs. */
const REFRESH_SECONDS = 2;

const STATUS_LABELS = { queued: "排队中", reading: "正在读取和核对", writing: "正在写入", done: "已完成", failed: "失败" } as const;

/** Progress of a confirmed import; reloads itself with a meta refresh until the result or the error shows. */
export default async function ImportJobPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAccess("imports.confirmStatus");
  const { id } = await params;
  const caller = await serverCaller();
  const result = await load(() => caller.imports.confirmStatus({ jobId: id }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="导入进度" actions={<ButtonLink href="/import">返回导入</ButtonLink>} />
        <Alert>{result.message}</Alert>
      </>
    );
  }

  const job = result.data;
  const running = job.status !== "done" && job.status !== "failed";
  const percent = job.total === 0 ? 0 : Math.min(100, Math.round((job.done / job.total) * 100));
  return (
    <>
      {running ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <PageHeader title="导入进度" subtitle={`文件 ${job.fileName}`} actions={<ButtonLink href="/import">返回导入</ButtonLink>} />
      <Card title={`状态：${STATUS_LABELS[job.status]}`}>
        {running ? (
          <>
            <div
              className="h-3 w-full overflow-hidden rounded bg-slate-100"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={job.total}
              aria-valuenow={job.done}
            >
              <div className="h-3 bg-brand-600" style={{ width: `${job.status === "writing" ? 100 : percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-slate-600">
              {job.status === "queued" ? "正在统计文件行数" : null}
              {job.status === "reading" ? `已读取并核对 ${job.done} / 约 ${job.total} 行` : null}
              {job.status === "writing" ? `${job.done} 行已核对，正在写入合同、回款和核销` : null}
              ，页面每 {REFRESH_SECONDS} 秒自动刷新。导入全部成功或全部不写入，离开本页不影响导入。
            </p>
          </>
        ) : null}
        {job.status === "done" ? (
          <div className="space-y-3">
            <Alert tone="success">已导入 {job.fileName}：数据 {job.done} 行。再次导入同一文件不会重复建立记录。</Alert>
            {job.counts ? <CountsTable counts={job.counts} /> : null}
          </div>
        ) : null}
        {job.status === "failed" ? (
          <div className="space-y-2">
            <Alert>导入失败，未写入任何数据。</Alert>
            <p className="whitespace-pre-line text-sm text-red-800">{job.error}</p>
          </div>
        ) : null}
      </Card>
    </>
  );
}
