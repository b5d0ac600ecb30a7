import type { LetterWording } from "./types";

type LetterLevel = "payment_reminder" | "collection_demand" | "final_notice";

/** Text shipped for each level of collection letter, until an administrator edits it in settings. */
export const DEFAULT_LETTER_WORDING: Record<LetterLevel, LetterWording> = {
  payment_reminder: {
    title: "付款提醒函",
    opening:
      "感谢贵司一直以来对我司的信任与支持。根据双方签订的合同约定，下列款项已到付款期，" +
      "截至{函件日期}我司尚未收到，特此提醒，具体情况如下：",
    request: "烦请贵司于{付款期限}前将上述款项{金额}汇入我司以下账户：",
    consequence:
      "如贵司已安排付款，请忽略本函；如对上述款项有疑问，欢迎随时与我司联系{联系电话}。" +
      "再次感谢贵司的支持与合作！",
    clauseReference: "",
    closingPhrase: "特此函告。",
  },
  collection_demand: {
    title: "催款函",
    opening:
      "感谢贵司一直以来对我司的信任与支持。贵司与我司签订的下列合同项下款项已逾期未付，" +
      "截至{函件日期}的具体情况如下：",
    request: "请贵司于{付款期限}前将上述逾期款项{金额}汇入我司以下账户：",
    consequence:
      "如贵司已付款，请忽略本函并与我司联系核对；如对上述款项有异议，请及时与我司联系{联系电话}。",
    clauseReference: "",
    closingPhrase: "特此函告。",
  },
  final_notice: {
    title: "最后催告函",
    opening:
      "贵司与我司签订的下列合同对付款期限有明确约定。我司此前已多次提醒并发函催收，" +
      "但截至{函件日期}，贵司仍未支付下列款项：",
    request: "现我司正式催告：请贵司务必于{付款期限}前将上述逾期款项{金额}全额汇入我司以下账户：",
    consequence:
      "根据{合同条款}，贵司逾期付款已构成违约，应按合同约定承担违约责任。" +
      "若贵司在上述期限内仍未付清，我司将不再另行通知，依法向有管辖权的人民法院提起诉讼" +
      "（或依合同约定申请仲裁），要求贵司支付全部欠款及违约金，并承担诉讼费、保全费、" +
      "律师费等实现债权的费用。如对上述款项有异议，请于付款期限前书面回复我司{联系电话}。",
    clauseReference: "双方所签合同中关于付款方式与付款期限的条款及违约责任条款",
    closingPhrase: "特此催告。",
  },
};

/** Placeholders the wording may contain. */
export const WORDING_PLACEHOLDERS = ["{函件日期}", "{付款期限}", "{金额}", "{合同条款}", "{联系电话}"] as const;

/** Replaces every placeholder in `text` by its value. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{[^{}]+\}/g, (placeholder) => values[placeholder] ?? placeholder);
}
