/**
 * The three notification channels and how a message goes out over each:
 * e-mail over SMTP (nodemailer), and the group robots of WeCom (企业微信)
 * and DingTalk (钉钉), which take a JSON POST to their webhook URL.
 */
import { createHmac } from "node:crypto";

import nodemailer from "nodemailer";

import { SendError } from "./retry";
import { splitMessage } from "./split";

export type ChannelName = "email" | "wecom" | "dingtalk";

export const CHANNEL_NAMES: readonly ChannelName[] = ["email", "wecom", "dingtalk"];

export const CHANNEL_LABELS: Record<ChannelName, string> = {
  email: "电子邮件",
  wecom: "企业微信群机器人",
  dingtalk: "钉钉群机器人",
};

export interface EmailSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (usually port 465); off means plain SMTP, upgraded by STARTTLS when offered. */
  tls: boolean;
  user: string;
  from: string;
  /** Addresses of the all-clients digest for finance; empty means the finance users' own addresses. */
  financeRecipients: string[];
}

export interface EmailSecrets {
  smtpPassword?: string;
}

export interface RobotSecrets {
  /** The robot's full webhook URL, its key or access token included. */
  webhookUrl?: string;
  /** DingTalk's signing secret (加签), starting with SEC. */
  signingSecret?: string;
}

/**
 * Maximum UTF-8 bytes of one robot message. Robot messages go out as
 * markdown only, so WeCom's lower limit for text messages (2048) is unused.
 */
// NOTE: these limits were given with the task, not checked against the
// current WeCom and DingTalk robot documentation.
export const WECOM_MARKDOWN_MAX_BYTES = 4096;
export const DINGTALK_MAX_BYTES = 20_000;

export interface OutgoingMessage {
  title: string;
  body: string;
}

export interface Timeouts {
  /** Limit for connecting and for the server's greeting. */
  connectMs: number;
  /** Limit for one request: an HTTP POST, or an idle SMTP socket. */
  requestMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, requestMs: 20_000 };

/** Sends one e-mail. Throws a SendError whose `retryable` flag decides whether to try again. */
export async function sendEmail(
  settings: EmailSettings,
  secrets: EmailSecrets,
  to: string,
  message: OutgoingMessage,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
): Promise<void> {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    auth: settings.user ? { user: settings.user, pass: secrets.smtpPassword ?? "" } : undefined,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.requestMs,
  });
  try {
    await transport.sendMail({ from: settings.from, to, subject: message.title, text: message.body });
  } catch (error) {
    throw smtpError(error);
  } finally {
    transport.close();
  }
}

/** Classifies an SMTP failure: connection errors, timeouts and 4xx replies are retryable, a rejected login and 5xx replies are not. */
function smtpError(error: unknown): SendError {
  const detail = error as { code?: string; responseCode?: number; message?: string };
  const message = `邮件发送失败：${detail.message ?? String(error)}`.slice(0, 500);
  if (detail.code === "ETIMEDOUT") return new SendError(`SMTP 服务器应答超时（${detail.message ?? ""}）`, true);
  if (detail.code === "EAUTH") return new SendError(`SMTP 登录失败，请检查用户名和密码（${detail.message ?? ""}）`, false);
  if (typeof detail.responseCode === "number" && detail.responseCode >= 500) return new SendError(message, false);
  return new SendError(message, true);
}

/** Posts one WeCom robot message (markdown, at most WECOM_MARKDOWN_MAX_BYTES). */
export async function sendWecom(webhookUrl: string, content: string, timeouts: Timeouts = DEFAULT_TIMEOUTS) {
  await postRobot(webhookUrl, { msgtype: "markdown", markdown: { content } }, timeouts, "企业微信");
}

/** Posts one DingTalk robot message (markdown), signed when the robot has a signing secret. */
export async function sendDingtalk(
  webhookUrl: string,
  signingSecret: string | undefined,
  message: OutgoingMessage,
  timeouts: Timeouts = DEFAULT_TIMEOUTS,
  now: () => number = Date.now,
) {
  const url = signingSecret ? signedDingtalkUrl(webhookUrl, signingSecret, now()) : webhookUrl;
  await postRobot(url, { msgtype: "markdown", markdown: { title: message.title, text: message.body } }, timeouts, "钉钉");
}

/**
 * Adds DingTalk's signature to a webhook URL: sign is
 * base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded,
 * with the timestamp in milliseconds.
 */
export function signedDingtalkUrl(webhookUrl: string, secret: string, timestamp: number): string {
  const sign = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
  const separator = webhookUrl.includes("?") ? "&" : "?";
  return `${webhookUrl}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** Robot error codes that mean "too many messages, try later" (WeCom 45009, DingTalk 130101). */
const RATE_LIMIT_CODES = new Set([45009, 130101]);

async function postRobot(url: string, payload: unknown, timeouts: Timeouts, service: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeouts.requestMs),
    });
  } catch (error) {
    // The error names the host and port at most, never the URL with its key.
    const reason = error instanceof Error && error.name === "TimeoutError" ? "请求超时" : "无法连接";
    const cause = error instanceof Error && error.cause instanceof Error ? `：${error.cause.message}` : "";
    throw new SendError(`${service}机器人${reason}${cause}`.slice(0, 300), true);
  }

  if (!response.ok) {
    const retryable = response.status >= 500 || response.status === 429;
    throw new SendError(`${service}机器人返回 HTTP ${response.status}`, retryable);
  }
  const answer = (await response.json().catch(() => null)) as { errcode?: number; errmsg?: string } | null;
  if (!answer || answer.errcode === undefined) {
    throw new SendError(`${service}机器人的应答无法识别`, true);
  }
  if (answer.errcode !== 0) {
    throw new SendError(
      `${service}机器人拒绝了消息：错误码 ${answer.errcode}（${String(answer.errmsg ?? "").slice(0, 200)}）`,
      RATE_LIMIT_CODES.has(answer.errcode),
    );
  }
}

/** Splits a message body into the parts a channel accepts, numbered when there are several. */
export function messageParts(channel: ChannelName, body: string): string[] {
  if (channel === "wecom") return splitMessage(body, WECOM_MARKDOWN_MAX_BYTES);
  if (channel === "dingtalk") return splitMessage(body, DINGTALK_MAX_BYTES);
  return [body];
}
