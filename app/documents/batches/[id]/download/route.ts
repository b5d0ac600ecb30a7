import { createReadStream } from "node:fs";
import { Readable } from "node:stream";

import { TRPCError } from "@trpc/server";

import { contentDisposition } from "../../../../../documents/file-name";
import { serverCaller } from "../../../../../server/context";
import { toUserError } from "../../../../lib/errors";
import { documentErrorPage } from "../../../error-page";

export const dynamic = "force-dynamic";

/** Streams the finished file of a batch printing job from its temporary file. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();

  try {
    const job = await caller.documents.batchStatus({ jobId: id });
    if (job.status !== "done" || job.filePath === null) {
      return documentErrorPage("文件尚未生成完成，请回到批量打印页面等待完成后再下载", 409);
    }
    const stream = Readable.toWeb(createReadStream(job.filePath)) as ReadableStream<Uint8Array>;
    return new Response(stream, {
      headers: {
        "Content-Type": job.format === "zip" ? "application/zip" : "application/pdf",
        "Content-Disposition": contentDisposition(job.fileName, `batch-${job.id}.${job.format}`),
        "Content-Length": String(job.fileBytes ?? ""),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const { message } = toUserError(error);
    const status = error instanceof TRPCError && error.code === "NOT_FOUND" ? 404 : 400;
    return documentErrorPage(message, status);
  }
}
