import { beforeAll, describe, expect, it } from "vitest";

import { renderIssuedDocument } from "../../documents/registry";
import { renderSituationStatement, renderStatementOfAccount } from "../../documents/render-statements";
import { readPdf, squeezed } from "../support/pdf-text";
import { type Caller, createTestContext, type TestContext, testUser } from "../support/context";

const TODAY = "2026-12-04";

const company = {
  name: "星海广告有限公司",
  address: "上海市静安区南京西路1号",
  phone: "021-12345678",
  bankName: "中国工商银行上海分行",
  bankAccountName: "星海广告有限公司",
  bankAccountNumber: "6222 0000 1111 2222",
  signatory: "张总",
};

const clientFields = { contactPerson: "李四", phone: "13800000000", address: "上海市", notes: "" };

function contract(clientId: number, contractNo: string, signedOn: string, amount: number, dueDate: string) {
  return {
    clientId,
    contractNo,
    businessTypeId: 1,
    title: "户外大牌投放",
    signedOn,
    serviceStart: null,
    serviceEnd: null,
    totalAmount: amount,
    mediaCost: 0,
    productionCost: 0,
    notes: "",
    installments: [{ label: "全款", dueDate, amount }],
  };
}

function payment(clientId: number, receivedOn: string, amount: number, bankReference = "") {
  return { clientId, receivedOn, amount, method: "银行转账" as const, bankReference, note: "", contractId: null };
}

/**
 * One client (鼎盛传媒) with a contract and a payment before November 2026
 * and, in November, a contract, a payment and a payment reversed as entered
 * by mistake; a second client of another manager.
 */
async function seedStatementClient(ctx: TestContext) {
  const { caller } = ctx;
  await caller.settings.saveCompany(company);
  const manager = await caller.settings.addStaff({ name: "业务员甲", phone: "" });
  const other = await caller.settings.addStaff({ name: "业务员乙", phone: "" });
  const client = await caller.clients.create({ ...clientFields, name: "鼎盛传媒有限公司", accountManagerId: manager.staffId });
  const otherClient = await caller.clients.create({ ...clientFields, name: "乙的客户", accountManagerId: other.staffId });

  await caller.contracts.create(contract(client.clientId, "HT-2026-0007", "2026-09-01", 10_000_000, "2026-10-01"));
  await caller.payments.record(payment(client.clientId, "2026-10-01", 4_000_000, "BANK-OLD-1"));
  await caller.contracts.create(contract(client.clientId, "HT-2026-0012", "2026-11-03", 16_409_02, "2026-11-20"));
  await caller.payments.record(payment(client.clientId, "2026-11-10", 2_000_000, "BANK-2026-1110"));
  const mistaken = await caller.payments.record(payment(client.clientId, "2026-11-15", 50_000, "BANK-WRONG"));
  await caller.payments.reverse({ paymentId: mistaken.paymentId, reason: "录错金额" });

  return { clientId: client.clientId, otherClientId: otherClient.clientId, managerId: manager.staffId };
}

