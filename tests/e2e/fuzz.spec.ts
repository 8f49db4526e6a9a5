// A bounded property-based fuzz (fast-check) of every API route and every server action of the running app,
// signed out and signed in: arbitrary JSON, wrong content types, malformed percent-encodings and multipart
// bodies, huge numbers, odd path segments. The property: no answer is a 5xx, and every request is answered
// (no hang). A fixed seed makes a failure reproducible; LACUNA_FUZZ_RUNS scales the number of runs (default 1).
//
//   npx playwright test tests/e2e/fuzz.spec.ts
//   LACUNA_FUZZ_RUNS=10 LACUNA_FUZZ_SEED=7 npx playwright test tests/e2e/fuzz.spec.ts   # a longer, different run
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { uniqueEmail } from "./helpers/auth";
import { sameOrigin, serverActions, signedInRequest, type ServerActionInfo } from "./helpers/http";

const SEED = Number(process.env.LACUNA_FUZZ_SEED ?? 20261130);
const SCALE = Number(process.env.LACUNA_FUZZ_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const REQUEST_TIMEOUT_MS = 60_000;

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

// ---------------------------------------------------------------------------------------------------------
// Values

const REAL_SLUGS = ["linear-regression-cost", "gradient-descent-step"];
const REAL_FLASHCARD = "act-relu-linear";

/** Numbers a column or a loop cannot take: beyond 32 bits, beyond doubles' integers, negative, fractional. */
const hugeNumberText = fc.constantFrom("100000000000000000000", "2147483648", "9007199254740993", "-1", "1e308", "1e400", "-0", "0.5", "1e-400", "0x10", "NaN");
const numberLike = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e20, 2 ** 31, 2 ** 53, -1, 0));
const reactTags = fc.constantFrom("$@1", "$1", "$K1", "$h1", "$Q1", "$W1", "$i1", "$T", "$D2020-01-01T00:00:00.000Z", "$n99999", "$B1", "$undefined", "$$", "$", "$S1", "$F1");
const stringLike = fc.oneof(fc.string({ maxLength: 40 }), reactTags, fc.constantFrom("", " ", "\u0000", "代价", "<script>", "../..", "x".repeat(5000)));
const valueLike: fc.Arbitrary<unknown> = fc.oneof(stringLike, numberLike, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** JSON text with a chance of a numeric literal JavaScript cannot represent, or text that is not JSON at all. */
function jsonText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: value.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: fc.tuple(value, hugeNumberText).map(([v, n]) => (JSON.stringify(v) ?? "null").replace(/-?\d+(\.\d+)?/, n)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
    { weight: 1, arbitrary: fc.constantFrom("", "null", "[]", "{}", "{", '"', "[".repeat(3000) + "]".repeat(3000), "\u0000\u0001", "\uFEFF{}") },
  );
}

const contentType = fc.constantFrom(
  "application/json",
  "text/plain;charset=UTF-8",
  "text/csv",
  "multipart/form-data; boundary=fuzz",
  "multipart/form-data",
  "application/x-www-form-urlencoded",
  "application/json; charset=utf-16",
  "garbage/;;=",
  "",
);

/** A path segment: ordinary, percent-encoded arbitrary text, malformed encodings, traversal, very long. */
const segment = fc.oneof(
  fc.constantFrom(...REAL_SLUGS, "x", "00000000-0000-0000-0000-000000000000", "cly0000000000000000000000"),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("%ff", "%", "%zz", "%e0%a4", "%c3%28", "%00", "%2e%2e", "%2f", "..", ".", "%25", "a%ffb", "%ED%A0%80"),
  fc.string({ minLength: 200, maxLength: 600 }).map(encodeURIComponent),
);

