// Request-level helpers for specs that talk HTTP to the running app without a browser (Playwright's `request`):
//
//   const learner = await signedInRequest(playwright, baseURL, DEMO.learner);   // an APIRequestContext with the session cookie
//   const actions = serverActions();          // every server action of the build: { key: "<file>#<export>", id, page }
//   sameOrigin(baseURL)                       // the headers a page of this site sends with a state-changing request
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import type { Credentials } from "./auth";

const repoRoot = path.resolve(import.meta.dirname, "..", "..", "..");

export interface ServerActionInfo {
  /** "<file>#<export>", as lib/actions/schemas.ts names it. */
  key: string;
  /** The id Next gave the action in this build (the Next-Action header). */
  id: string;
  /** A page that can run it ("/cohorts/x" for app/cohorts/[id]/page). */
  page: string;
}

/** The actions of the build the e2e server runs (the same build folder: LACUNA_NEXT_DIST_DIR, else .next). */
export function serverActions(): ServerActionInfo[] {
  const distDir = process.env.LACUNA_NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => !w.includes("_not-found")) ?? "app/page";
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\[[^\]]+\]/g, "x") || "/";
    return { key: `${entry.filename}#${entry.exportedName}`, id, page };
  });
}

export function serverAction(key: string): ServerActionInfo {
  const action = serverActions().find((a) => a.key === key);
  if (!action) throw new Error(`no server action ${key} in the build`);
  return action;
}

/** The Origin a page of this site sends (the CSRF check in proxy.ts refuses state-changing requests without it). */
export function sameOrigin(baseURL: string): Record<string, string> {
  return { origin: new URL(baseURL).origin };
}

/**
 * A request context signed in through next-auth's credentials endpoint, as the sign-in form does. Generous
 * limits: checking a password hash takes seconds on a loaded 2-core machine.
 */
export async function signedInRequest(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, account: Credentials): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL, timeout: 90_000 });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    headers: sameOrigin(baseURL),
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBeLessThan(400);
  const session = (await (await context.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(account.email);
  return context;
}
