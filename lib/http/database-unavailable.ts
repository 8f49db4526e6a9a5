// A database that is down (PostgreSQL restarting, a network cut) is not a bug: the routes that need it answer
// 503 with Retry-After, and the next request after the pools reconnect is served as usual (no manual step).
import { isDatabaseUnavailable } from "@/lib/db";

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: "The database is unreachable right now (restarting or cut off); try again in a few seconds.", code: "database-unavailable" },
    { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_S), "cache-control": "no-store" } },
  );
}

/** `handler`, answering 503 + Retry-After instead of a 500 when it fails because the database is unreachable. */
export function whileDatabaseUp<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
      throw error;
    }
  };
}
