import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { sql } from "kysely";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { renderIssuedDocument } from "../../documents/registry";
import { type Caller, type TestContext, createTestContext, testUser } from "../support/context";
import { sealPng, encodeRgbaPng } from "../support/png";

const TODAY = "2026-12-04";

const company = {
  name: "杭州星河广告有限公司",
  address: "浙江省杭州市西湖区文三路398号",
  phone: "0571-88886666",
  bankName: "中国工商银行杭州文三路支行",
  bankAccountName: "杭州星河广告有限公司",
  bankAccountNumber: "1202021209001234567",
  signatory: "李明",
};

let workDirectory: string;

beforeAll(() => {
  workDirectory = mkdtempSync(path.join(tmpdir(), "documents-test-"));
});

afterAll(() => {
  rmSync(workDirectory, { recursive: true, force: true });
});

/** Text of a PDF with all whitespace removed, since pdftotext spaces CJK text freely. */
function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(workDirectory, name);
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

function pdfPages(pdf: Buffer, name: string): number {
  const file = path.join(workDirectory, name);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("Expected the call to be rejected");
}

/** Creates a client with one contract of ¥1,234.56 due `dueDate`, none of it paid. */
async function overdueClient(caller: Caller, name: string, dueDate: string, managerId: number | null = null) {
  const { clientId } = await caller.clients.create({ name, contactPerson: "张经理", phone: "", address: "", accountManagerId: managerId, notes: "" });
  await caller.contracts.create({
    clientId,
    contractNo: `HT-${name}`,
    businessTypeId: 1,
    title: "户外大牌投放",
    signedOn: "2026-01-15",
    serviceStart: null,
    serviceEnd: null,
    totalAmount: 123456,
    mediaCost: 0,
    productionCost: 0,
    notes: "",
    installments: [{ label: "全款", dueDate, amount: 123456 }],
  });
  return clientId;
}

async function withCompany(): Promise<TestContext> {
  const ctx = await createTestContext(TODAY);
  await ctx.caller.settings.saveCompany(company);
  return ctx;
}

async function downloadPdf(caller: Caller, documentId: number): Promise<Buffer> {
  const document = await caller.documents.download({ documentId });
  return renderIssuedDocument(document.kind, document.payload, document.images);
}

describe("register numbering", () => {
  it("counts per kind", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");

    const first = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    const second = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    const reminder = await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });

    expect(first.number).toBe("〔2026〕催字第001号");
    expect(second.number).toBe("〔2026〕催字第002号");
    expect(reminder.number).toBe("〔2026〕提字第001号");
  });

  it("restarts in a new issue year", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    await ctx.caller.documents.issueLetter({ clientId, level: "final_notice" });

    ctx.setToday("2027-01-05");
    const next = await ctx.caller.documents.issueLetter({ clientId, level: "final_notice", asOf: "2026-12-31" });

    expect(next.number).toBe("〔2027〕告字第001号");
  });

  it("gives concurrent issues distinct numbers", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");

    const issued = await Promise.all(
      Array.from({ length: 12 }, () => ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" })),
    );

    const numbers = issued.map((letter) => letter.number).sort();
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11]).toBe("〔2026〕催字第012号");
  });

  it("rejects a duplicate sequence in the table", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    const duplicate = sql`insert into issued_document (kind, year, seq, number, client_id, as_of, issued_at, issued_by_name, payload, file_name)
      values ('collection_demand', 2026, 1, 'x', null, '2026-12-04', '2026-12-04T00:00:00Z', 'x', '{}', 'x.pdf')`;

    // SQLite reports "UNIQUE constraint failed", PostgreSQL "duplicate key value".
    await expect(duplicate.execute(ctx.db)).rejects.toThrow(/UNIQUE|duplicate key/);
  });

  it("does not reuse the number of a voided letter", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const first = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    await ctx.caller.documents.void({ documentId: first.documentId, reason: "金额有误" });

    const next = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    expect(next.number).toBe("〔2026〕催字第002号");
  });
});

