import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { toCapitalAmount } from "../../documents/capital";
import { buildCollectionLetterContent } from "../../documents/collection-letter-content";
import { contentDisposition, documentFileName } from "../../documents/file-name";
import { splitAtBreakOpportunities } from "../../documents/line-breaking";
import { renderCollectionLetter, renderCollectionLettersToFile } from "../../documents/render";
import type {
  CollectionLetterFacts,
  CompanyProfile,
  OverdueContractFact,
} from "../../documents/types";
import { formatYuan, formatYuanPlain } from "../../server/domain/money";

const company: CompanyProfile = {
  name: "杭州星河广告有限公司",
  address: "浙江省杭州市西湖区文三路398号12楼",
  phone: "0571-88886666",
  bankName: "中国工商银行杭州文三路支行",
  bankAccountName: "杭州星河广告有限公司",
  bankAccountNumber: "1202021209001234567",
  signatory: "李明",
};

const CLIENT_NAME = "上海某某传媒有限公司";

function makeContract(overrides: Partial<OverdueContractFact> = {}): OverdueContractFact {
  return {
    contractNo: "HT-2026-0012",
    signedOn: "2026-03-01",
    title: "地铁灯箱广告投放",
    businessType: "户外广告",
    totalAmount: 20_000_000,
    paidAmount: 7_654_400,
    outstandingAmount: 12_345_600,
    earliestDueDate: "2026-05-01",
    daysOverdue: 217,
    overdueAmount: 12_345_600,
    ...overrides,
  };
}

/** Facts whose totals add up: everything outstanding is overdue. */
function makeFacts(
  contracts: OverdueContractFact[],
  overrides: Partial<CollectionLetterFacts> = {},
): CollectionLetterFacts {
  const totalOverdue = contracts.reduce((sum, c) => sum + c.overdueAmount, 0);
  return {
    company,
    client: { name: CLIENT_NAME, contactPerson: "张经理", address: "上海市静安区" },
    letterDate: "2026-12-04",
    payBy: "2026-12-14",
    contracts,
    totalOverdue,
    totalOutstanding: totalOverdue,
    creditAmount: 0,
    ...overrides,
  };
}

const twoContracts = [
  makeContract({
    title:
      "2026年春季西湖文化广场户外大牌、地铁灯箱广告投放及画面设计制作，含上刊监测与结案报告",
  }),
  makeContract({
    contractNo: "HT-2026-0047",
    signedOn: "2026-07-15",
    title: "新品发布会策划",
    businessType: "活动策划",
    totalAmount: 5_000_000,
    paidAmount: 3_359_098,
    outstandingAmount: 1_640_902,
    earliestDueDate: "2026-10-14",
    daysOverdue: 51,
    overdueAmount: 1_640_902,
  }),
];

let workDirectory: string;

beforeAll(() => {
  workDirectory = mkdtempSync(path.join(tmpdir(), "collection-letter-"));
});

afterAll(() => {
  rmSync(workDirectory, { recursive: true, force: true });
});

async function renderToFile(facts: CollectionLetterFacts, name: string) {
  const pdf = await renderCollectionLetter(facts);
  const file = path.join(workDirectory, name);
  writeFileSync(file, pdf);
  return { file, size: pdf.length };
}

/** Text of one page or the whole file, as pdftotext extracts it. */
function extractText(file: string, options: { page?: number; layout?: boolean } = {}) {
  const args = [];
  if (options.page !== undefined) {
    args.push("-f", String(options.page), "-l", String(options.page));
  }
  if (options.layout) args.push("-layout");
  return execFileSync("pdftotext", [...args, file, "-"], { encoding: "utf8" });
}

