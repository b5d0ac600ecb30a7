import { describe, expect, it } from "vitest";

import {
  type ClientSituationFacts,
  draftClientSituation,
  draftSummarySituation,
  MAX_LISTED_PAYMENTS,
  MAX_LISTED_SETTLED_CONTRACTS,
  splitParagraphs,
  type SummarySituationFacts,
} from "../../documents/situation-draft";

function clientFacts(overrides: Partial<ClientSituationFacts> = {}): ClientSituationFacts {
  return {
    asOf: "2026-12-04",
    addressedTo: "management",
    companyName: "星海广告有限公司",
    signatory: "张总",
    client: { name: "鼎盛传媒有限公司", contactPerson: "李四", accountManagerName: "王丽娜" },
    contracts: [
      {
        contractNo: "HT-2026-0012",
        title: "地铁灯箱投放",
        businessType: "户外广告",
        signedOn: "2026-03-05",
        serviceStart: "2026-04-01",
        serviceEnd: "2026-06-30",
        totalAmount: 12_345_600,
        paid: 10_704_698,
        outstanding: 1_640_902,
        overdue: 1_640_902,
        daysOverdue: 157,
      },
    ],
    payments: [
      { receivedOn: "2026-03-10", amount: 3_703_680, method: "银行转账" },
      { receivedOn: "2026-07-01", amount: 7_001_018, method: "承兑汇票" },
    ],
    totals: { contracted: 12_345_600, received: 10_704_698, outstanding: 1_640_902, overdue: 1_640_902, credit: 0 },
    oldestOverdue: { dueDate: "2026-06-30", daysOverdue: 157 },
    contacts: [],
    ...overrides,
  };
}

function summaryFacts(overrides: Partial<SummarySituationFacts> = {}): SummarySituationFacts {
  return {
    from: "2026-11-01",
    to: "2026-11-30",
    companyName: "星海广告有限公司",
    signatory: "",
    collected: { count: 12, amount: 10_700_053 },
    outstanding: 40_000_000,
    overdue: 10_000_000,
    clientsOwing: 9,
    clientsOverdue: 4,
    aging: [
      { label: "未到期", amount: 30_000_000 },
      { label: "1–30天", amount: 10_000_000 },
    ],
    topDebtors: [
      { name: "鼎盛传媒有限公司", outstanding: 20_000_000, overdue: 10_000_000, daysOverdue: 25 },
      { name: "华彩印务", outstanding: 5_000_000, overdue: 0, daysOverdue: 0 },
    ],
    lateReasons: [
      { reason: "资金紧张", count: 3 },
      { reason: "内部审批流程中", count: 1 },
    ],
    contactsByChannel: [{ channel: "电话", count: 5 }],
    ...overrides,
  };
}

