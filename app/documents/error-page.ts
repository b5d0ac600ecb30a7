const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

/**
 * A small Chinese HTML page for a document that cannot be produced, so a
 * download link that fails shows the reason instead of a broken file.
 */
export function documentErrorPage(message: string, status: number, title = "无法生成文件"): Response {
  const heading = escapeHtml(title);
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${heading}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f5f6f8;color:#0f172a;padding:48px}
main{max-width:640px;margin:auto;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:24px 28px}
h1{font-size:18px;margin:0 0 12px}p{line-height:1.7}a{color:#1d4ed8}</style></head>
<body><main><h1>${heading}</h1><p>${escapeHtml(message)}</p><p><a href="javascript:history.back()">返回上一页</a> · <a href="/">回到工作台</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
