import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "../../db";
import { utf8Bytes } from "../../server/notifications/split";
import type { DeliveryOptions } from "../../server/notifications/delivery";
import { runReminderJob } from "../../server/notifications/job";
import { scheduleReminders } from "../../server/notifications/scheduler";
import { type TestContext, createTestContext } from "../support/context";
import {
  closedPort,
  readMail,
  type RobotMock,
  type SmtpMock,
  startRobotMock,
  startSilentServer,
  startSmtpMock,
} from "../support/notification-mocks";

const execFileAsync = promisify(execFile);
const TODAY = "2026-12-04";
const DINGTALK_SECRET = "SECtest0123456789";
const SMTP_PASSWORD = "smtp-pass-1";

const FAST: DeliveryOptions = {
  timeouts: { connectMs: 300, requestMs: 1_000 },
  retry: { maxAttempts: 3, baseDelayMs: 20, maxTotalMs: 3_000 },
  robotCapacity: 20,
  robotIntervalMs: 1_000,
};

const folder = mkdtempSync(path.join(tmpdir(), "huikuan-reminders-"));
let fileCount = 0;
let smtp: SmtpMock;
let robots: RobotMock;

beforeAll(async () => {
  smtp = await startSmtpMock({ user: "robot", password: SMTP_PASSWORD });
  robots = await startRobotMock(DINGTALK_SECRET);
});

afterAll(async () => {
  await smtp.close();
  await robots.close();
  rmSync(folder, { recursive: true, force: true });
});

afterEach(() => {
  smtp.mails.length = 0;
  robots.requests.length = 0;
  robots.failNext(0);
});

const rules = {
  enabled: true,
  daysBefore: 3,
  onDueDate: true,
  overdueEveryDays: 7,
  minAmount: 100,
  sendAt: "09:00",
  skipNonWorkingDays: true,
};

const contractFields = {
  businessTypeId: 1,
  title: "户外大牌",
  signedOn: "2026-10-01",
  serviceStart: null,
  serviceEnd: null,
  mediaCost: 0,
  productionCost: 0,
  notes: "",
};

interface Fixture extends TestContext {
  file: string;
  staffId: number;
  installmentIds: Record<string, number>;
}

/**
 * Creates a database file with one account manager (王丽娜, with an e-mail
 * address) and one client of hers. The client's installments on 2026-12-04
 * are overdue 7 days, due today, due in 3 days, overdue 5 days (off the
 * cadence), below the minimum amount, and disputed.
 */
async function fixture(channels: { email?: boolean; wecom?: boolean; dingtalk?: boolean } = {}): Promise<Fixture> {
  fileCount += 1;
  const file = path.join(folder, `reminders-${fileCount}.db`);
  const ctx = await createTestContext(TODAY, file);
  const { caller } = ctx;
  const { staffId } = await caller.settings.addStaff({ name: "王丽娜", phone: "" });
  await caller.notifications.setStaffEmail({ staffId, email: "wanglina@example.com" });
  const { clientId } = await caller.clients.create({
    name: "星光传媒",
    contactPerson: "",
    phone: "",
    address: "",
    accountManagerId: staffId,
    notes: "",
  });
  const installments = [
    { label: "首期", dueDate: "2026-11-27", amount: 100000 },
    { label: "二期", dueDate: "2026-12-04", amount: 50000 },
    { label: "三期", dueDate: "2026-12-07", amount: 30000 },
    { label: "四期", dueDate: "2026-11-29", amount: 20000 },
    { label: "尾差", dueDate: "2026-12-04", amount: 50 },
    { label: "争议款", dueDate: "2026-12-04", amount: 40000 },
  ];
  const { contractId } = await caller.contracts.create({
    ...contractFields,
    clientId,
    contractNo: "XG-2026-01",
    totalAmount: installments.reduce((sum, item) => sum + item.amount, 0),
    installments,
  });
  const rows = await ctx.db.selectFrom("installment").select(["id", "label"]).where("contract_id", "=", contractId).execute();
  const installmentIds = Object.fromEntries(rows.map((row) => [row.label, row.id]));
  await ctx.db
    .insertInto("installment_dispute")
    .values({
      installment_id: installmentIds["争议款"]!,
      reason: "对投放效果有异议",
      opened_on: "2026-12-01",
      opened_by_name: "测试",
      created_at: new Date().toISOString(),
    })
    .execute();

  await caller.notifications.saveRules(rules);
  await caller.notifications.saveEmailChannel({
    enabled: channels.email ?? false,
    host: "127.0.0.1",
    port: smtp.port,
    tls: false,
    user: "robot",
    smtpPassword: SMTP_PASSWORD,
    from: "huikuan@example.com",
    financeRecipients: ["finance@example.com"],
  });
  await caller.notifications.saveWecomChannel({ enabled: channels.wecom ?? false, webhookUrl: robots.wecomUrl });
  await caller.notifications.saveDingtalkChannel({
    enabled: channels.dingtalk ?? false,
    webhookUrl: robots.dingtalkUrl,
    signingSecret: DINGTALK_SECRET,
  });
  return { ...ctx, file, staffId, installmentIds };
}

