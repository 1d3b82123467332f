// ECS's launch-rate limit as a token bucket: `capacity` launches at once, refilled at `perSecond`
// (Fargate: 100 burst, 20/s sustained per account and Region for RunTask-launched tasks).

export class TokenBucket {
  private tokens: number;
  private updatedAt = 0;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes a token at `now` if one is there (false: the launch is throttled). */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Reserves the next token from `now` on and answers when it is granted: a launch that retries
   * until it passes. Calls must come in non-decreasing `now`.
   */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? now : now + -this.tokens / this.perSecond;
  }

  private refill(now: number): void {
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.perSecond);
    this.updatedAt = now;
  }
}
