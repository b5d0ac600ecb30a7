import type { Metadata } from "next";
import Link from "next/link";

import { serverCaller } from "../../../../server/context";
import { Alert, ButtonLink, Card, PageHeader } from "../../../components/ui";
import { load } from "../../../lib/errors";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "批量打印" };

/** Seconds between reloads while the job runs. */
const REFRESH_SECONDS = 2;

const STATUS_LABELS = { queued: "排队中", running: "正在生成", done: "已完成", failed: "失败" } as const;

/** Progress of a batch printing job; reloads itself with a meta refresh until the file is ready. */
export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const result = await load(() => caller.documents.batchStatus({ jobId: id }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="批量打印" />
        <Alert>{result.message}</Alert>
      </>
    );
  }

  const job = result.data;
  const running = job.status === "queued" || job.status === "running";
  const percent = job.total === 0 ? 0 : Math.round((job.done / job.total) * 100);
  return (
    <>
      {running ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <PageHeader
        title="批量打印"
        subtitle={`${job.total} 封函件，${job.format === "zip" ? "每家客户一个 PDF（zip）" : "合并为一个 PDF"}`}
        actions={<ButtonLink href="/documents">文书登记</ButtonLink>}
      />
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
              <div className="h-3 bg-brand-600" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-slate-600">
              {job.format === "zip"
                ? `已生成 ${job.done} / ${job.total} 封`
                : `已排版 ${job.done} / ${job.total} 封函件，每排好 25 封更新一次进度`}
              ，页面每 {REFRESH_SECONDS} 秒自动刷新。
            </p>
          </>
        ) : null}
        {job.status === "done" ? (
          <div className="space-y-2">
            <Alert tone="success">
              文件已生成（{((job.fileBytes ?? 0) / 1024 / 1024).toFixed(1)} MB）。函件均已登记，文号 {job.numbers[0]}
              {job.numbers.length > 1 ? ` 至 ${job.numbers[job.numbers.length - 1]} 等 ${job.numbers.length} 份` : ""}。
            </Alert>
            <ButtonLink href={`/documents/batches/${job.id}/download`} variant="primary" download>
              下载{job.format === "zip" ? " zip" : " PDF"}
            </ButtonLink>
          </div>
        ) : null}
        {job.status === "failed" ? <Alert>{job.error}</Alert> : null}
      </Card>
      <Card title="本批文号">
        <p className="text-sm leading-7 text-slate-700">{job.numbers.join("　")}</p>
        <p className="mt-2 text-xs text-slate-500">
          需要作废其中某份时，请到 <Link href="/documents" className="text-brand-700 hover:underline">文书登记</Link> 中按文号查找。
        </p>
      </Card>
    </>
  );
}