describe("voiding", () => {
  it("keeps the row with the reason", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });

    await ctx.caller.documents.void({ documentId: issued.documentId, reason: "客户已付款" });

    const document = await ctx.caller.documents.get({ documentId: issued.documentId });
    expect(document.number).toBe(issued.number);
    expect(document.voidReason).toBe("客户已付款");
    expect(document.voidedAt).not.toBeNull();
    const listed = await ctx.caller.documents.list({ status: "voided" });
    expect(listed.rows.map((row) => row.id)).toEqual([issued.documentId]);
  });

  it("rejects voiding twice in Chinese", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });
    await ctx.caller.documents.void({ documentId: issued.documentId, reason: "客户已付款" });

    const error = await rejection(ctx.caller.documents.void({ documentId: issued.documentId, reason: "再次作废" }));

    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("已于");
    expect(error.message).toContain("不能再次作废");
  });

  it("requires a reason", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });

    const error = await rejection(ctx.caller.documents.void({ documentId: issued.documentId, reason: "  " }));

    expect(error.message).toContain("作废原因");
  });
});

describe("frozen download", () => {
  it("prints the same text after a new payment", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    const firstText = pdfText(await downloadPdf(ctx.caller, issued.documentId), "first.pdf");

    await ctx.caller.payments.record({ clientId, receivedOn: "2026-12-04", amount: 100000, method: "银行转账", bankReference: "", note: "", contractId: null });
    const againText = pdfText(await downloadPdf(ctx.caller, issued.documentId), "again.pdf");

    expect(againText).toBe(firstText);
    expect(againText).toContain("¥1,234.56");
  });

  it("keeps the seal it was issued with", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const first = await ctx.caller.documents.saveSeal({ pngBase64: sealPng().toString("base64") });
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    await ctx.caller.documents.saveSeal({ pngBase64: sealPng(300).toString("base64") });
    const download = await ctx.caller.documents.download({ documentId: issued.documentId });

    expect(Object.keys(download.images)).toEqual([first.sha256]);
  });
});

describe("letter levels", () => {
  const cases = [
    { level: "payment_reminder", title: "付款提醒函", character: "提", closing: "特此函告。", pages: 1 },
    { level: "collection_demand", title: "催款函", character: "催", closing: "特此函告。", pages: 1 },
    // The longer legal paragraph moves with the closing block to a second page.
    { level: "final_notice", title: "最后催告函", character: "告", closing: "特此催告。", pages: 2 },
  ] as const;

  it.each(cases)("$title states everything", async ({ level, title, character, closing, pages }) => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "上海某某传媒有限公司", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level, payBy: "2026-12-14" });

    const pdf = await downloadPdf(ctx.caller, issued.documentId);
    const text = pdfText(pdf, `${level}.pdf`);

    expect(text).toContain(title);
    expect(text).toContain("上海某某传媒有限公司：");
    expect(text).toContain(`〔2026〕${character}字第001号`);
    expect(text).toContain("HT-上海某某传媒有限公司");
    expect(text).toContain("¥1,234.56");
    expect(text).toContain("人民币壹仟贰佰叁拾肆元伍角陆分");
    expect(text).toContain("2026年12月14日前");
    expect(text).toContain("1202021209001234567");
    expect(text).toContain(closing);
    expect(text).toContain("杭州星河广告有限公司经办人：李明");
    expect(text).toContain("2026年12月4日");
    expect(text).toContain(`第${pages}页共${pages}页`);
    expect(pdfPages(pdf, `${level}-pages.pdf`)).toBe(pages);
  });

  it("final notice cites the contract and clauses", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "丙方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "final_notice" });

    const text = pdfText(await downloadPdf(ctx.caller, issued.documentId), "final.pdf");

    expect(text).toContain("2026年1月15日签订的《户外大牌投放》（合同编号：HT-丙方）");
    expect(text).toContain("违约责任条款");
    expect(text).toContain("人民法院");
  });

  it("uses the saved wording", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "丁方", "2026-11-20");
    const wording = (await ctx.caller.documents.wording()).final_notice;
    await ctx.caller.documents.saveWording({ level: "final_notice", ...wording, clauseReference: "合同第五条及第八条" });

    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "final_notice" });
    const text = pdfText(await downloadPdf(ctx.caller, issued.documentId), "wording.pdf");

    expect(text).toContain("根据合同第五条及第八条");
  });

  it("rejects wording without the amount", async () => {
    const ctx = await withCompany();
    const wording = (await ctx.caller.documents.wording()).collection_demand;

    const error = await rejection(
      ctx.caller.documents.saveWording({ level: "collection_demand", ...wording, request: "请于{付款期限}前付款。" }),
    );

    expect(error.message).toContain("{金额}");
  });
});

