/**
 * Delivery of send log rows: each row's message goes out over its channel,
 * split and paced for the robots, retried with backoff, and the outcome is
 * written back to the row. A row that still fails stays in the log for the
 * next run to retry.
 */
import type { Selectable } from "kysely";

import type { Db } from "../../db";
import type { NotificationSendTable } from "../../db/schema";
import type { Clock } from "../clock";
import { logger } from "../logger";
import {
  type ChannelName,
  DEFAULT_TIMEOUTS,
  messageParts,
  sendDingtalk,
  sendEmail,
  sendWecom,
  type Timeouts,
} from "./channels";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, SendError, withRetry } from "./retry";
import type { StoredChannels } from "./store";
import { TokenBucket } from "./token-bucket";

export interface DeliveryOptions {
  timeouts: Timeouts;
  retry: RetryPolicy;
  /** Robot rate limit: `robotCapacity` messages per `robotIntervalMs` per robot. */
  robotCapacity: number;
  robotIntervalMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  timeouts: DEFAULT_TIMEOUTS,
  retry: DEFAULT_RETRY_POLICY,
  robotCapacity: 20,
  robotIntervalMs: 60_000,
};

type SendRow = Pick<
  Selectable<NotificationSendTable>,
  "id" | "run_date" | "recipient" | "channel" | "digest" | "title" | "body" | "attempts" | "parts_sent"
>;

export interface DeliveryOutcome {
  ok: boolean;
  attempts: number;
  error: string | null;
}

/**
 * Buckets live as long as the process, so that runs shortly after one
 * another share one robot's limit.
 */
const buckets = new Map<string, TokenBucket>();

function bucketFor(channel: ChannelName, options: DeliveryOptions): TokenBucket {
  const key = `${channel}/${options.robotCapacity}/${options.robotIntervalMs}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(options.robotCapacity, options.robotIntervalMs);
    buckets.set(key, bucket);
  }
  return bucket;
}

/**
 * Sends one row's message and records the outcome on the row. Never throws
 * for a failed send; the error is stored and logged with the row id.
 */
export async function deliverRow(
  db: Db,
  clock: Clock,
  channels: StoredChannels,
  row: SendRow,
  options: DeliveryOptions = DEFAULT_DELIVERY,
): Promise<DeliveryOutcome> {
  const channel = row.channel as ChannelName;
  let attempts = 0;
  let partsSent = row.parts_sent;
  let error: string | null = null;

  const parts = messageParts(channel, row.body);
  while (partsSent < parts.length) {
    const part = parts[partsSent]!;
    if (channel !== "email") await bucketFor(channel, options).take();
    const outcome = await withRetry(() => sendPart(channels, row, part, options.timeouts), options.retry);
    attempts += outcome.attempts;
    if (!outcome.ok) {
      error = outcome.error;
      break;
    }
    partsSent += 1;
  }

  const now = clock.nowIso();
  const ok = error === null;
  await db
    .updateTable("notification_send")
    .set({
      status: ok ? "sent" : "failed",
      attempts: row.attempts + attempts,
      parts_sent: partsSent,
      last_error: error,
      updated_at: now,
      sent_at: ok ? now : null,
    })
    .where("id", "=", row.id)
    .execute();

  const log = { sendId: row.id, channel, digest: row.digest, runDate: row.run_date, attempts, parts: parts.length };
  if (ok) logger.info(log, "reminder sent");
  else logger.warn({ ...log, error }, "reminder send failed; the next run retries it");
  return { ok, attempts, error };
}

async function sendPart(channels: StoredChannels, row: SendRow, part: string, timeouts: Timeouts): Promise<void> {
  const channel = row.channel as ChannelName;
  if (channel === "email") {
    const email = channels.email;
    if (!email.config.host || !email.config.from) throw new SendError("电子邮件渠道未配置 SMTP 服务器或发件人", false);
    await sendEmail(email.config, email.secrets, row.recipient, { title: row.title, body: part }, timeouts);
    return;
  }
  const robot = channels[channel];
  const webhookUrl = robot.secrets.webhookUrl;
  if (!webhookUrl) throw new SendError(`${channel === "wecom" ? "企业微信" : "钉钉"}机器人未设置 Webhook 地址`, false);
  if (channel === "wecom") await sendWecom(webhookUrl, part, timeouts);
  else await sendDingtalk(webhookUrl, robot.secrets.signingSecret, { title: row.title, body: part }, timeouts);
}