/** Removes all whitespace, since pdftotext spaces and wraps CJK text freely. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function pageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

describe("collection letter with two contracts", () => {
  const facts = makeFacts(twoContracts);
  let file: string;
  let size: number;
  let text: string;

  beforeAll(async () => {
    ({ file, size } = await renderToFile(facts, "two-contracts.pdf"));
    text = squeeze(extractText(file));
  }, 30_000);

  it("contains the title", () => {
    expect(text).toContain("催款函");
  });

  it("addresses the client", () => {
    expect(text).toContain(`${CLIENT_NAME}：`);
  });

  it.each(twoContracts.map((contract) => contract.contractNo))(
    "lists contract %s",
    (contractNo) => {
      expect(text).toContain(contractNo);
    },
  );

  it.each([
    ["123,456.00", formatYuanPlain(12_345_600)],
    ["16,409.02", formatYuanPlain(1_640_902)],
    ["200,000.00", formatYuanPlain(20_000_000)],
  ])("shows table amount %s", (_label, amount) => {
    expect(text).toContain(amount);
  });

  it("shows the overdue total in figures", () => {
    expect(text).toContain(formatYuan(13_986_502));
    expect(formatYuan(13_986_502)).toBe("¥139,865.02");
  });

  it("shows the overdue total in capitals", () => {
    const capital = toCapitalAmount(13_986_502);
    expect(capital).toBe("人民币壹拾叁万玖仟捌佰陆拾伍元零贰分");
    expect(text).toContain(`（大写：${capital}）`);
  });

  it("states the letter date", () => {
    expect(text).toContain("截至2026年12月4日");
  });

  it("states the pay-by date", () => {
    expect(text).toContain("请贵司于2026年12月14日前");
  });

  it("gives the bank account", () => {
    expect(text).toContain(`户名：${company.bankAccountName}`);
    expect(text).toContain(`开户银行：${company.bankName}`);
    expect(text).toContain(`账号：${company.bankAccountNumber}`);
  });

  it("closes with 特此函告 and the signature", () => {
    expect(text).toContain("特此函告。");
    expect(text).toContain(`${company.name}经办人：${company.signatory}（盖章）2026年12月4日`);
  });

  it("numbers its pages", () => {
    expect(text).toContain(`第1页共${pageCount(file)}页`);
  });


  it("draws no hyphen after a Chinese character", () => {
    // Plain mode joins hyphenated lines, so only layout mode shows a hyphen.
    const hyphenated = extractText(file, { layout: true }).match(/\p{Script=Han}-(\s|$)/gmu);
    expect(hyphenated).toBeNull();
  });

  it("embeds the serif as a subset", () => {
    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" });
    const serifRows = fonts.split("\n").filter((row) => row.includes("NotoSerifSC"));
    expect(serifRows.length).toBeGreaterThan(0);
    for (const row of serifRows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSerifSC-\w+\s.*\syes\s+yes\s+yes\s/);
    }
  });

  it("stays under 100 KB", () => {
    expect(size).toBeLessThan(100 * 1024);
  });
});

describe("collection letter with 25 contracts", () => {
  const contracts = Array.from({ length: 25 }, (_, index) =>
    makeContract({ contractNo: `HT-2026-${String(index + 1).padStart(4, "0")}` }),
  );
  let file: string;
  let pages: number;

  beforeAll(async () => {
    ({ file } = await renderToFile(makeFacts(contracts), "many-contracts.pdf"));
    pages = pageCount(file);
  }, 30_000);

  it("spans several pages", () => {
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it("numbers every page with the total", () => {
    for (let page = 1; page <= pages; page += 1) {
      const text = squeeze(extractText(file, { page }));
      expect(text).toContain(`第${page}页共${pages}页`);
    }
  });

  it("repeats the table header on each table page", () => {
    for (let page = 1; page <= pages; page += 1) {
      const text = squeeze(extractText(file, { page }));
      if (!text.includes("HT-2026-")) continue;
      expect(text).toContain("合同编号");
    }
  });

  it("lists every contract once", () => {
    const text = squeeze(extractText(file));
    for (const contract of contracts) {
      expect(text.split(contract.contractNo).length - 1).toBe(1);
    }
  });

  it("keeps the closing block on one page", () => {
    const lastPage = squeeze(extractText(file, { page: pages }));
    expect(lastPage).toContain("特此函告。");
    expect(lastPage).toContain(`经办人：${company.signatory}`);
    expect(lastPage).toContain("2026年12月4日");
  });

  it("keeps the last paragraph with the closing", () => {
    const lastPage = squeeze(extractText(file, { page: pages }));
    expect(lastPage).toContain("如贵司已付款，请忽略本函并与我司联系核对");
  });
});

describe("collection letter edge cases", () => {
  it("starts no line with closing punctuation", async () => {
    // Every third character is a comma, so some line would start with one
    // unless the comma stays with the character before it.
    const title = "户外，灯箱，".repeat(30);
    const facts = makeFacts([makeContract({ title })]);
    const { file } = await renderToFile(facts, "punctuation.pdf");
    const layoutText = extractText(file, { layout: true });

    // A line of a paragraph or of a table cell starts after the margin or
    // after the gap between columns.
    expect(layoutText).not.toMatch(/(^|\s{2,})[，。、；：？！”’）》】]/m);
  }, 30_000);


  it("renders with no contracts", async () => {
    const facts = makeFacts([]);
    const { file } = await renderToFile(facts, "no-contracts.pdf");
    const text = squeeze(extractText(file));

    expect(text).toContain("贵司暂无逾期未付的款项");
    expect(text).not.toContain("合同编号");
    expect(text).toContain("特此函告。");
  }, 30_000);

  it("mentions amounts not yet due", () => {
    const facts = makeFacts(twoContracts, { totalOutstanding: 13_986_502 + 2_000_000 });
    const summary = buildCollectionLetterContent(facts).summary.join("");

    expect(summary).toContain(
      "贵司尚欠我司全部款项合计¥159,865.02（大写：人民币壹拾伍万玖仟捌佰陆拾伍元零贰分）",
    );
    expect(summary).toContain("其中未到期款项¥20,000.00");
  });

  it("omits not-yet-due sentence when all overdue", () => {
    const summary = buildCollectionLetterContent(makeFacts(twoContracts)).summary.join("");
    expect(summary).not.toContain("未到期");
  });

  it("mentions client credit", () => {
    const facts = makeFacts(twoContracts, { creditAmount: 50_000 });
    const summary = buildCollectionLetterContent(facts).summary.join("");
    expect(summary).toContain("预收款¥500.00（大写：人民币伍佰元整）");
  });

  it("shows the overdue part of a partly due contract", () => {
    const contract = makeContract({ outstandingAmount: 3_500_000, overdueAmount: 1_500_000 });
    const [row] = buildCollectionLetterContent(makeFacts([contract])).contractRows;
    expect(row?.[5]).toBe("35,000.00\n其中逾期\n15,000.00");
  });
});

describe("splitAtBreakOpportunities", () => {
  it("breaks between Chinese characters", () => {
    expect(splitAtBreakOpportunities("贵司与我司")).toEqual(["贵", "司", "与", "我", "司"]);
  });

  it("keeps amounts and contract numbers whole", () => {
    expect(splitAtBreakOpportunities("合计¥123,456.00元")).toEqual([
      "合",
      "计",
      "¥123,456.00",
      "元",
    ]);
    expect(splitAtBreakOpportunities("合同HT-2026-0012")).toEqual(["合", "同", "HT-2026-0012"]);
  });

  it("attaches closing punctuation to the character before", () => {
    expect(splitAtBreakOpportunities("贵司，我司。")).toEqual(["贵", "司，", "我", "司。"]);
    expect(splitAtBreakOpportunities("整）。")).toEqual(["整）。"]);
  });

  it("attaches opening punctuation to the character after", () => {
    expect(splitAtBreakOpportunities("款（大写")).toEqual(["款", "（大", "写"]);
  });

  it("keeps a Latin word whole", () => {
    expect(splitAtBreakOpportunities("statement")).toEqual(["statement"]);
  });

  it("returns parts that join to the word", () => {
    const word = "截至2026年12月4日，贵司逾期未付款项合计¥139,865.02（大写：人民币…）。";
    expect(splitAtBreakOpportunities(word).join("")).toBe(word);
  });
});

describe("documentFileName", () => {
  it("joins kind, client and Chinese date", () => {
    expect(documentFileName("催款函", "某某传媒有限公司", "2026-12-04")).toBe(
      "催款函_某某传媒有限公司_2026年12月4日.pdf",
    );
  });

  it("replaces characters file systems reject", () => {
    expect(documentFileName("催款函", 'A/B\\C:D*E?F"G<H>I|J\u0007K', "2026-12-04")).toBe(
      "催款函_A_B_C_D_E_F_G_H_I_J_K_2026年12月4日.pdf",
    );
  });

  it("trims dots and spaces at the ends", () => {
    expect(documentFileName("催款函", " ..某某公司. ", "2026-12-04")).toBe(
      "催款函_某某公司_2026年12月4日.pdf",
    );
  });

  it("rejects an invalid date", () => {
    expect(() => documentFileName("催款函", "某某公司", "2026-02-30")).toThrow(RangeError);
  });
});

describe("contentDisposition", () => {
  const fileName = "催款函_某某传媒有限公司_2026年12月4日.pdf";

  it("encodes the UTF-8 name per RFC 5987", () => {
    expect(contentDisposition(fileName)).toContain(
      `filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  });

  it("decodes back to the original name", () => {
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(contentDisposition(fileName))?.[1];
    expect(decodeURIComponent(encoded ?? "")).toBe(fileName);
  });

  it("gives an ASCII fallback", () => {
    expect(contentDisposition(fileName)).toMatch(/^attachment; filename="_2026_12_4_\.pdf"; /);
  });

  it("escapes quotes and RFC 5987 reserved characters", () => {
    const header = contentDisposition(`it's (a) "draft".pdf`);
    expect(header).toContain(`filename="it's (a) _draft_.pdf"`);
    expect(header).toContain("filename*=UTF-8''it%27s%20%28a%29%20%22draft%22.pdf");
  });

  it("produces a header value of ASCII only", () => {
    expect(contentDisposition(fileName)).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("long unbroken runs", () => {
  it("break after 24 characters", () => {
    const parts = splitAtBreakOpportunities("W".repeat(60));
    expect(parts.map((part) => part.length)).toEqual([24, 24, 12]);
  });

  it("keep a contract number whole", () => {
    expect(splitAtBreakOpportunities("合同HT-2026-0012号")).toContain("HT-2026-0012");
  });
});

describe("many letters in one file", () => {
  // More letters than one chunk of renderCollectionLettersToFile, with a
  // two-page letter among them, so the file is joined from several chunks.
  const letters = Array.from({ length: 27 }, (_, index) => {
    const contracts = index === 25 ? Array.from({ length: 25 }, () => makeContract()) : twoContracts;
    return {
      facts: makeFacts(contracts, { client: { name: `批量客户${index + 1}有限公司`, contactPerson: "", address: "" } }),
      seal: null,
    };
  });
  let pages: string[];
  const progress: number[] = [];

  beforeAll(async () => {
    const file = path.join(workDirectory, "batch.pdf");
    await renderCollectionLettersToFile(letters, file, "催款函批量打印", (done) => progress.push(done));
    const count = pageCount(file);
    pages = Array.from({ length: count }, (_, index) => squeeze(extractText(file, { page: index + 1 })));
  }, 120_000);

  it("starts every letter on a new page, in order, and numbers each letter's pages within it", () => {
    const firstPages = pages.filter((text) => text.includes("第1页共"));
    expect(firstPages.map((text) => /^.*?催款函(批量客户\d+有限公司)：/.exec(text)?.[1])).toEqual(
      letters.map((letter) => letter.facts.client.name),
    );
    // Each letter's pages run 第1页 to 第N页共N页; the 26th letter has 25 contracts and two pages.
    const runs: number[] = [];
    for (const text of pages) {
      const [, page, total] = /第(\d+)页共(\d+)页$/.exec(text) ?? [];
      if (page === "1") runs.push(0);
      runs[runs.length - 1]! += 1;
      expect(Number(page)).toBe(runs[runs.length - 1]);
      if (page === total) expect(runs[runs.length - 1]).toBe(Number(total));
    }
    expect(runs).toEqual(letters.map((_, index) => (index === 25 ? 2 : 1)));
  });

  it("reports progress after each chunk", () => {
    expect(progress).toEqual([25, 27]);
  });
});