describe("suggested level", () => {
  it("escalates from the register", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");

    const first = await ctx.caller.documents.suggestLevel({ clientId });
    await ctx.caller.documents.issueLetter({ clientId, level: "suggested" });
    const second = await ctx.caller.documents.suggestLevel({ clientId });

    expect(first.level).toBe("payment_reminder");
    expect(second.level).toBe("collection_demand");
  });

  it("ignores voided letters", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });
    await ctx.caller.documents.void({ documentId: issued.documentId, reason: "发错" });

    const suggestion = await ctx.caller.documents.suggestLevel({ clientId });

    expect(suggestion.level).toBe("payment_reminder");
  });
});

describe("seal upload", () => {
  it("accepts a transparent PNG", async () => {
    const ctx = await withCompany();

    const seal = await ctx.caller.documents.saveSeal({ pngBase64: sealPng().toString("base64") });

    expect(seal.width).toBe(200);
    expect((await ctx.caller.documents.seal())?.sha256).toBe(seal.sha256);
  });

  it("rejects a JPEG", async () => {
    const ctx = await withCompany();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(100)]);

    const error = await rejection(ctx.caller.documents.saveSeal({ pngBase64: jpeg.toString("base64") }));

    expect(error.message).toContain("不是 PNG");
  });

  it("rejects a PNG without alpha", async () => {
    const ctx = await withCompany();
    const opaque = encodeRgbaPng(200, 200, () => [255, 255, 255, 255], { colorType: 2 });

    const error = await rejection(ctx.caller.documents.saveSeal({ pngBase64: opaque.toString("base64") }));

    expect(error.message).toContain("透明");
  });

  it("rejects a tiny image", async () => {
    const ctx = await withCompany();

    const error = await rejection(ctx.caller.documents.saveSeal({ pngBase64: sealPng(40).toString("base64") }));

    expect(error.message).toContain("40 像素");
  });

  it("rejects a file over 1 MB", async () => {
    const ctx = await withCompany();
    const large = Buffer.concat([sealPng(), Buffer.alloc(1024 * 1024)]);

    const error = await rejection(ctx.caller.documents.saveSeal({ pngBase64: large.toString("base64") }));

    expect(error.message).toContain("1 MB");
  });

  it("prints the seal image", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    await ctx.caller.documents.saveSeal({ pngBase64: sealPng().toString("base64") });
    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    const file = path.join(workDirectory, "sealed.pdf");
    writeFileSync(file, await downloadPdf(ctx.caller, issued.documentId));
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });

    expect(images).toMatch(/smask/);
  });
});

describe("batch issue", () => {
  it("issues one number per overdue client in one go", async () => {
    const ctx = await withCompany();
    await overdueClient(ctx.caller, "甲方", "2026-11-20");
    await overdueClient(ctx.caller, "乙方", "2026-06-01");
    await overdueClient(ctx.caller, "未到期", "2027-01-01");

    const batch = await ctx.caller.documents.issueBatch({ allOverdue: true });

    expect(batch.issued.map((letter) => letter.clientName)).toEqual(["乙方", "甲方"]);
    expect(batch.issued.map((letter) => letter.level)).toEqual(["final_notice", "payment_reminder"]);
    expect(batch.issued.map((letter) => letter.number)).toEqual(["〔2026〕告字第001号", "〔2026〕提字第001号"]);
  });

  it("skips chosen clients with nothing overdue", async () => {
    const ctx = await withCompany();
    const due = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    const notDue = await overdueClient(ctx.caller, "未到期", "2027-01-01");

    const batch = await ctx.caller.documents.issueBatch({ clientIds: [due, notDue], level: "collection_demand" });

    expect(batch.issued).toHaveLength(1);
    expect(batch.skipped).toEqual([{ clientId: notDue, reason: "截至 2026-12-04 没有逾期未付的款项" }]);
  });

  it("issues nothing when one client is out of scope", async () => {
    const ctx = await withCompany();
    const { staffId: mine } = await ctx.caller.settings.addStaff({ name: "甲业务员", phone: "" });
    const { staffId: theirs } = await ctx.caller.settings.addStaff({ name: "乙业务员", phone: "" });
    const own = await overdueClient(ctx.caller, "自己的客户", "2026-11-20", mine);
    const other = await overdueClient(ctx.caller, "别人的客户", "2026-11-20", theirs);
    const manager = ctx.callerAs(testUser("account_manager", mine));

    const error = await rejection(manager.documents.issueBatch({ clientIds: [own, other] }));

    expect(error.code).toBe("NOT_FOUND");
    expect((await ctx.caller.documents.list({})).total).toBe(0);
  });
});

