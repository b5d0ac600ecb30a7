import pino from "pino";

/**
 * Structured logs: starts, stops, caught errors and slow queries, with ids,
 * never payloads or secrets. LOG_LEVEL sets the level (info by default).
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { app: "huikuan" },
  redact: ["password", "*.password", "headers.cookie", "headers.authorization"],
});