async function sendRows(db: Db) {
  return db.selectFrom("notification_send").selectAll().where("digest", "not like", "test:%").orderBy("id").execute();
}

describe("reminder digests", () => {
  it("e-mails each manager and finance in Chinese", async () => {
    const ctx = await fixture({ email: true });

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result).toMatchObject({ status: "ran", digests: 2, created: 2, sent: 2, failed: 0 });
    const toManager = smtp.mails.find((mail) => mail.to.includes("wanglina@example.com"));
    const toFinance = smtp.mails.find((mail) => mail.to.includes("finance@example.com"));
    expect(toManager).toBeDefined();
    expect(toFinance).toBeDefined();
    const mail = readMail(toManager!.raw);
    expect(mail.subject).toBe("回款提醒 2026-12-04（王丽娜）");
    expect(mail.body).toContain("【已逾期】");
    expect(mail.body).toContain("星光传媒｜合同 XG-2026-01 首期｜到期日 2026-11-27｜未收 ¥1,000.00｜逾期 7 天");
    expect(mail.body).toContain("二期｜到期日 2026-12-04｜未收 ¥500.00｜今日到期");
    expect(mail.body).toContain("三期｜到期日 2026-12-07｜未收 ¥300.00｜3 天后到期");
    expect(readMail(toFinance!.raw).subject).toBe("回款提醒汇总 2026-12-04（全部客户）");
  });

  it("leaves out disputed, small and off-cadence installments", async () => {
    const ctx = await fixture({ email: true });

    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    const body = readMail(smtp.mails[0]!.raw).body;
    expect(body).not.toContain("争议款");
    expect(body).not.toContain("尾差");
    expect(body).not.toContain("四期");
    expect(body).toContain("共 3 笔，未收合计 ¥1,800.00");
  });

  it("sends nothing new on a rerun the same day", async () => {
    const ctx = await fixture({ email: true, wecom: true, dingtalk: true });
    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });
    const mails = smtp.mails.length;
    const posts = robots.requests.length;

    const again = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, force: true, delivery: FAST });

    expect(again).toMatchObject({ status: "ran", created: 0, sent: 0 });
    expect(smtp.mails).toHaveLength(mails);
    expect(robots.requests).toHaveLength(posts);
    expect(await sendRows(ctx.db)).toHaveLength(6);
  });

  it("does not run a date twice unless forced", async () => {
    const ctx = await fixture({ email: true });
    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    const again = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(again.status).toBe("already-ran");
  });
});