function multipartBody(fields: [string, string, boolean][]): { body: string; contentType: string } {
  const boundary = "fuzzboundary";
  const parts = fields.map(
    ([name, value, asFile]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "")}"${asFile ? '; filename="f.bin"\r\nContent-Type: application/octet-stream' : ""}\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
const multipartFields = (names: fc.Arbitrary<string>) => fc.array(fc.tuple(names, stringLike, fc.boolean()), { maxLength: 6 });

// ---------------------------------------------------------------------------------------------------------
// API routes: one generator per route file (the test below checks that the table covers app/api/**/route.ts).

const methods = (...extra: string[]) => fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", ...extra);
const withBody = (pathArb: fc.Arbitrary<string>, bodyArb: fc.Arbitrary<string>, methodArb = methods()): fc.Arbitrary<FuzzRequest> =>
  fc.record({ method: methodArb, path: pathArb, body: bodyArb, type: contentType }).map(({ method, path, body, type }): FuzzRequest => ({ method, path, body, headers: type ? { "content-type": type } : {} }));

const submissionBody = fc.record(
  { slug: fc.oneof(fc.constantFrom(...REAL_SLUGS), stringLike), source: stringLike, kind: fc.oneof(fc.constantFrom("run", "submit"), stringLike), hintsUsed: valueLike, lang: fc.oneof(fc.constantFrom("en", "zh"), stringLike) },
  { requiredKeys: [] },
);
const csvCell = fc.oneof(stringLike, hugeNumberText, fc.integer().map(String), fc.constantFrom("1700000000000", "3", "2", `flashcard:${REAL_FLASHCARD}`, `exercise:${REAL_SLUGS[0]}`, '"quoted,cell"', '"unterminated'));
const csvText = fc.oneof(
  fc.array(fc.array(csvCell, { minLength: 1, maxLength: 7 }), { maxLength: 8 }).map((rows) => ["card_id,review_time,review_rating,review_state,review_duration", ...rows.map((r) => r.join(","))].join("\n")),
  fc.string({ maxLength: 200 }),
);

const apiRoutes: Record<string, fc.Arbitrary<FuzzRequest>> = {
  "exercises/route.ts": withBody(fc.constant("/api/exercises"), jsonText(valueLike)),
  "health/route.ts": withBody(fc.constant("/api/health"), jsonText(valueLike)),
  "ready/route.ts": withBody(fc.constant("/api/ready"), jsonText(valueLike)),
  "metrics/route.ts": fc
    .record({ method: methods("GET", "GET"), requestId: stringLike.filter((id) => /^[\x20-\x7e]*$/.test(id)), bearer: fc.option(stringLike.filter((t) => /^[\x21-\x7e]*$/.test(t))) })
    .map(({ method, requestId, bearer }): FuzzRequest => ({
      method,
      path: "/api/metrics",
      headers: { "x-request-id": requestId, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
    })),
  "submissions/route.ts": fc.oneof(
    withBody(fc.constant("/api/submissions"), jsonText(fc.oneof(submissionBody, valueLike)), fc.constantFrom("POST", "POST", "DELETE")),
    fc.record({ slug: stringLike, limit: fc.oneof(hugeNumberText, stringLike) }).map(({ slug, limit }) => ({ method: "GET", path: `/api/submissions?slug=${encodeURIComponent(slug)}&limit=${encodeURIComponent(limit)}`, headers: {} })),
  ),
  "submissions/[id]/route.ts": withBody(segment.map((id) => `/api/submissions/${id}`), jsonText(valueLike), methods("GET", "GET")),
  "submissions/[id]/events/route.ts": segment.map((id) => ({ method: "GET", path: `/api/submissions/${id}/events`, headers: { accept: "text/event-stream" } })),
  "review/undo/route.ts": withBody(fc.constant("/api/review/undo"), jsonText(fc.oneof(fc.record({ topic: valueLike }, { requiredKeys: [] }), valueLike)), fc.constantFrom("POST", "GET")),
  "review/rate/route.ts": withBody(
    fc.constant("/api/review/rate"),
    jsonText(
      fc.record(
        { itemId: fc.oneof(fc.constant(REAL_FLASHCARD), stringLike), rating: valueLike, lastReview: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), stringLike), durationMs: valueLike, topic: valueLike },
        { requiredKeys: [] },
      ),
    ),
    fc.constantFrom("POST", "POST", "GET"),
  ),
  "review/export.csv/route.ts": withBody(fc.constant("/api/review/export.csv"), jsonText(valueLike), fc.constantFrom("GET", "POST")),
  "review/session/route.ts": stringLike.map((topic) => ({ method: "GET", path: `/api/review/session?topic=${encodeURIComponent(topic)}`, headers: {} })),
  "review/import/route.ts": fc.oneof(
    withBody(fc.constant("/api/review/import"), csvText, fc.constant("POST")),
    fc.tuple(csvText, multipartFields(fc.constantFrom("file", "other", ""))).map(([csv, extra]) => {
      const { body, contentType } = multipartBody([["file", csv, true], ...extra]);
      return { method: "POST", path: "/api/review/import", body, headers: { "content-type": contentType } };
    }),
  ),
  "review/flashcards.tsv/route.ts": withBody(fc.constant("/api/review/flashcards.tsv"), jsonText(valueLike), fc.constantFrom("GET", "POST")),
  "typecheck/route.ts": withBody(
    fc.constant("/api/typecheck"),
    jsonText(fc.record({ slug: fc.oneof(fc.constantFrom(...REAL_SLUGS), stringLike), source: fc.oneof(stringLike, fc.constantFrom("export const x: number = 'a';", "let y = ")) }, { requiredKeys: [] })),
    fc.constant("POST"),
  ),
  "syntax-check/route.ts": withBody(
    fc.constant("/api/syntax-check"),
    jsonText(fc.oneof(fc.record({ slug: fc.oneof(fc.constantFrom(...REAL_SLUGS), stringLike), source: fc.oneof(stringLike, fc.constantFrom("export function computeCost(X: number[][]) { return 1 / (1 + Math.exp(-X[0][0]);", "import x from 'y';")), lang: fc.oneof(fc.constantFrom("en", "zh"), stringLike) }, { requiredKeys: [] }), valueLike)),
    fc.constantFrom("POST", "POST", "GET"),
  ),
  "guest/run/route.ts": withBody(
    fc.constant("/api/guest/run"),
    jsonText(fc.oneof(fc.record({ slug: fc.oneof(fc.constantFrom(...REAL_SLUGS), stringLike), source: fc.oneof(stringLike, fc.constantFrom("export function computeCost() { return 0; }", "while (true) {}")), lang: fc.oneof(fc.constantFrom("en", "zh"), stringLike) }, { requiredKeys: [] }), valueLike)),
    fc.constantFrom("POST", "POST", "GET"),
  ),
  "drafts/[slug]/route.ts": withBody(
    segment.map((slug) => `/api/drafts/${slug}`),
    jsonText(fc.oneof(fc.record({ source: stringLike, hintsRevealed: valueLike }, { requiredKeys: [] }), valueLike)),
    fc.constantFrom("GET", "PUT", "PUT", "POST"),
  ),
  "cohorts/[id]/gradebook.csv/route.ts": withBody(
    fc.tuple(segment, fc.oneof(fc.constantFrom("canvas", "moodle"), stringLike)).map(([id, format]) => `/api/cohorts/${id}/gradebook.csv?format=${encodeURIComponent(format)}`),
    jsonText(valueLike),
    fc.constantFrom("GET", "GET", "POST"),
  ),
  "cohorts/[id]/assignments/[assignmentId]/gradescope.zip/route.ts": withBody(
    fc.tuple(segment, segment).map(([id, assignmentId]) => `/api/cohorts/${id}/assignments/${assignmentId}/gradescope.zip`),
    jsonText(valueLike),
    fc.constantFrom("GET", "GET", "DELETE"),
  ),
  "auth/[...nextauth]/route.ts": withBody(
    fc.oneof(fc.constantFrom("session", "csrf", "providers", "signin", "signout", "callback/credentials", "signin/credentials", "error", "_log"), segment).map((rest) => `/api/auth/${rest}`),
    fc.oneof(fc.string({ maxLength: 80 }), fc.record({ email: stringLike, password: stringLike, csrfToken: stringLike }).map((f) => new URLSearchParams(f).toString())),
    fc.constantFrom("GET", "POST"),
  ),
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? routeFiles(full) : name === "route.ts" ? [full] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------
// Server actions: fetch calls (Next-Action + an encoded reply) and forms posted without JavaScript.

function actionRequest(actions: ServerActionInfo[]): fc.Arbitrary<FuzzRequest> {
  const action = fc.constantFrom(...actions);
  const fieldName = fc.oneof(fc.constantFrom("_1_email", "_1_name", "_1_password", "_1_code", "_1_cohortId", "_1_timezone", "_1_dailyNewLimit", "0", "1", "_2_x", "$ACTION_KEY"), fc.string({ maxLength: 12 }));
  const argumentList = fc.array(fc.oneof(valueLike, fc.constant("$K1"), fc.record({ ok: fc.boolean(), status: stringLike }, { requiredKeys: [] })), { maxLength: 4 });
  const fetchText = fc.record({ action, body: jsonText(argumentList), type: contentType }).map(({ action, body, type }) => ({
    method: "POST",
    path: action.page,
    body,
    headers: { "next-action": action.id, ...(type ? { "content-type": type } : {}) },
  }));
  const fetchMultipart = fc.record({ action, root: jsonText(argumentList), fields: multipartFields(fieldName), rootAsFile: fc.boolean() }).map(({ action, root, fields, rootAsFile }) => {
    const { body, contentType } = multipartBody([["0", root, rootAsFile], ...fields]);
    return { method: "POST", path: action.page, body, headers: { "next-action": action.id, "content-type": contentType } };
  });
  const withoutJavaScript = fc
    .record({ action, bound: fc.oneof(fc.constant(null), fc.constant("$@1"), stringLike), boundArgs: jsonText(argumentList), useRef: fc.boolean(), fields: multipartFields(fieldName) })
    .map(({ action, bound, boundArgs, useRef, fields }) => {
      const marker: [string, string, boolean][] = useRef
        ? [["$ACTION_REF_1", "", false], ["$ACTION_1:0", JSON.stringify({ id: action.id, bound }), false], ["$ACTION_1:1", boundArgs, false]]
        : [[`$ACTION_ID_${action.id}`, "", false]];
      const { body, contentType } = multipartBody([...marker, ...fields]);
      return { method: "POST", path: action.page, body, headers: { "content-type": contentType } };
    });
  const unknownAction = fc.record({ id: fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 42, maxLength: 42 }), stringLike.map((s) => s.replace(/[^\x20-\x7e]/g, ""))), page: fc.constantFrom("/", "/signup", "/join") }).map(({ id, page }) => ({
    method: "POST",
    path: page,
    body: '["en"]',
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8" },
  }));
  return fc.oneof({ weight: 4, arbitrary: fetchText }, { weight: 3, arbitrary: fetchMultipart }, { weight: 2, arbitrary: withoutJavaScript }, { weight: 1, arbitrary: unknownAction });
}

const pageRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({ page: fc.constantFrom("/exercises", "/join", "/cohorts", "/review", "/signin", "/signup", "/progress"), rest: fc.option(segment, { nil: undefined }), query: fc.option(stringLike, { nil: undefined }) })
  .map(({ page, rest, query }) => ({ method: "GET", path: `${page}${rest === undefined ? "" : `/${rest}`}${query === undefined ? "" : `?callbackUrl=${encodeURIComponent(query)}`}`, headers: {} }));

// ---------------------------------------------------------------------------------------------------------

async function send(context: APIRequestContext, baseURL: string, request: FuzzRequest): Promise<number> {
  const response = await context.fetch(request.path, {
    method: request.method,
    headers: { ...sameOrigin(baseURL), ...request.headers },
    data: request.body,
    maxRedirects: 0,
    timeout: REQUEST_TIMEOUT_MS,
  });
  // Read the answer whole (a stream that never ends would be a hang), then drop it.
  await response.body().catch(() => undefined);
  return response.status();
}

/** Runs the property over `arbitrary` for each context; the failure names the request and the answer. */
async function fuzz(contexts: [string, APIRequestContext][], baseURL: string, arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number): Promise<void> {
  for (const [label, context] of contexts) {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (request) => {
        const status = await send(context, baseURL, request);
        expect(status, `${label}: ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)} ${String(request.body ?? "").slice(0, 300)}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns, endOnFailure: true },
    );
  }
}

/** A learner of its own (the fuzz changes settings and drafts), signed up through the sign-up action as the form sends it. */
async function freshLearner(playwright: Parameters<typeof signedInRequest>[0], baseURL: string, actions: ServerActionInfo[]): Promise<APIRequestContext> {
  const signUp = actions.find((a) => a.key === "app/signup/actions.ts#signUpAction")!;
  const account = { email: uniqueEmail("fuzz"), password: "fuzz-password-1" };
  const anonymous = await playwright.request.newContext({ baseURL, timeout: 90_000 });
  // As React's encodeReply sends it: the form's entries first, the root (field "0") last.
  const { body, contentType } = multipartBody([
    ["_1_email", account.email, false],
    ["_1_name", "Fuzz", false],
    ["_1_password", account.password, false],
    ["0", '[{"ok":false,"fieldErrors":{},"values":{"email":"","name":""}},"$K1"]', false],
  ]);
  const response = await anonymous.post(signUp.page, { headers: { ...sameOrigin(baseURL), "next-action": signUp.id, "content-type": contentType, accept: "text/x-component" }, data: body });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.text()).toContain('"ok":true');
  await anonymous.dispose();
  return signedInRequest(playwright, baseURL, account);
}

test.describe("fuzz: no input gets a 5xx", () => {
  test.describe.configure({ timeout: 600_000 });

  let contexts: [string, APIRequestContext][] = [];
  let actions: ServerActionInfo[] = [];
  test.beforeAll(async ({ playwright }, testInfo) => {
    const baseURL = testInfo.project.use.baseURL!;
    actions = serverActions();
    contexts = [
      ["signed out", await playwright.request.newContext({ baseURL })],
      ["learner", await freshLearner(playwright, baseURL, actions)],
    ];
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map(([, context]) => context.dispose()));
  });

  test("the table covers every API route", () => {
    const root = path.resolve(import.meta.dirname, "..", "..", "app", "api");
    const files = routeFiles(root).map((file) => path.relative(root, file).split(path.sep).join("/"));
    // The internal 413 target of next.config.ts's rewrite is reached only through the rewrite.
    expect(Object.keys(apiRoutes).sort()).toEqual(files.filter((f) => f !== "request-too-large/route.ts").sort());
  });

  test("every API route", async ({ baseURL }) => {
    await fuzz(contexts, baseURL!, fc.oneof(...Object.values(apiRoutes)), runs(150));
  });

  test("every server action", async ({ baseURL }) => {
    expect(actions.length).toBeGreaterThanOrEqual(9);
    await fuzz(contexts, baseURL!, actionRequest(actions), runs(120));
  });

  test("pages with odd segments and callback URLs", async ({ baseURL }) => {
    await fuzz(contexts, baseURL!, pageRequest, runs(40));
  });

});
