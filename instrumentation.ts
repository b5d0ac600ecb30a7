/**
 * Runs once when the Next.js server starts: creates and migrates the
 * database (and fills an empty one with the demo) before the first request,
 * then starts the daily backups.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { readyDatabase } = await import("./server/context");
  const { logger } = await import("./server/logger");
  const { describeDatabase } = await import("./db");
  await readyDatabase();
  logger.info({ database: describeDatabase() }, "database ready");

  const { startBackupScheduler } = await import("./server/backup/scheduler");
  startBackupScheduler();
  (await import("./server/notifications/scheduler")).startReminderScheduler();
}
