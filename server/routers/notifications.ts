import { z } from "zod";

import { badInput } from "../errors";
import { CALENDAR_DAY_KINDS } from "../notifications/calendar";
import { CHANNEL_NAMES } from "../notifications/channels";
import { reminderJobState } from "../notifications/job";
import {
  channelOverview,
  getReminderRules,
  getStoredChannels,
  holidayYears,
  listHolidays,
  listSendLog,
  REMINDER_RULES_KEY,
  removeHoliday,
  saveChannel,
  saveHoliday,
  saveReminderRules,
} from "../notifications/store";
import { sendTestMessage } from "../notifications/test-send";
import { procedure, router } from "../trpc";
import { date, dayCount, fen, id, optionalDate, text } from "../validation";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A rejected value as messages show it; JSON would write NaN as null. */
function shownInput(value: unknown): string {
  if (value === undefined) return "空";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value).slice(0, 40);
}

function flag(label: string) {
  return z.boolean({ error: (issue) => `${label}必须为是或否（收到 ${shownInput(issue.input)}）` });
}

function email(label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(200, { error: `${label}不能超过 200 个字` })
    .refine((value) => value === "" || EMAIL_PATTERN.test(value), {
      error: (issue) => `${label} "${String(issue.input).slice(0, 60)}" 不是有效的邮箱地址，请填写如 name@example.com 的地址`,
    });
}

/**
 * Validates a robot's webhook URL: https, or plain http on this machine only (for
 * local test doubles). Empty keeps the stored URL. Messages never repeat
 * the value, because the URL carries the robot's key.
 */
function webhookUrl(label: string) {
  return z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(1000, { error: `${label}不能超过 1000 个字符` })
    .refine((value) => value === "" || isWebhookUrl(value), {
      error: `${label}无效：应为 https:// 开头的完整地址，从群机器人设置中复制`,
    });
}

function isWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function secretText(label: string) {
  return text(label, { max: 200 });
}

const channelInput = z.enum(CHANNEL_NAMES as [string, ...string[]], {
  error: (issue) => `提醒渠道 "${String(issue.input)}" 无效，应为 email、wecom 或 dingtalk`,
});

const rulesInput = z.object({
  enabled: flag("启用每日提醒"),
  daysBefore: dayCount("提前提醒天数", 60),
  onDueDate: flag("到期当日提醒"),
  overdueEveryDays: dayCount("逾期提醒间隔天数", 90),
  minAmount: fen("最低提醒金额", { allowZero: true }),
  sendAt: z
    .string({ error: "请填写发送时间" })
    .trim()
    .refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), {
      error: (issue) => `发送时间 "${String(issue.input).slice(0, 20)}" 无效，请按 HH:MM 填写，如 09:00`,
    }),
  skipNonWorkingDays: flag("周末和节假日不发送"),
});