describe("client situation draft", () => {
  it("addresses management by default", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.addressee).toBe("公司领导：");
    expect(parts.facts).toContain("鼎盛传媒有限公司与我司共签订合同1份");
  });

  it("addresses the client as 贵司", () => {
    const parts = draftClientSituation(clientFacts({ addressedTo: "client" }));

    expect(parts.addressee).toBe("鼎盛传媒有限公司：");
    expect(parts.facts).toContain("贵司与我司共签订合同1份");
    expect(parts.summary).toContain("请贵司尽快安排支付逾期款项");
  });

  it("writes amounts in figures and capitals", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.facts).toContain("¥123,456.00（大写：人民币壹拾贰万叁仟肆佰伍拾陆元整）");
    expect(parts.facts).toContain("¥16,409.02（大写：人民币壹万陆仟肆佰零玖元零贰分）");
    expect(parts.summary).toContain("人民币壹万陆仟肆佰零玖元零贰分");
  });

  it("writes dates the Chinese way", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.facts).toContain("2026年3月5日签订合同HT-2026-0012");
    expect(parts.facts).toContain("服务期2026年4月1日至2026年6月30日");
    expect(parts.facts).toContain("最早一笔于2026年6月30日到期，已逾期157天");
    expect(parts.facts).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(parts.date).toBe("2026-12-04");
  });

  it("names what was delivered", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.facts).toContain("（地铁灯箱投放，户外广告，服务期");
  });

  it("counts older settled contracts only", () => {
    const open = clientFacts().contracts[0]!;
    const settled = Array.from({ length: MAX_LISTED_SETTLED_CONTRACTS + 2 }, (_, index) => ({
      ...open,
      contractNo: `HT-OLD-${index + 1}`,
      signedOn: `2025-01-${String(index + 1).padStart(2, "0")}`,
      paid: open.totalAmount,
      outstanding: 0,
      overdue: 0,
      daysOverdue: 0,
    }));

    const parts = draftClientSituation(clientFacts({ contracts: [...settled, open] }));

    expect(parts.facts).toContain("另有较早签订的2份合同款项已结清，不再逐一列出。");
    expect(parts.facts).not.toContain("HT-OLD-2（");
    expect(parts.facts).toContain("HT-OLD-3（");
    expect(parts.facts).toContain("HT-2026-0012（");
  });

  it("lists each payment with its date", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.facts).toContain("共收到鼎盛传媒有限公司付款2笔");
    expect(parts.facts).toContain("2026年3月10日银行转账¥37,036.80");
    expect(parts.facts).toContain("2026年7月1日承兑汇票¥70,010.18");
  });

  it("lists only the latest payments of many", () => {
    const payments = Array.from({ length: MAX_LISTED_PAYMENTS + 3 }, (_, index) => ({
      receivedOn: `2026-01-${String(index + 1).padStart(2, "0")}`,
      amount: 100,
      method: "现金",
    }));

    const parts = draftClientSituation(clientFacts({ payments }));

    expect(parts.facts).toContain(`此前另有3笔，最近${MAX_LISTED_PAYMENTS}笔为`);
    expect(parts.facts).not.toContain("2026年1月3日现金");
    expect(parts.facts).toContain("2026年1月4日现金");
  });

  it("says when no payment was received", () => {
    const parts = draftClientSituation(clientFacts({ payments: [] }));

    expect(parts.facts).toContain("未收到鼎盛传媒有限公司的任何付款");
  });

  it("quotes the contact log", () => {
    const parts = draftClientSituation(
      clientFacts({
        contacts: [
          { date: "2026-12-01", staffName: "王丽娜", channel: "上门拜访", person: "李四", outcome: "承诺月底付款", reason: "资金紧张" },
        ],
      }),
    );

    expect(parts.facts).toContain("2026年12月1日，王丽娜以上门拜访方式联系客户李四，对方表示：承诺月底付款（未付原因：资金紧张）");
  });

  it("leaves out the contact paragraph without contacts", () => {
    const parts = draftClientSituation(clientFacts());

    expect(parts.facts).not.toContain("联系");
  });

  it("states a settled client as settled", () => {
    const settled = clientFacts({
      totals: { contracted: 100, received: 100, outstanding: 0, overdue: 0, credit: 0 },
      oldestOverdue: null,
    });

    const parts = draftClientSituation(settled);

    expect(parts.facts).toContain("合同款项已全部结清");
    expect(parts.summary).toContain("已全部结清");
  });

  it("puts one paragraph on each line", () => {
    const parts = draftClientSituation(clientFacts());

    expect(splitParagraphs(parts.facts)).toHaveLength(5);
    expect(parts.signatory).toBe("星海广告有限公司\n经办人：张总");
  });
});

describe("summary situation draft", () => {
  it("states the period's collections", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.addressee).toBe("公司领导：");
    expect(parts.facts).toContain("2026年11月1日至2026年11月30日，公司共收到客户回款12笔");
    expect(parts.facts).toContain("¥107,000.53（大写：人民币壹拾万零柒仟元零伍角叁分）");
  });

  it("states outstanding and overdue", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.facts).toContain("应收账款余额合计¥400,000.00（大写：人民币肆拾万元整），涉及客户9家");
    expect(parts.facts).toContain("已逾期¥100,000.00（大写：人民币壹拾万元整），涉及客户4家");
    expect(parts.summary).toContain("占25%");
  });

  it("lists the aging buckets", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.facts).toContain("按账龄划分：未到期¥300,000.00，逾期1–30天¥100,000.00。");
  });

  it("ranks the largest debtors", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.facts).toContain("欠款金额最大的2家客户为：1．鼎盛传媒有限公司，欠款¥200,000.00，其中逾期¥100,000.00，最长逾期25天；2．华彩印务，欠款¥50,000.00，均未到期。");
  });

  it("gives the reasons and actions from the contact log", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.facts).toContain("客户拖欠的主要原因为：资金紧张（3次）、内部审批流程中（1次）");
    expect(parts.facts).toContain("业务人员共联系欠款客户5次，其中电话5次");
  });

  it("says when the contact log is empty", () => {
    const parts = draftSummarySituation(summaryFacts({ lateReasons: [], contactsByChannel: [] }));

    expect(parts.facts).toContain("本期催收记录中未登记客户拖欠原因");
    expect(parts.facts).toContain("期间未登记催收联系记录");
  });

  it("signs with the company alone without a signatory", () => {
    const parts = draftSummarySituation(summaryFacts());

    expect(parts.signatory).toBe("星海广告有限公司");
    expect(parts.date).toBe("2026-11-30");
  });
});

describe("paragraph split", () => {
  it("drops blank lines and trims", () => {
    expect(splitParagraphs("  第一段\r\n\n\n第二段  \n")).toEqual(["第一段", "第二段"]);
  });
});