describe("statement of account", () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedStatementClient>>;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    ids = await seedStatementClient(ctx);
  }, 60_000);

  const november = () => ({ clientId: ids.clientId, from: "2026-11-01", to: "2026-11-30" });

  it("carries the balance from opening to closing", async () => {
    const { payload } = await ctx.caller.statements.accountStatement(november());

    expect(payload.openingBalance).toBe(6_000_000);
    expect(payload.lines.map((line) => line.kind)).toEqual(["contract", "payment", "payment", "reversal"]);
    expect(payload.lines.map((line) => line.balance)).toEqual([7_640_902, 5_640_902, 5_590_902, 5_640_902]);
    expect(payload.periodContracted).toBe(1_640_902);
    expect(payload.periodReceived).toBe(2_000_000);
    expect(payload.closingBalance).toBe(5_640_902);
  });

  it("ages what is open at the period end", async () => {
    const { payload } = await ctx.caller.statements.accountStatement(november());

    const byLabel = Object.fromEntries(payload.aging.map((bucket) => [bucket.label, bucket.amount]));
    expect(byLabel["1–30天"]).toBe(1_640_902 - 0);
    expect(byLabel["31–60天"]).toBe(4_000_000);
    expect(payload.aging.reduce((sum, bucket) => sum + bucket.amount, 0)).toBe(payload.closingBalance + payload.creditAtTo);
  });

  it("prints every part of the statement", async () => {
    const issued = await ctx.caller.statements.issueStatement({ ...november(), asOf: "2026-12-04" });
    const pdf = readPdf(await renderStatementOfAccount(issued.payload, issued.seal), "statement.pdf");
    const text = squeezed(pdf.text);

    expect(issued.number).toBe("〔2026〕账字第001号");
    expect(text).toContain("对账单");
    expect(text).toContain("〔2026〕账字第001号");
    expect(text).toContain("鼎盛传媒有限公司：");
    expect(text).toContain("期初余额");
    expect(text).toContain("60,000.00");
    expect(text).toContain("HT-2026-0012");
    expect(text).toContain("BANK-2026-1110");
    expect(text).toContain("冲销上笔收款（");
    expect(text).toContain("原因：录错金额）");
    expect(text).toContain("56,409.02");
    expect(text).toContain("人民币伍万陆仟肆佰零玖元零贰分");
    expect(text).toContain("此致");
    expect(text).toContain("敬礼！");
    expect(text).toContain("经办人：张总");
    expect(text).toContain("2026年12月4日");
    expect(text).toContain("对账回执");
    expect(text).toContain("□核对无误");
    expect(text).toContain("□核对不符");
    expect(text).toContain(`第1页共${pdf.pages}页`);
  });

  it("is rendered again from the register", async () => {
    const issued = await ctx.caller.statements.issueStatement(november());
    const stored = await ctx.db.selectFrom("issued_document").select(["kind", "payload"]).where("id", "=", issued.documentId).executeTakeFirstOrThrow();

    const pdf = readPdf(await renderIssuedDocument(stored.kind, JSON.parse(stored.payload), {}), "again.pdf");

    expect(stored.kind).toBe("statement");
    expect(squeezed(pdf.text)).toContain(issued.number);
    expect(squeezed(pdf.text)).toContain("人民币伍万陆仟肆佰零玖元零贰分");
  });

  it("rejects a period that ends before it starts", async () => {
    await expect(
      ctx.caller.statements.accountStatement({ clientId: ids.clientId, from: "2026-11-30", to: "2026-11-01" }),
    ).rejects.toThrow("对账期间的开始日期 2026-11-30 晚于结束日期 2026-11-01");
  });

  it("rejects a statement dated after today", async () => {
    await expect(
      ctx.caller.statements.accountStatement({ ...november(), asOf: "2026-12-05" }),
    ).rejects.toThrow("对账单日期 2026-12-05 晚于今天");
  });

  it("hides another manager's client", async () => {
    const manager = ctx.callerAs(testUser("account_manager", ids.managerId));

    await expect(
      manager.statements.accountStatement({ ...november(), clientId: ids.otherClientId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is not issued by a viewer", async () => {
    const viewer = ctx.callerAs(testUser("viewer"));

    await expect(viewer.statements.issueStatement(november())).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("statement of sixty lines", () => {
  let pdf: ReturnType<typeof readPdf>;

  beforeAll(async () => {
    const ctx = await createTestContext(TODAY);
    await ctx.caller.settings.saveCompany(company);
    const client = await ctx.caller.clients.create({ ...clientFields, name: "长账单客户", accountManagerId: null });
    for (let day = 1; day <= 30; day += 1) {
      const date = `2026-11-${String(day).padStart(2, "0")}`;
      await ctx.caller.contracts.create(contract(client.clientId, `HT-LONG-${day}`, date, 1_000_000 + day, "2027-01-31"));
      await ctx.caller.payments.record(payment(client.clientId, date, 500_000, `BANK-${day}`));
    }
    const issued = await ctx.caller.statements.issueStatement({ clientId: client.clientId, from: "2026-11-01", to: "2026-11-30" });
    expect(issued.payload.lines).toHaveLength(60);
    pdf = readPdf(await renderStatementOfAccount(issued.payload, issued.seal), "sixty.pdf");
  }, 120_000);

  it("spans more than one page", () => {
    expect(pdf.pages).toBeGreaterThan(1);
  });

  it("repeats the table header on every table page", () => {
    const tablePages = pdf.pageTexts.filter((page) => /HT-LONG-|期初余额|期末余额/.test(page));

    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) {
      expect(squeezed(page)).toContain("日期摘要合同编号/凭证应收金额已收金额余额");
    }
  });

  it("numbers every page of the total", () => {
    pdf.pageTexts.forEach((page, index) => {
      expect(squeezed(page)).toContain(`第${index + 1}页共${pdf.pages}页`);
    });
  });

  it("never splits a row", () => {
    for (let day = 1; day <= 30; day += 1) {
      const pagesWithRow = pdf.pageTexts.filter((page) => page.includes(`HT-LONG-${day} `) || page.includes(`HT-LONG-${day}\n`));
      expect(pagesWithRow, `row HT-LONG-${day}`).toHaveLength(1);
    }
  });

  it("keeps the closing block and the slip together", () => {
    const closingPage = pdf.pageTexts.findIndex((page) => squeezed(page).includes("此致"));

    const page = squeezed(pdf.pageTexts[closingPage]!);
    expect(closingPage).toBeGreaterThan(-1);
    expect(page).toContain("尚欠我司款项");
    expect(page).toContain("敬礼！");
    expect(page).toContain("2026年12月4日");
    expect(page).toContain("对账回执");
    expect(page).toContain("日期：年月日".replace("年月日", ""));
    expect(page).toContain("□核对不符");
  });
});

describe("situation statement", () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedStatementClient>>;
  let admin: Caller;

  beforeAll(async () => {
    ctx = await createTestContext(TODAY);
    ids = await seedStatementClient(ctx);
    admin = ctx.caller;
    await admin.collections.logContact({
      clientId: ids.clientId,
      contractId: null,
      contactedAt: "2026-12-01T10:00",
      channel: "上门拜访",
      person: "李四",
      staffId: ids.managerId,
      outcome: "财务审批中，承诺月底前付款",
      reasonId: 4,
      nextFollowUpOn: null,
    });
  }, 60_000);

  it("drafts the client facts in figures and capitals", async () => {
    const { parts } = await admin.statements.draftClientSituation({ clientId: ids.clientId, addressedTo: "management" });

    expect(parts.addressee).toBe("公司领导：");
    expect(parts.facts).toContain("鼎盛传媒有限公司与我司共签订合同2份");
    expect(parts.facts).toContain("HT-2026-0012");
    expect(parts.facts).toContain("人民币伍万陆仟肆佰零玖元零贰分");
    expect(parts.facts).toContain("2026年11月10日银行转账¥20,000.00");
    expect(parts.facts).toContain("财务审批中，承诺月底前付款");
    expect(parts.facts).toContain("内部审批流程中");
    expect(parts.summary).toContain("请领导知悉");
    expect(parts.date).toBe(TODAY);
  });

  it("addresses the client as 贵司", async () => {
    const { parts } = await admin.statements.draftClientSituation({ clientId: ids.clientId, addressedTo: "client" });

    expect(parts.addressee).toBe("鼎盛传媒有限公司：");
    expect(parts.facts).toContain("贵司与我司共签订合同2份");
    expect(parts.summary).toContain("请贵司尽快安排支付逾期款项");
  });

  it("prints the five parts of an issued client statement", async () => {
    const { parts } = await admin.statements.draftClientSituation({ clientId: ids.clientId, addressedTo: "management" });
    const issued = await admin.statements.issueSituation({ kind: "situation_client", clientId: ids.clientId, ...parts });
    const pdf = readPdf(await renderSituationStatement(issued.payload, issued.seal), "situation-client.pdf");
    const text = squeezed(pdf.text);

    expect(issued.number).toBe("〔2026〕说字第001号");
    expect(text).toContain("情况说明");
    expect(text).toContain("〔2026〕说字第001号");
    expect(text).toContain("公司领导：");
    expect(text).toContain("HT-2026-0007");
    expect(text).toContain("人民币伍万陆仟肆佰零玖元零贰分");
    expect(text).toContain("综上");
    expect(text).toContain("特此说明。");
    expect(text).toContain("星海广告有限公司");
    expect(text).toContain("2026年12月4日");
    expect(text).toContain(`第1页共${pdf.pages}页`);
    expect(text.indexOf("公司领导：")).toBeLessThan(text.indexOf("综上"));
    expect(text.indexOf("综上")).toBeLessThan(text.indexOf("特此说明。"));
  });

  it("prints the edited text, not the draft", async () => {
    const preview = await admin.statements.previewSituation({
      kind: "situation_client",
      clientId: ids.clientId,
      addressee: "尊敬的公司领导",
      facts: "第一段事实。\n\n第二段事实，合同编号HT-2026-0012。",
      summary: "总结一句。",
      signatory: "星海广告有限公司\n财务部",
      date: "2026-12-03",
    });
    const pdf = readPdf(await renderSituationStatement(preview.payload, preview.seal), "situation-edited.pdf");
    const text = squeezed(pdf.text);

    expect(preview.payload.number).toBeNull();
    expect(preview.payload.facts).toEqual(["第一段事实。", "第二段事实，合同编号HT-2026-0012。"]);
    expect(text).toContain("尊敬的公司领导：");
    expect(text).toContain("财务部");
    expect(text).toContain("2026年12月3日");
    expect(text).not.toContain("编号：");
  });

  it("prints the collections summary", async () => {
    const { parts, facts } = await admin.statements.draftSummarySituation({ from: "2026-11-01", to: "2026-11-30", top: 3 });
    const issued = await admin.statements.issueSituation({ kind: "situation_summary", clientId: null, ...parts });
    const pdf = readPdf(await renderSituationStatement(issued.payload, issued.seal), "situation-summary.pdf");
    const text = squeezed(pdf.text);

    expect(facts.collected).toEqual({ count: 1, amount: 2_000_000 });
    expect(facts.topDebtors[0]?.name).toBe("鼎盛传媒有限公司");
    expect(issued.number).toBe("〔2026〕说字第002号");
    expect(text).toContain("公司领导：");
    expect(text).toContain("2026年11月1日至2026年11月30日，公司共收到客户回款1笔");
    expect(text).toContain("人民币贰万元整");
    expect(text).toContain("欠款金额最大的1家客户为");
    expect(text).toContain("特此说明。");
    expect(text).toContain("2026年11月30日");
  });

  it("rejects an empty addressee", async () => {
    await expect(
      admin.statements.previewSituation({ kind: "situation_summary", clientId: null, addressee: "  ", facts: "事实", summary: "总结", signatory: "星海", date: TODAY }),
    ).rejects.toThrow("请填写称谓");
  });

  it("rejects facts of 100,000 characters", async () => {
    await expect(
      admin.statements.previewSituation({ kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "长".repeat(100_000), summary: "总结", signatory: "星海", date: TODAY }),
    ).rejects.toThrow("事实不能超过 20000 个字");
  });

  it("rejects a date that does not exist", async () => {
    await expect(
      admin.statements.previewSituation({ kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海", date: "2026-02-30" }),
    ).rejects.toThrow('落款日期 "2026-02-30" 不是有效日期');
  });

  it("rejects a date after today", async () => {
    await expect(
      admin.statements.previewSituation({ kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海", date: "2026-12-05" }),
    ).rejects.toThrow("落款日期 2026-12-05 晚于今天");
  });

  it("rejects a client statement without a client", async () => {
    await expect(
      admin.statements.previewSituation({ kind: "situation_client", clientId: null, addressee: "公司领导", facts: "事实", summary: "总结", signatory: "星海", date: TODAY }),
    ).rejects.toThrow("请选择情况说明所涉及的客户");
  });

  it("rejects issuing a prompt left unfilled", async () => {
    await expect(
      admin.statements.issueSituation({ kind: "situation_summary", clientId: null, addressee: "公司领导", facts: "【请补充已采取的措施】", summary: "总结", signatory: "星海", date: TODAY }),
    ).rejects.toThrow("事实中仍有待补充的内容");
  });
});
