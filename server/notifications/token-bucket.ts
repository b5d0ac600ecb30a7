/**
 * A token bucket that paces sends to a rate limit: `capacity` sends at
 * once, refilled evenly so that at most `capacity` go out per `intervalMs`.
 * Both robots allow 20 messages a minute each; tests shorten the interval.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly intervalMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Resolves when a send may go out, taking one token; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn;
    return turn;
  }

  private async waitForToken(): Promise<void> {
    this.refill();
    while (this.tokens < 1) {
      const msPerToken = this.intervalMs / this.capacity;
      await sleep(Math.ceil((1 - this.tokens) * msPerToken));
      this.refill();
    }
    this.tokens -= 1;
  }

  private refill(): void {
    const now = this.now();
    const earned = ((now - this.updatedAt) * this.capacity) / this.intervalMs;
    this.tokens = Math.min(this.capacity, this.tokens + earned);
    this.updatedAt = now;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
