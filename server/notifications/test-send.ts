import type { Db } from "../../db";
import type { Clock } from "../clock";
import { CHANNEL_LABELS, type ChannelName } from "./channels";
import { deliverRow } from "./delivery";
import { getStoredChannels } from "./store";

/**
 * One attempt with short timeouts, because the procedure that calls this
 * keeps the write transaction of its audit row open while the message goes
 * out, and other writers wait for it.
 */
const TEST_DELIVERY = {
  timeouts: { connectMs: 8_000, requestMs: 10_000 },
  retry: { maxAttempts: 1, baseDelayMs: 0, maxTotalMs: 10_000 },
  robotCapacity: 20,
  robotIntervalMs: 60_000,
};

/**
 * Sends a test message over one channel (e-mail goes to the sender's own
 * address) and records it in the send log. Returns the outcome; a channel
 * that is not set up yet is reported, not thrown.
 */
export async function sendTestMessage(db: Db, clock: Clock, channel: ChannelName) {
  const channels = await getStoredChannels(db);
  const label = CHANNEL_LABELS[channel];
  const recipient = channel === "email" ? channels.email.config.from : "群机器人";
  const configured =
    channel === "email" ? Boolean(channels.email.config.host && channels.email.config.from) : Boolean(channels[channel].secrets.webhookUrl);
  if (!configured) {
    return { ok: false, sendId: null, message: `${label}尚未设置，请先填写并保存渠道设置` };
  }

  const now = clock.nowIso();
  const title = "回款系统测试消息";
  const body = `这是一条来自回款系统的测试消息（${label}），发送时间 ${now}。收到即说明提醒渠道设置正确。`;
  const row = await db
    .insertInto("notification_send")
    .values({
      run_date: clock.today(),
      recipient,
      channel,
      digest: `test:${now}`,
      title,
      body,
      status: "pending",
      created_at: now,
      updated_at: now,
    })
    .returning(["id", "run_date", "recipient", "channel", "digest", "title", "body", "attempts", "parts_sent"])
    .executeTakeFirstOrThrow();

  const outcome = await deliverRow(db, clock, channels, row, TEST_DELIVERY);
  return {
    ok: outcome.ok,
    sendId: row.id,
    message: outcome.ok ? `测试消息已通过${label}发出，请到接收端确认` : `测试消息发送失败：${outcome.error ?? "未知错误"}`,
  };
}
