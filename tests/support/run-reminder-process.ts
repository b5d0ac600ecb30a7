/**
 * Runs the reminder job once in its own process and prints the result as
 * JSON, for the test of two processes starting together:
 * `tsx tests/support/run-reminder-process.ts FILE DATE HOLDER`.
 */
import { openDatabase } from "../../db";
import { createClock } from "../../server/clock";
import { runReminderJob } from "../../server/notifications/job";

async function main(): Promise<void> {
  const [file, date, holder] = process.argv.slice(2) as [string, string, string];
  const db = openDatabase(file);
  const result = await runReminderJob(db, createClock({ fixedDate: date }), {
    date,
    holder,
    delivery: {
      timeouts: { connectMs: 1_000, requestMs: 2_000 },
      retry: { maxAttempts: 2, baseDelayMs: 20, maxTotalMs: 2_000 },
      robotCapacity: 20,
      robotIntervalMs: 1_000,
    },
  });
  await db.destroy();
  console.log(JSON.stringify(result));
}

void main();
