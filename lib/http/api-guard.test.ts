// The submission routes skip proxy.ts and refuse bad requests themselves: the same refusals, from the same
// functions, as a route behind the proxy.
import { describe, expect, it } from "vitest";
import { guardedRoute, proxyRefusal, requestRefusal } from "./api-guard";
import { bodyLimitFor } from "./limits";

const site = "http://lacuna.test";
const submission = JSON.stringify({ slug: "sigmoid", source: "export {}", kind: "run" });
const sameOrigin = { host: "lacuna.test", origin: site, "content-type": "application/json" };

describe("guardedRoute", () => {
  const handled: string[] = [];
  const route = guardedRoute(async (request: Request) => {
    handled.push(request.method);
    return Response.json({ id: "s1", status: "queued" }, { status: 202 });
  });

  it("passes a same-origin JSON submission to the handler, with the request's x-request-id on the answer", async () => {
    const response = await route(new Request(`${site}/api/submissions`, { method: "POST", headers: { ...sameOrigin, "x-request-id": "req-7" }, body: submission }));
    expect(response.status).toBe(202);
    expect(response.headers.get("x-request-id")).toBe("req-7");
    expect(handled).toEqual(["POST"]);
  });

  it("refuses, before the handler runs, what the proxy refuses: another origin, a form body, no origin at all, a declared body over the limit", async () => {
    handled.length = 0;
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...sameOrigin, origin: "http://evil.test" }, 403, /cross-origin request refused: Origin http:\/\/evil.test/],
      [{ ...sameOrigin, "content-type": "text/plain" }, 415, /unsupported content type "text\/plain": this request expects application\/json/],
      [{ host: "lacuna.test", "content-type": "application/json" }, 403, /must carry an Origin header/],
      [{ ...sameOrigin, "content-length": String(bodyLimitFor("/api/submissions") + 1) }, 413, /./],
      [{ ...sameOrigin, "content-length": "12abc" }, 400, /./],
    ];
    for (const [headers, status, error] of cases) {
      const request = new Request(`${site}/api/submissions`, { method: "POST", headers, body: submission });
      const response = await route(request);
      expect(response.status, JSON.stringify(headers)).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(error);
    }
    expect(handled).toEqual([]);
  });

  it("lets a read from anywhere through (GET is safe), and refuses a path that does not percent-decode", async () => {
    expect((await route(new Request(`${site}/api/submissions?slug=sigmoid`, { headers: { host: "lacuna.test" } }))).status).toBe(202);
    expect(proxyRefusal(new Request(`${site}/api/submissions/%E0%A4%A`))?.status).toBe(400);
  });
});

describe("requestRefusal", () => {
  it("is what proxy.ts answers for a page form from another origin", () => {
    const refusal = requestRefusal({ method: "POST", pathname: "/signup", headers: new Headers({ host: "lacuna.test", origin: "http://evil.test", "content-type": "application/x-www-form-urlencoded" }) });
    expect(refusal?.status).toBe(403);
  });
});