describe("SMTP failures", () => {
  it("retries a send to a server that was down", async () => {
    const ctx = await fixture({ email: true });
    const port = await closedPort();
    await ctx.caller.notifications.saveEmailChannel({
      enabled: true,
      host: "127.0.0.1",
      port,
      tls: false,
      user: "robot",
      smtpPassword: "",
      from: "huikuan@example.com",
      financeRecipients: ["finance@example.com"],
    });

    const first = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(first).toMatchObject({ status: "ran", sent: 0, failed: 2 });
    const failed = await sendRows(ctx.db);
    expect(failed.map((row) => row.status)).toEqual(["failed", "failed"]);
    expect(failed[0]!.attempts).toBe(3);
    expect(failed[0]!.last_error).toContain("ECONNREFUSED");

    await ctx.caller.notifications.saveEmailChannel({
      enabled: true,
      host: "127.0.0.1",
      port: smtp.port,
      tls: false,
      user: "robot",
      smtpPassword: "",
      from: "huikuan@example.com",
      financeRecipients: ["finance@example.com"],
    });
    const next = await runReminderJob(ctx.db, ctx.clock, { date: "2026-12-07", delivery: FAST });

    expect(next).toMatchObject({ status: "ran" });
    const retried = (await sendRows(ctx.db)).filter((row) => row.run_date === TODAY);
    expect(retried.map((row) => row.status)).toEqual(["sent", "sent"]);
    expect(retried[0]!.attempts).toBe(4);
    expect(smtp.mails.some((mail) => readMail(mail.raw).subject === "回款提醒 2026-12-04（王丽娜）")).toBe(true);
  });

  it("gives up on a server that never answers within the timeout", async () => {
    const ctx = await fixture({ email: true });
    const silent = await startSilentServer();
    await ctx.caller.notifications.saveEmailChannel({
      enabled: true,
      host: "127.0.0.1",
      port: silent.port,
      tls: false,
      user: "robot",
      smtpPassword: "",
      from: "huikuan@example.com",
      financeRecipients: [],
    });
    const started = Date.now();

    try {
      const result = await runReminderJob(ctx.db, ctx.clock, {
        date: TODAY,
        delivery: { ...FAST, retry: { maxAttempts: 2, baseDelayMs: 10, maxTotalMs: 2_000 } },
      });

      expect(result).toMatchObject({ status: "ran", sent: 0, failed: 1 });
    } finally {
      await silent.close();
    }
    const [row] = await sendRows(ctx.db);
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBe(2);
    expect(row!.last_error).toMatch(/timeout|超时/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not retry a refused login", async () => {
    const ctx = await fixture({ email: true });
    await ctx.caller.notifications.saveEmailChannel({
      enabled: true,
      host: "127.0.0.1",
      port: smtp.port,
      tls: false,
      user: "robot",
      smtpPassword: "wrong-pass",
      from: "huikuan@example.com",
      financeRecipients: ["finance@example.com"],
    });

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result).toMatchObject({ status: "ran", sent: 0, failed: 2 });
    const [row] = await sendRows(ctx.db);
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toContain("SMTP 登录失败");
    expect(row!.last_error).not.toContain("wrong-pass");
    expect(smtp.mails).toHaveLength(0);
  });
});

describe("chat robots", () => {
  it("posts markdown to WeCom and signed markdown to DingTalk", async () => {
    const ctx = await fixture({ wecom: true, dingtalk: true });

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result).toMatchObject({ status: "ran", sent: 4, failed: 0 });
    const wecom = robots.requests.filter((request) => request.robot === "wecom");
    const dingtalk = robots.requests.filter((request) => request.robot === "dingtalk");
    expect(wecom).toHaveLength(2);
    expect(dingtalk).toHaveLength(2);
    expect(wecom[0]!.body.msgtype).toBe("markdown");
    expect(wecom[0]!.body.markdown?.content).toContain("### 回款提醒 2026-12-04（王丽娜）");
    expect(dingtalk.every((request) => request.signatureValid)).toBe(true);
    expect(dingtalk[0]!.body.markdown?.title).toBe("回款提醒 2026-12-04（王丽娜）");
  });

  it("retries an HTTP 500 and then succeeds", async () => {
    const ctx = await fixture({ wecom: true });
    robots.failNext(1);

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result).toMatchObject({ status: "ran", sent: 2, failed: 0 });
    const rows = await sendRows(ctx.db);
    expect(rows[0]!.attempts).toBe(2);
    expect(rows[0]!.status).toBe("sent");
  });

  it("rejects a wrong DingTalk signature without retrying", async () => {
    const ctx = await fixture({ dingtalk: true });
    await ctx.caller.notifications.saveDingtalkChannel({ enabled: true, webhookUrl: "", signingSecret: "SECwrong" });

    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    const [row] = await sendRows(ctx.db);
    expect(row!.status).toBe("failed");
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toContain("310000");
  });

  it("splits a long digest into numbered WeCom parts", async () => {
    const ctx = await fixture({ wecom: true });
    const { clientId } = await ctx.caller.clients.create({
      name: "长名单客户",
      contactPerson: "",
      phone: "",
      address: "",
      accountManagerId: ctx.staffId,
      notes: "",
    });
    const many = Array.from({ length: 60 }, (_, index) => ({ label: `第${index + 1}期广告投放款`, dueDate: TODAY, amount: 12345 }));
    await ctx.caller.contracts.create({ ...contractFields, clientId, contractNo: "LONG-1", totalAmount: 12345 * 60, installments: many });

    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    const parts = robots.requests.map((request) => request.body.markdown?.content ?? "");
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(utf8Bytes(part)).toBeLessThanOrEqual(4096);
    const managerParts = parts.filter((part) => /^（\d+\/\d+）\n/.test(part));
    expect(managerParts[0]).toMatch(/^（1\/\d+）\n### 回款提醒/);
    const rows = await sendRows(ctx.db);
    expect(rows.every((row) => row.status === "sent")).toBe(true);
  });

  it("paces robot messages to the rate limit", async () => {
    const ctx = await fixture({ wecom: true });
    const { clientId } = await ctx.caller.clients.create({ name: "无业务员客户", contactPerson: "", phone: "", address: "", accountManagerId: null, notes: "" });
    await ctx.caller.contracts.create({ ...contractFields, clientId, contractNo: "NM-1", totalAmount: 1000, installments: [{ label: "全款", dueDate: TODAY, amount: 1000 }] });
    for (let index = 0; index < 3; index += 1) {
      const { staffId } = await ctx.caller.settings.addStaff({ name: `业务员${index}`, phone: "" });
      const client = await ctx.caller.clients.create({ name: `客户${index}`, contactPerson: "", phone: "", address: "", accountManagerId: staffId, notes: "" });
      await ctx.caller.contracts.create({ ...contractFields, clientId: client.clientId, contractNo: `P-${index}`, totalAmount: 1000, installments: [{ label: "全款", dueDate: TODAY, amount: 1000 }] });
    }

    // Two messages per 400 ms: the third waits 200 ms, the fifth 600 ms.
    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: { ...FAST, robotCapacity: 2, robotIntervalMs: 400 } });

    const times = robots.requests.map((request) => request.at);
    expect(times).toHaveLength(5);
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(550);
  });
});

