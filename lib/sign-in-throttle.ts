// Sign-in throttling: failed password checks are counted per account and per client address in the database
// (rate-limiter-flexible's RateLimiterPrisma on the RateLimit table), so the limit holds across every web process
// on either database. Over the limit, next-auth's credentials callback is not run at all: the answer is 429 with
// Retry-After, before any password is compared.
//
// RateLimiterPrisma only uses the model API (upsert with increment, findFirst, deleteMany), which works the same
// through Prisma 7's driver adapters (better-sqlite3 and pg): one store for both databases.
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { THROTTLED_ERROR } from "./auth-errors";
import type { Db } from "./db";

export interface ThrottleLimits {
  /** Failed sign-ins allowed per account (e-mail address, whether or not it exists) per window. */
  accountFailures: number;
  /** Failed sign-ins allowed per client address per window (several people may share one address). */
  addressFailures: number;
  /** Window length, seconds; the count starts at the first failure. */
  windowSeconds: number;
}

export const SIGN_IN_LIMITS: ThrottleLimits = { accountFailures: 10, addressFailures: 50, windowSeconds: 15 * 60 };


export interface SignInThrottle {
  /** Seconds until `email` from `address` may try again, or null when it may try now. */
  retryAfter(email: string, address: string): Promise<number | null>;
  recordFailure(email: string, address: string): Promise<void>;
  /** A correct password clears the account's count (not the address's: one success must not unlock spraying). */
  recordSuccess(email: string): Promise<void>;
}

// Keys are hashes: the table then holds no e-mail address a visitor typed, and no key is longer than 64 chars.
export function keyOf(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createSignInThrottle(db: Db, limits: ThrottleLimits = SIGN_IN_LIMITS): SignInThrottle {
  // clearExpiredByTimeout off: the store would start a 5-minute timer per limiter per process; expired rows are
  // restarted in place by the next failure on the same key instead.
  const store = (keyPrefix: string, points: number) =>
    new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix, points, duration: limits.windowSeconds, clearExpiredByTimeout: false });
  const account = store("sign-in:account", limits.accountFailures);
  const address = store("sign-in:address", limits.addressFailures);

  async function exhausted(limiter: RateLimiterPrisma, key: string, points: number): Promise<number | null> {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  // consume() rejects with a RateLimiterRes once the points are used up: that is the limit working, not an error.
  async function count(limiter: RateLimiterPrisma, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }

  return {
    async retryAfter(email, clientAddress) {
      const waits = await Promise.all([
        exhausted(account, keyOf(normaliseEmail(email)), limits.accountFailures),
        exhausted(address, keyOf(clientAddress), limits.addressFailures),
      ]);
      const blocked = waits.filter((wait): wait is number => wait !== null);
      return blocked.length > 0 ? Math.max(...blocked) : null;
    },
    async recordFailure(email, clientAddress) {
      await count(account, keyOf(normaliseEmail(email)));
      await count(address, keyOf(clientAddress));
    },
    async recordSuccess(email) {
      await account.delete(keyOf(normaliseEmail(email)));
    },
  };
}

/**
 * The client's address as the server saw it: the last X-Forwarded-For entry (Next sets it from the socket when
 * the request has none; a reverse proxy appends the address it received the request from). Directly exposed,
 * a client can name any address there, which is why the per-account limit never depends on it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || "unknown";
}

/** The `error` query parameter of the URL next-auth answers with (JSON { url } or a redirect's Location). */
async function nextAuthError(response: Response): Promise<string | null> {
  let target = response.headers.get("location");
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
    if (typeof body?.url === "string") target = body.url;
  }
  if (!target) return null;
  try {
    return new URL(target, "http://lacuna.invalid").searchParams.get("error");
  } catch {
    return null;
  }
}

/**
 * Wraps next-auth's POST /api/auth/callback/credentials: refuses a throttled account or address with 429 and
 * Retry-After (JSON { url, error } that next-auth's client reads as result.error = "TooManyAttempts"), and
 * counts the outcome of every password check that next-auth runs. Other next-auth routes pass through.
 */
export async function throttleCredentialsSignIn(request: Request, handle: (request: Request) => Promise<Response>, throttle: SignInThrottle): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== "POST" || !url.pathname.endsWith("/callback/credentials")) return handle(request);
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "");
  } catch {
    // Not a form: next-auth answers it with its own error, and there is no password check to count.
    return handle(request);
  }
  const address = clientAddress(request.headers);
  const wait = await throttle.retryAfter(email, address);
  if (wait !== null) {
    const minutes = Math.ceil(wait / 60);
    return Response.json(
      {
        url: new URL(`/signin?error=${THROTTLED_ERROR}`, url).toString(),
        error: `Too many failed sign-in attempts for this account or from this address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      },
      { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } },
    );
  }
  const response = await handle(request);
  const error = await nextAuthError(response);
  if (error === "CredentialsSignin") await throttle.recordFailure(email, address);
  else if (error === null && email) await throttle.recordSuccess(email);
  return response;
}
