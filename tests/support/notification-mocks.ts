/**
 * Test doubles for the reminder channels, listening on 127.0.0.1 only: an
 * SMTP server (smtp-server) and one HTTP server standing in for the WeCom
 * and DingTalk group robots.
 */
import { createHmac } from "node:crypto";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";

import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpMock {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts an SMTP server that accepts `user`/`password` and records each message. */
export async function startSmtpMock(credentials = { user: "robot", password: "smtp-pass-1" }): Promise<SmtpMock> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error("Invalid username or password"));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Starts a TCP server that accepts connections and never replies, like a hung SMTP server. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Finds a port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RobotRequest {
  robot: "wecom" | "dingtalk";
  at: number;
  body: { msgtype: string; markdown?: { content?: string; title?: string; text?: string } };
  /** For DingTalk: whether the sign matched the secret. */
  signatureValid: boolean | null;
}

const ROBOT_PATHS: Record<string, "wecom" | "dingtalk"> = {
  "/cgi-bin/webhook/send": "wecom",
  "/robot/send": "dingtalk",
};

export interface RobotMock {
  baseUrl: string;
  wecomUrl: string;
  dingtalkUrl: string;
  requests: RobotRequest[];
  /** Fails the next `count` requests with HTTP 500. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/**
 * Starts one HTTP server for both robots: /cgi-bin/webhook/send?key=… as
 * WeCom and /robot/send?access_token=… as DingTalk, which checks the
 * signature made with `dingtalkSecret`. Replies {errcode: 0} on success.
 */
export async function startRobotMock(dingtalkSecret: string): Promise<RobotMock> {
  const requests: RobotRequest[] = [];
  let failures = 0;
  const server: HttpServer = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const robot = ROBOT_PATHS[url.pathname];
      if (!robot) {
        response.writeHead(404).end();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        response.writeHead(500).end("server error");
        return;
      }
      let signatureValid: boolean | null = null;
      if (robot === "dingtalk") {
        const timestamp = url.searchParams.get("timestamp") ?? "";
        const expected = createHmac("sha256", dingtalkSecret).update(`${timestamp}\n${dingtalkSecret}`).digest("base64");
        signatureValid = url.searchParams.get("sign") === expected;
      }
      requests.push({ robot, at: Date.now(), body: JSON.parse(Buffer.concat(chunks).toString("utf8")), signatureValid });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(
        JSON.stringify(signatureValid === false ? { errcode: 310000, errmsg: "sign not match" } : { errcode: 0, errmsg: "ok" }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    wecomUrl: `${baseUrl}/cgi-bin/webhook/send?key=test-wecom-key`,
    dingtalkUrl: `${baseUrl}/robot/send?access_token=test-dingtalk-token`,
    requests,
    failNext(count) {
      failures = count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
export function decodeHeader(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, "?==?");
  return joined.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) => {
    if (encoding.toLowerCase() === "b") return Buffer.from(text, "base64").toString("utf8");
    const bytes = text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  });
}

/** Decodes the subject and text body of a raw single-part message. */
export function readMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r\n\r\n/);
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  const subject = decodeHeader(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? "");
  const encoding = /^content-transfer-encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const payload = rest.join("\r\n\r\n");
  let body: string;
  if (encoding === "base64") body = Buffer.from(payload.replace(/\s+/g, ""), "base64").toString("utf8");
  else if (encoding === "quoted-printable") {
    const bytes = payload.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_hex, code: string) => String.fromCharCode(parseInt(code, 16)));
    body = Buffer.from(bytes, "latin1").toString("utf8");
  } else body = payload;
  return { subject, body: body.replace(/\r\n/g, "\n") };
}
