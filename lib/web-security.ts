// The web app's request guard and security headers, applied to every request by proxy.ts (one mechanism for
// every route handler, server action and page). Framework-free (standard Request/Headers only) so tests call
// it directly.
//
// Cross-site request forgery: a state-changing request (any method but GET/HEAD/OPTIONS) must come from a page
// of this origin, told by the browser's `Origin` header (or, when a browser omits it, `Sec-Fetch-Site:
// same-origin`), and must carry the content type its handler reads: a form post, a `text/plain` JSON body or a
// foreign page on another port of the same host is refused before any handler runs. next-auth's own routes
// (/api/auth/*) are left to next-auth, which checks its double-submit CSRF token.

/** Why a request was refused before reaching its handler: 403 (not from this origin) or 415 (wrong body type). */
export interface Refusal {
  status: 403 | 415;
  error: string;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The media types each kind of state-changing request is read as (parameters such as charset allowed). */
const JSON_BODY = ["application/json"];
const CSV_UPLOAD = ["text/csv", "multipart/form-data"];
// Next's server actions: a fetch from the client sends text/plain (an encoded reply) or multipart/form-data
// (arguments with files or FormData); a form submitted before hydration sends multipart/form-data.
const SERVER_ACTION = ["text/plain", "multipart/form-data"];
// A page's own <form method="post"> without JavaScript (e.g. the sign-in form before hydration).
const PAGE_FORM = ["application/x-www-form-urlencoded", "multipart/form-data"];

function expectedMediaTypes(pathname: string, headers: Headers): string[] {
  if (pathname === "/api/review/import") return CSV_UPLOAD;
  if (pathname.startsWith("/api/")) return JSON_BODY;
  if (headers.has("next-action")) return SERVER_ACTION;
  return PAGE_FORM;
}

/** The host (name:port) the request was sent to: the first X-Forwarded-Host behind a reverse proxy, else Host. */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function sameOrigin(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin !== null && origin !== "null") {
    const host = requestHost(headers);
    if (host && originHost(origin) === host.toLowerCase()) return null;
    return { status: 403, error: `cross-origin request refused: Origin ${origin.slice(0, 200)} is not this site` };
  }
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin") return null;
  if (site) return { status: 403, error: `cross-origin request refused: Sec-Fetch-Site is ${site.slice(0, 40)}, expected same-origin` };
  return { status: 403, error: "request refused: a state-changing request must carry an Origin header of this site (or Sec-Fetch-Site: same-origin)" };
}

/**
 * Null when `request` may go on to its handler; else the 403/415 to answer. Safe methods and next-auth's
 * routes always pass.
 */
export function checkStateChangingRequest(request: { method: string; pathname: string; headers: Headers }): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (request.pathname === "/api/auth" || request.pathname.startsWith("/api/auth/")) return null;
  const crossOrigin = sameOrigin(request.headers);
  if (crossOrigin) return crossOrigin;
  const expected = expectedMediaTypes(request.pathname, request.headers);
  const declared = request.headers.get("content-type");
  const mediaType = declared?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (expected.includes(mediaType)) return null;
  return {
    status: 415,
    error: `unsupported content type ${declared ? `"${declared.slice(0, 100)}"` : "(none)"}: this request expects ${expected.join(" or ")}`,
  };
}

/**
 * The Content-Security-Policy of a page answered with `nonce` (fresh per request; Next puts it on its own
 * scripts when it finds it in the request's CSP header).
 * - Scripts: only those carrying the nonce, and what they load ('strict-dynamic'); no inline handlers, no eval
 *   (development adds 'unsafe-eval', which React's dev build needs for its error overlays).
 * - Styles: 'unsafe-inline' because KaTeX positions every glyph with a style attribute and CodeMirror adds
 *   its theme as style elements; a style cannot run code, and no script source is widened for it.
 * - Nothing may frame a page (clickjacking), no plugins, forms post only here, <base> cannot be moved.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses that are never rendered as a page (static assets): nothing may load, nothing may frame it. */
export const ASSET_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every response carries besides its Content-Security-Policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