export const notificationsRouter = router({
  /** Rules, channels (secrets only as set or not) and the job's progress, for the settings pages. */
  overview: procedure.query(async ({ ctx }) => ({
    rules: await getReminderRules(ctx.db),
    channels: await channelOverview(ctx.db),
    job: await reminderJobState(ctx.db),
    timeZone: ctx.clock.timeZone,
  })),

  saveRules: procedure.input(rulesInput).mutation(async ({ ctx, input }) => {
    await ctx.audit.before("setting", REMINDER_RULES_KEY);
    return saveReminderRules(ctx.db, ctx.clock, input);
  }),

  saveEmailChannel: procedure
    .input(
      z.object({
        enabled: flag("启用电子邮件"),
        host: text("SMTP 服务器", { max: 200 }),
        port: z
          .number({ error: (issue) => `SMTP 端口 ${shownInput(issue.input)} 无效，应为 1 到 65535 的整数` })
          .int({ error: "SMTP 端口应为 1 到 65535 的整数" })
          .min(1, { error: "SMTP 端口应为 1 到 65535 的整数" })
          .max(65535, { error: "SMTP 端口应为 1 到 65535 的整数" }),
        tls: flag("使用 TLS"),
        user: text("SMTP 用户名", { max: 200 }),
        smtpPassword: secretText("SMTP 密码"),
        from: email("发件人邮箱"),
        financeRecipients: z
          .array(email("财务汇总收件人"), { error: "财务汇总收件人必须是邮箱地址的列表" })
          .max(20, { error: "财务汇总收件人最多 20 个" }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.enabled && !input.host) throw badInput("host", "启用电子邮件前请填写 SMTP 服务器");
      if (input.enabled && !input.from) throw badInput("from", "启用电子邮件前请填写发件人邮箱");
      await ctx.audit.before("notification_channel", "email");
      const { enabled, smtpPassword, ...config } = input;
      await saveChannel(ctx.db, ctx.clock, "email", {
        enabled,
        config: { ...config, financeRecipients: config.financeRecipients.filter(Boolean) },
        secrets: { smtpPassword },
      });
      return { channel: "email" };
    }),

  saveWecomChannel: procedure
    .input(z.object({ enabled: flag("启用企业微信"), webhookUrl: webhookUrl("企业微信 Webhook 地址") }))
    .mutation(async ({ ctx, input }) => {
      const stored = await getStoredChannels(ctx.db);
      if (input.enabled && !input.webhookUrl && !stored.wecom.secrets.webhookUrl) {
        throw badInput("webhookUrl", "启用企业微信前请填写群机器人的 Webhook 地址");
      }
      await ctx.audit.before("notification_channel", "wecom");
      await saveChannel(ctx.db, ctx.clock, "wecom", {
        enabled: input.enabled,
        config: {},
        secrets: { webhookUrl: input.webhookUrl },
      });
      return { channel: "wecom" };
    }),

  saveDingtalkChannel: procedure
    .input(
      z.object({
        enabled: flag("启用钉钉"),
        webhookUrl: webhookUrl("钉钉 Webhook 地址"),
        signingSecret: secretText("钉钉加签密钥").refine((value) => value === "" || /^SEC[0-9a-zA-Z]+$/.test(value), {
          error: "钉钉加签密钥无效：应为 SEC 开头的字母和数字，从机器人安全设置中复制",
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const stored = await getStoredChannels(ctx.db);
      if (input.enabled && !input.webhookUrl && !stored.dingtalk.secrets.webhookUrl) {
        throw badInput("webhookUrl", "启用钉钉前请填写群机器人的 Webhook 地址");
      }
      await ctx.audit.before("notification_channel", "dingtalk");
      await saveChannel(ctx.db, ctx.clock, "dingtalk", {
        enabled: input.enabled,
        config: {},
        secrets: { webhookUrl: input.webhookUrl, signingSecret: input.signingSecret },
      });
      return { channel: "dingtalk" };
    }),

  /** Sends a test message over one channel; the outcome is returned, a failed send is not thrown. */
  sendTest: procedure.input(z.object({ channel: channelInput })).mutation(async ({ ctx, input }) => {
    await ctx.audit.before("notification_channel", input.channel);
    return sendTestMessage(ctx.db, ctx.clock, input.channel as (typeof CHANNEL_NAMES)[number]);
  }),

  staffEmails: procedure.query(({ ctx }) =>
    ctx.db.selectFrom("staff").select(["id", "name", "email", "active"]).orderBy("name").execute(),
  ),

  setStaffEmail: procedure
    .input(z.object({ staffId: id("业务员"), email: email("业务员邮箱") }))
    .mutation(async ({ ctx, input }) => {
      await ctx.audit.before("staff", input.staffId);
      const result = await ctx.db
        .updateTable("staff")
        .set({ email: input.email })
        .where("id", "=", input.staffId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw badInput("staffId", `业务员不存在（编号 ${input.staffId}）`);
      return { staffId: input.staffId };
    }),

  holidays: procedure
    .input(
      z.object({
        year: z
          .number({ error: (issue) => `年份 ${shownInput(issue.input)} 无效，应为 2000 到 2100 之间的整数` })
          .int({ error: "年份应为 2000 到 2100 之间的整数" })
          .min(2000, { error: "年份应为 2000 到 2100 之间的整数" })
          .max(2100, { error: "年份应为 2000 到 2100 之间的整数" }),
      }),
    )
    .query(async ({ ctx, input }) => ({
      year: input.year,
      days: await listHolidays(ctx.db, input.year),
      years: await holidayYears(ctx.db),
    })),

  saveHoliday: procedure
    .input(
      z.object({
        date: date("日期"),
        kind: z.enum(CALENDAR_DAY_KINDS as [string, ...string[]], {
          error: (issue) => `类型 "${String(issue.input)}" 无效，应为放假（holiday）或调休上班（workday）`,
        }),
        name: text("名称", { required: true, max: 30 }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const exists = await ctx.db.selectFrom("holiday").select("date").where("date", "=", input.date).executeTakeFirst();
      if (exists) await ctx.audit.before("holiday", input.date);
      else ctx.audit.created("holiday", input.date);
      return saveHoliday(ctx.db, ctx.clock, { ...input, kind: input.kind as (typeof CALENDAR_DAY_KINDS)[number] });
    }),

  removeHoliday: procedure.input(z.object({ date: date("日期") })).mutation(async ({ ctx, input }) => {
    await ctx.audit.before("holiday", input.date);
    return removeHoliday(ctx.db, input.date);
  }),

  sendLog: procedure
    .input(
      z.object({
        date: optionalDate("发送日期"),
        channel: z
          .enum([...CHANNEL_NAMES, ""], {
            error: (issue) => `提醒渠道 "${String(issue.input)}" 无效，应为 email、wecom 或 dingtalk`,
          })
          .optional()
          .transform((value) => value || null),
        status: z
          .enum(["pending", "sent", "failed", ""], {
            error: (issue) => `发送状态 "${String(issue.input)}" 无效，应为 pending、sent 或 failed`,
          })
          .optional()
          .transform((value) => value || null),
      }),
    )
    .query(({ ctx, input }) =>
      listSendLog(ctx.db, {
        date: input.date,
        channel: input.channel as (typeof CHANNEL_NAMES)[number] | null,
        status: input.status,
        limit: 500,
      }),
    ),
});