describe("working days", () => {
  it("skips a Saturday and covers it on Monday", async () => {
    const ctx = await fixture({ email: true });
    await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });
    smtp.mails.length = 0;

    const saturday = await runReminderJob(ctx.db, ctx.clock, { date: "2026-12-05", delivery: FAST });
    const monday = await runReminderJob(ctx.db, ctx.clock, { date: "2026-12-07", delivery: FAST });

    expect(saturday.status).toBe("skipped");
    expect(monday).toMatchObject({ status: "ran", days: ["2026-12-05", "2026-12-06", "2026-12-07"] });
    expect(readMail(smtp.mails[0]!.raw).body).toContain("三期｜到期日 2026-12-07｜未收 ¥300.00｜今日到期");
  });

  it("runs on a 调休 Saturday and skips a holiday weekday", async () => {
    const ctx = await fixture({ email: true });

    const holiday = await runReminderJob(ctx.db, ctx.clock, { date: "2026-10-05", delivery: FAST });
    const workday = await runReminderJob(ctx.db, ctx.clock, { date: "2026-10-10", delivery: FAST });

    expect(holiday.status).toBe("skipped");
    expect(workday.status).toBe("ran");
  });

  it("sends on weekends when skipping is off", async () => {
    const ctx = await fixture({ email: true });
    await ctx.caller.notifications.saveRules({ ...rules, skipNonWorkingDays: false });

    const saturday = await runReminderJob(ctx.db, ctx.clock, { date: "2026-12-05", delivery: FAST });

    expect(saturday.status).toBe("ran");
  });
});

describe("scheduling", () => {
  it("runs a run missed while down once at start", async () => {
    const ctx = await fixture({ email: true });
    await ctx.db.updateTable("job_lease").set({ last_run_date: "2026-12-01", last_digest_date: "2026-12-01" }).execute();
    // 10:00 in Shanghai on 2026-12-04, after the 09:00 send time.
    const clock = { timeZone: "Asia/Shanghai", today: () => TODAY, nowIso: () => "2026-12-04T02:00:00.000Z" };

    const scheduler = scheduleReminders({ db: ctx.db, clock, delivery: FAST, checkPattern: "0 0 1 1 *" });
    await scheduler.idle();
    const second = await scheduler.check();
    scheduler.stop();

    expect(second).toBeNull();
    expect(smtp.mails).toHaveLength(2);
    const state = await ctx.db.selectFrom("job_lease").selectAll().executeTakeFirstOrThrow();
    expect(state.last_run_date).toBe(TODAY);
  });

  it("waits for the send time in the business zone", async () => {
    const ctx = await fixture({ email: true });
    await ctx.db.updateTable("job_lease").set({ last_run_date: "2026-12-03" }).execute();
    // 08:30 in Shanghai, 00:30 UTC: before the 09:00 send time.
    const clock = { timeZone: "Asia/Shanghai", today: () => TODAY, nowIso: () => "2026-12-04T00:30:00.000Z" };

    const scheduler = scheduleReminders({ db: ctx.db, clock, delivery: FAST, checkPattern: "0 0 1 1 *" });
    const result = await scheduler.check();
    scheduler.stop();

    expect(result).toBeNull();
    expect(smtp.mails).toHaveLength(0);
  });

  it("runs once when two processes start together", async () => {
    const ctx = await fixture({ email: true, wecom: true });
    await ctx.db.destroy();

    const results = await Promise.all(["process-a", "process-b"].map((holder) => runProcess(ctx.file, TODAY, holder)));

    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === "ran")).toHaveLength(1);
    expect(statuses.filter((status) => status === "busy" || status === "already-ran")).toHaveLength(1);
    expect(smtp.mails).toHaveLength(2);
    expect(robots.requests).toHaveLength(2);
  }, 60_000);
});

