import { sleep } from "./token-bucket";

/** An error of a send, and whether trying again may help. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "SendError";
  }
}

export interface RetryPolicy {
  /** Attempts in one run, the first included. */
  maxAttempts: number;
  /** Wait before the second attempt; it doubles for each further one. */
  baseDelayMs: number;
  /** No attempt starts once this much time has passed since the first. */
  maxTotalMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 2_000, maxTotalMs: 60_000 };

export type RetryOutcome = { ok: true; attempts: number } | { ok: false; attempts: number; error: string };

/**
 * Runs `attempt` until it succeeds, fails with an error that is not
 * retryable, or the policy's attempts or total time run out. Never throws.
 */
export async function withRetry(attempt: () => Promise<void>, policy: RetryPolicy): Promise<RetryOutcome> {
  const started = Date.now();
  let attempts = 0;
  let lastError = "";

  while (attempts < policy.maxAttempts) {
    attempts += 1;
    try {
      await attempt();
      return { ok: true, attempts };
    } catch (error) {
      lastError = errorMessage(error);
      const retryable = !(error instanceof SendError) || error.retryable;
      const delay = policy.baseDelayMs * 2 ** (attempts - 1);
      if (!retryable || Date.now() - started + delay > policy.maxTotalMs) break;
      await sleep(delay);
    }
  }
  return { ok: false, attempts, error: lastError };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `（${error.cause.message}）` : "";
    return `${error.message}${cause}`.slice(0, 500);
  }
  return String(error).slice(0, 500);
}
