// Throttling of what a signed-out visitor may ask the grading daemon for: "Run visible cases" and the editor's
// live type check, counted per client address in the database (rate-limiter-flexible's RateLimiterPrisma on the
// RateLimit table, as the sign-in throttle does), so the limit holds across every web process on either
// database. Nothing else about a guest is stored: the row holds a hash of the address and a count.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb, type Db } from "./db";
import { gradingConfig, type GradingConfig } from "./grading/config";
import { keyOf } from "./sign-in-throttle";

export interface GuestLimits {
  /** Visible-case runs one client address may make per window. */
  runs: number;
  /** Live type checks one client address may ask for per window (one per pause in typing). */
  typeChecks: number;
  /** Window length, seconds; the count starts at the first request. */
  windowSeconds: number;
}

export type GuestAction = "run" | "typecheck";

export function guestLimitsOf(config: GradingConfig = gradingConfig()): GuestLimits {
  return { runs: config.LACUNA_GUEST_RUN_LIMIT, typeChecks: config.LACUNA_GUEST_TYPECHECK_LIMIT, windowSeconds: config.LACUNA_GUEST_WINDOW_S };
}

export interface GuestThrottle {
  readonly limits: GuestLimits;
  /** Counts one `action` from `address`: null when it may go ahead, else the seconds until it may try again. */
  take(action: GuestAction, address: string): Promise<number | null>;
}

export function createGuestThrottle(db: Db, limits: GuestLimits = guestLimitsOf()): GuestThrottle {
  // clearExpiredByTimeout off, as for sign-in: an expired row is restarted in place by the next request.
  const store = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, points, duration: limits.windowSeconds, clearExpiredByTimeout: false });
  const limiters: Record<GuestAction, RateLimiterPrisma> = {
    run: store("guest:run", limits.runs),
    typecheck: store("guest:typecheck", limits.typeChecks),
  };
  return {
    limits,
    async take(action, address) {
      try {
        await limiters[action].consume(keyOf(address), 1);
        return null;
      } catch (error) {
        // consume() rejects with a RateLimiterRes once the points are used up: that is the limit working.
        if (!(error instanceof RateLimiterRes)) throw error;
        return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      }
    },
  };
}

let shared: GuestThrottle | undefined;

/** The web process's throttle on its database, with the configured limits. */
export function guestThrottle(): GuestThrottle {
  shared ??= createGuestThrottle(getDb());
  return shared;
}