/** Runs the job in a child process on the database file and returns its result. */
async function runProcess(file: string, date: string, holder: string): Promise<{ status: string }> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--import", "tsx", path.join(__dirname, "../support/run-reminder-process.ts"), file, date, holder],
    { cwd: path.join(__dirname, "../.."), env: { ...process.env, LOG_LEVEL: "silent" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { status: string };
}

describe("lease", () => {
  it("reports busy while another process holds it", async () => {
    const ctx = await fixture({ email: true });
    const later = new Date(Date.now() + 60_000).toISOString();
    await ctx.db.updateTable("job_lease").set({ holder: "other-process", expires_at: later }).execute();

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result.status).toBe("busy");
    expect(smtp.mails).toHaveLength(0);
  });

  it("takes over a lease that expired", async () => {
    const ctx = await fixture({ email: true });
    const earlier = new Date(Date.now() - 60_000).toISOString();
    await ctx.db.updateTable("job_lease").set({ holder: "crashed-process", expires_at: earlier }).execute();

    const result = await runReminderJob(ctx.db, ctx.clock, { date: TODAY, delivery: FAST });

    expect(result.status).toBe("ran");
    const lease = await ctx.db.selectFrom("job_lease").selectAll().executeTakeFirstOrThrow();
    expect(lease.holder).toBeNull();
  });
});

describe("channel settings", () => {
  it("never returns or audits a secret", async () => {
    const ctx = await fixture({ wecom: true, dingtalk: true, email: true });

    const overview = JSON.stringify(await ctx.caller.notifications.overview());
    const audit = JSON.stringify(await ctx.db.selectFrom("audit_log").selectAll().execute());

    for (const secret of ["test-wecom-key", "test-dingtalk-token", DINGTALK_SECRET, SMTP_PASSWORD]) {
      expect(overview).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    expect(overview).toContain('"webhookUrlSet":true');
    expect(overview).toContain('"smtpPasswordSet":true');
  });

  it("keeps a stored secret when the field is left empty", async () => {
    const ctx = await fixture({ wecom: true });

    await ctx.caller.notifications.saveWecomChannel({ enabled: true, webhookUrl: "" });
    const result = await ctx.caller.notifications.sendTest({ channel: "wecom" });

    expect(result.message).toContain("测试消息已通过");
    expect(robots.requests[0]!.body.markdown?.content).toContain("测试消息");
  });

  it("reports a test send that fails", async () => {
    const ctx = await fixture();
    const port = await closedPort();
    await ctx.caller.notifications.saveEmailChannel({
      enabled: false,
      host: "127.0.0.1",
      port,
      tls: false,
      user: "",
      smtpPassword: "",
      from: "huikuan@example.com",
      financeRecipients: [],
    });

    const result = await ctx.caller.notifications.sendTest({ channel: "email" });

    expect(result.ok).toBe(false);
    expect(result.message).toContain("测试消息发送失败");
    const log = await ctx.caller.notifications.sendLog({ status: "failed" });
    expect(log).toHaveLength(1);
  });

  it("rejects a webhook URL that is not https without echoing it", async () => {
    const ctx = await fixture();

    await expect(
      ctx.caller.notifications.saveWecomChannel({ enabled: true, webhookUrl: "http://example.invalid/send?key=leak-me" }),
    ).rejects.toThrow(/Webhook 地址无效/);
    await expect(
      ctx.caller.notifications.saveWecomChannel({ enabled: true, webhookUrl: "http://example.invalid/send?key=leak-me" }),
    ).rejects.not.toThrow(/leak-me/);
  });
});
