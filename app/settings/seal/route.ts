import { TRPCError } from "@trpc/server";

import { serverCaller } from "../../../server/context";
import { documentErrorPage } from "../../documents/error-page";
import { toUserError } from "../../lib/errors";

export const dynamic = "force-dynamic";

/**
 * Receives the seal upload form (multipart, field "seal"). A route handler
 * rather than a server action, because server actions reject bodies over
 * 1 MB by default and the seal may be 1 MB itself.
 */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return documentErrorPage("请求来源无效，请从系统设置页面上传印章", 403, "印章未保存");
  const caller = await serverCaller();

  try {
    const form = await request.formData();
    const file = form.get("seal");
    const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    await caller.documents.saveSeal({ pngBase64: bytes.toString("base64") });
  } catch (error) {
    const { message } = toUserError(error);
    const status = error instanceof TRPCError && error.code === "FORBIDDEN" ? 403 : 400;
    return documentErrorPage(message, status, "印章未保存");
  }
  return new Response(null, { status: 303, headers: { Location: "/settings?notice=seal-saved#letters" } });
}

/** Checks that the form was posted from this site, so another site cannot replace the seal. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
