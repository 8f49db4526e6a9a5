// What a request may look like before any handler reads it, checked by proxy.ts for every page, route handler
// and server action: a path whose percent-encoding decodes (else 400), and a declared body no larger than the
// route accepts (else 413 at once, before a byte of the body is awaited). Framework-free.
import { BODY_MAX_BYTES } from "../grading/config";

/** A review-log upload (raw CSV or a multipart form with the file): ≈ 100,000 reviews, far beyond any history. */
export const REVIEW_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** Room for a multipart form's boundaries and part headers around the largest accepted file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The review import's path: the one route that takes more than a JSON body. */
export const REVIEW_IMPORT_PATH = "/api/review/import";

/**
 * The most bytes a request to `pathname` may declare: the review import takes a file, everything else (JSON
 * bodies, server actions, sign-in forms) fits BODY_MAX_BYTES. A route may be stricter on its own (server
 * actions: lib/actions/schemas.ts).
 */
export function bodyLimitFor(pathname: string): number {
  return pathname === REVIEW_IMPORT_PATH ? REVIEW_IMPORT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES : BODY_MAX_BYTES;
}

/**
 * How much of a body Next copies for proxy.ts (experimental.proxyClientMaxBodySize in next.config.ts). Above
 * the largest route limit, so a body that Next cuts short (no Content-Length, sent in chunks) is still over its
 * route's own cap there and refused whole, never read as a shorter valid body.
 */
export const PROXY_BODY_COPY_BYTES = REVIEW_IMPORT_MAX_BYTES + 1024 * 1024;

/**
 * An anchored-by-the-caller regular expression source matching exactly the decimal integers greater than
 * `limit` (leading zeros allowed): Next's `has`/`missing` header conditions compare a header with a regex only,
 * and a request declaring more than its limit must skip proxy.ts (Next's proxy waits for the whole body, even
 * after answering) and be refused by a rewrite instead.
 */
export function integerAbove(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`integerAbove: ${limit} is not a non-negative integer`);
  const digits = String(limit);
  const alternatives = [`[1-9]\\d{${digits.length},}`];
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[i]);
    if (digit === 9) continue;
    const next = digit + 1 === 9 ? "9" : `[${digit + 1}-9]`;
    const rest = digits.length - i - 1;
    alternatives.push(`${digits.slice(0, i)}${next}${rest > 0 ? `\\d{${rest}}` : ""}`);
  }
  return `0*(?:${alternatives.join("|")})`;
}

/** Why a declared body is refused (413), or null. A malformed Content-Length is a 400. */
export function declaredLengthRefusal(pathname: string, headers: Headers): { status: 400 | 413; error: string } | null {
  const declared = headers.get("content-length");
  if (declared === null) return null;
  if (!/^\d+$/.test(declared.trim())) return { status: 400, error: `Content-Length "${declared.slice(0, 40)}" is not a number of bytes` };
  const bytes = Number(declared.trim());
  const limit = bodyLimitFor(pathname);
  if (bytes <= limit) return null;
  return { status: 413, error: `the request body is ${bytes} bytes; ${pathname} accepts at most ${limit} bytes` };
}

/** The body's bytes, or null as soon as it passes `limit` bytes (a chunked upload is never buffered whole). */
export async function readBodyCapped(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Why the path cannot be read (400), or null: every segment must percent-decode to UTF-8 (`/api/submissions/%ff`
 * would otherwise reach Next's router, which fails with a 500 while decoding the dynamic segment).
 */
export function malformedPathReason(pathname: string): string | null {
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return `the path segment "${segment.slice(0, 60)}" is not valid percent-encoded UTF-8`;
    }
  }
  return null;
}
