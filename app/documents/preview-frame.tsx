/** Shows a PDF preview on the page. Forms post into it by naming it as their target. */
export function PreviewFrame({ name, src, title }: { name: string; src?: string; title: string }) {
  return (
    <section className="no-print mb-5 rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-800">{title}</div>
      <iframe
        name={name}
        title={title}
        src={src}
        srcDoc={src === undefined ? EMPTY_PREVIEW : undefined}
        className="h-[900px] w-full rounded-b-lg bg-slate-100"
      />
    </section>
  );
}

const EMPTY_PREVIEW =
  '<p style="font-family:sans-serif;color:#64748b;padding:24px">点击"预览"查看按当前内容生成的 PDF。</p>';
