"use client";

import { useEffect, useRef } from "react";

import type { SituationParts } from "../../../documents/statement-types";

const FRAME_NAME = "situation-preview";

/** Pause after the last keystroke before the preview is rendered again, in milliseconds. */
const PREVIEW_DELAY_MS = 1200;

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

interface SituationEditorProps {
  kind: "situation_client" | "situation_summary";
  clientId: number | null;
  parts: SituationParts;
  today: string;
  canIssue: boolean;
}

/**
 * The edit form of a situation statement's five parts beside its PDF
 * preview. 预览 posts the form into the preview frame, 在新窗口预览 into a
 * new tab, and 出具并下载 to the issue route in this window, so all work
 * without JavaScript; with it, the frame preview also renders once on load
 * and again after each pause in typing.
 *
 * NOTE: next.config.js sends X-Frame-Options: DENY and frame-ancestors
 * 'none' on every response and overrides the route's own headers, so
 * browsers refuse to show the preview in the frame until that config lets
 * the preview routes under /documents be framed by 'self'.
 */
export function SituationEditor({ kind, clientId, parts, today, canIssue }: SituationEditorProps) {
  const previewButton = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    previewButton.current?.click();
    return () => {
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  function schedulePreview() {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => previewButton.current?.click(), PREVIEW_DELAY_MS);
  }

  return (
    <div className="grid gap-5 xl:grid-cols-2">
      <form
        method="post"
        action="/documents/situation/preview"
        target={FRAME_NAME}
        onInput={schedulePreview}
        className="no-print space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="clientId" value={clientId ?? ""} />
        <Part label="一、称谓" name="addressee" hint="致送对象，如：公司领导：">
          <input id="addressee" name="addressee" defaultValue={parts.addressee} maxLength={100} className={INPUT} />
        </Part>
        <Part label="二、事实" name="facts" hint="每行一段，打印时段首空两格；日期、金额、经办人请写明。">
          <textarea id="facts" name="facts" rows={16} defaultValue={parts.facts} className={INPUT} />
        </Part>
        <Part label="三、总结" name="summary" hint="事实说明了什么，每行一段。">
          <textarea id="summary" name="summary" rows={4} defaultValue={parts.summary} className={INPUT} />
        </Part>
        <p className="text-sm text-slate-600">四、结束语固定为“特此说明。”</p>
        <Part label="五、落款" name="signatory" hint="每行一行：公司名称，经办人。">
          <textarea id="signatory" name="signatory" rows={2} defaultValue={parts.signatory} className={INPUT} />
        </Part>
        <Part label="落款日期" name="date">
          <input id="date" name="date" type="date" defaultValue={parts.date} max={today} className={INPUT} />
        </Part>
        <div className="flex flex-wrap gap-3">
          <button
            ref={previewButton}
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            预览
          </button>
          <button
            type="submit"
            formTarget="_blank"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
          >
            在新窗口预览
          </button>
          {canIssue ? (
            <button
              type="submit"
              formAction="/documents/situation/issue"
              formTarget="_self"
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              出具并下载
            </button>
          ) : (
            <span className="self-center text-sm text-slate-500">您的角色只能预览，出具请联系财务或业务员。</span>
          )}
        </div>
        <p className="text-xs text-slate-500">出具后自动编号（说字）并登记，下载的文件与登记内容一致；填写有误时预览区会显示原因。</p>
      </form>
      <section className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <div className="border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-800">预览</div>
        <iframe
          name={FRAME_NAME}
          title="情况说明预览"
          srcDoc={EMPTY_PREVIEW}
          className="h-[960px] w-full rounded-b-lg bg-slate-100"
        />
      </section>
    </div>
  );
}

function Part({ label, name, hint, children }: { label: string; name: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

const EMPTY_PREVIEW =
  '<p style="font-family:sans-serif;color:#64748b;padding:24px">点击"预览"查看按当前内容生成的 PDF。</p>';
