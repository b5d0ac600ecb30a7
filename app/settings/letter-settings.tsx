import type { serverCaller } from "../../server/context";
import { KIND_LABELS, LETTER_LEVELS } from "../../server/domain/document-number";
import { Alert, Card } from "../components/ui";
import { load } from "../lib/errors";
import { clearSealAction } from "./letter-actions";
import { WordingForm } from "./letter-forms";

type Caller = Awaited<ReturnType<typeof serverCaller>>;

/**
 * Settings of the collection letters: the wording of each level and the
 * company seal printed over the signature of every document.
 */
export async function LetterSettingsSection({ caller }: { caller: Caller }) {
  const [wording, seal] = await Promise.all([load(() => caller.documents.wording()), load(() => caller.documents.seal())]);
  return (
    <div id="letters">
      <Card title="公章图片">
        {seal.ok ? <SealSection seal={seal.data} /> : <Alert>{seal.message}</Alert>}
      </Card>
      <Card title="催款函措辞">
        <p className="mb-3 text-xs text-slate-500">
          可用占位符：{"{函件日期}"}、{"{付款期限}"}、{"{金额}"}（逾期金额）、{"{合同条款}"}、{"{联系电话}"}。
          合同明细表、金额大写、银行账户、落款和日期由系统按数据生成。修改只影响之后出具的函件。
        </p>
        {wording.ok ? (
          <div className="space-y-4">
            {LETTER_LEVELS.map((level) => (
              <details key={level} className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium text-slate-800">{KIND_LABELS[level]}</summary>
                <div className="mt-3">
                  <WordingForm level={level} wording={wording.data[level]} />
                </div>
              </details>
            ))}
          </div>
        ) : (
          <Alert>{wording.message}</Alert>
        )}
      </Card>
    </div>
  );
}

function SealSection({ seal }: { seal: { dataUri: string; width: number; height: number } | null }) {
  return (
    <div className="flex flex-wrap items-start gap-6">
      <div className="flex h-32 w-32 items-center justify-center rounded-md border border-dashed border-slate-300 bg-[repeating-conic-gradient(#f1f5f9_0_25%,#fff_0_50%)] bg-[length:16px_16px]">
        {seal ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data URI from the database, not an optimisable asset
          <img src={seal.dataUri} alt="当前公章" className="max-h-28 max-w-28" />
        ) : (
          <span className="text-xs text-slate-400">未上传</span>
        )}
      </div>
      <div className="space-y-3 text-sm">
        <form action="/settings/seal" method="post" encType="multipart/form-data" className="space-y-2">
          <input type="file" name="seal" accept="image/png" required className="block text-sm" />
          <p className="text-xs text-slate-500">
            透明背景的 PNG，不超过 1 MB，宽高 100–2000 像素。打印在落款的公司名称和日期上；已出具的文书保留出具时的印章。
          </p>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
            上传公章
          </button>
        </form>
        {seal ? (
          <form action={clearSealAction}>
            <button type="submit" className="text-sm text-red-700 hover:underline">
              移除公章（之后的文书不再印公章）
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