describe("register scope", () => {
  it("shows a manager only their clients' documents", async () => {
    const ctx = await withCompany();
    const { staffId: mine } = await ctx.caller.settings.addStaff({ name: "甲业务员", phone: "" });
    const own = await overdueClient(ctx.caller, "自己的客户", "2026-11-20", mine);
    const other = await overdueClient(ctx.caller, "别人的客户", "2026-11-20");
    await ctx.caller.documents.issueLetter({ clientId: own, level: "payment_reminder" });
    const foreign = await ctx.caller.documents.issueLetter({ clientId: other, level: "payment_reminder" });
    const manager = ctx.callerAs(testUser("account_manager", mine));

    const listed = await manager.documents.list({});
    const error = await rejection(manager.documents.download({ documentId: foreign.documentId }));

    expect(listed.rows.map((row) => row.clientName)).toEqual(["自己的客户"]);
    expect(error.code).toBe("NOT_FOUND");
  });

  it("finds documents by part of the number", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "甲方", "2026-11-20");
    await ctx.caller.documents.issueLetter({ clientId, level: "payment_reminder" });
    await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    const found = await ctx.caller.documents.list({ search: "催字第001" });

    expect(found.rows.map((row) => row.number)).toEqual(["〔2026〕催字第001号"]);
  });
});

describe("disputed installments", () => {
  it("leave the letter's demand", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "争议客户", "2026-11-20");
    const { contractId } = await ctx.caller.contracts.create({
      clientId,
      contractNo: "HT-争议",
      businessTypeId: 1,
      title: "画面制作",
      signedOn: "2026-02-01",
      serviceStart: null,
      serviceEnd: null,
      totalAmount: 50000,
      mediaCost: 0,
      productionCost: 0,
      notes: "",
      installments: [{ label: "全款", dueDate: "2026-11-01", amount: 50000 }],
    });
    const installment = await ctx.db.selectFrom("installment").select("id").where("contract_id", "=", contractId).executeTakeFirstOrThrow();
    await ctx.caller.collections.openDispute({ installmentId: installment.id, reason: "客户对画面质量有异议" });

    const issued = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    const text = pdfText(await downloadPdf(ctx.caller, issued.documentId), "disputed.pdf");

    expect(text).toContain("户外大牌投放");
    expect(text).not.toContain("画面制作");
    expect(text).toContain("逾期未付款项合计¥1,234.56");
  });
});

describe("batch size", () => {
  it("sends more than 500 letters to a zip", async () => {
    const ctx = await withCompany();
    const clientIds = Array.from({ length: 501 }, (_, index) => index + 1);

    const error = await rejection(ctx.caller.documents.issueBatch({ clientIds, format: "pdf" }));

    expect(error.message).toContain("最多 500 封");
    expect(error.message).toContain("zip");
  });
});

describe("batch of issued documents", () => {
  it("rejects a statement in one PDF", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "对账客户", "2026-11-20");
    const letter = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });
    const statement = await ctx.caller.statements.issueStatement({ clientId, from: "2026-01-01", to: "2026-11-30" });

    const error = await rejection(ctx.caller.documents.startBatch({ documentIds: [letter.documentId, statement.documentId], format: "pdf" }));
    const zip = await ctx.caller.documents.startBatch({ documentIds: [letter.documentId, statement.documentId], format: "zip" });

    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(`文书 ${statement.number} 不是催收函件`);
    expect(error.message).toContain("zip");
    expect(zip.total).toBe(2);
  });

  it("prints a document chosen twice once", async () => {
    const ctx = await withCompany();
    const clientId = await overdueClient(ctx.caller, "重复客户", "2026-11-20");
    const letter = await ctx.caller.documents.issueLetter({ clientId, level: "collection_demand" });

    const job = await ctx.caller.documents.startBatch({ documentIds: [letter.documentId, letter.documentId], format: "pdf" });

    expect(job.total).toBe(1);
  });
});
