// Role × endpoint for cohorts. Two halves:
// 1. Every page, route and server action under app/cohorts and app/api/cohorts is listed below with what it
//    needs (lib/cohorts/roster/core.ts: a grant, "owner", or "any" access to the cohort), and its source asks
//    for exactly that: a new file or action fails here until it is classified.
// 2. For each kind of caller (a learner, even a member; another instructor; an invited co-instructor who has not
//    accepted; a co-instructor with each single grant; the owner; an admin), what findManagedCohort — the one
//    gate all of them call — lets through, on a real database.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, createCohort, findManagedCohort, inviteCoInstructor, joinCohort } from "@/lib/cohorts";
import { GRANTS, type Need } from "@/lib/cohorts/roster/core";
import type { Db, User } from "@/lib/db";
import type { SessionUser } from "@/lib/roles";
import { createTestDb, type TestDb } from "@/tests/helpers/db";

type Gate = Need | "any" | "list" | "self";

/** Pages and routes: file → what it needs. */
const FILES: Record<string, Gate> = {
  "app/cohorts/page.tsx": "list",
  "app/cohorts/[id]/page.tsx": "any",
  "app/cohorts/[id]/assignments/[assignmentId]/page.tsx": "manageAssignments",
  "app/cohorts/[id]/gradebook/page.tsx": "viewGrades",
  "app/cohorts/[id]/gradebook/[assignmentId]/page.tsx": "viewGrades",
  "app/cohorts/[id]/learners/[userId]/page.tsx": "viewGrades",
  "app/cohorts/[id]/submissions/[submissionId]/page.tsx": "viewGrades",
  "app/cohorts/[id]/analytics/page.tsx": "viewGrades",
  "app/api/cohorts/[id]/gradebook.csv/route.ts": "exportGrades",
  "app/api/cohorts/[id]/assignments/[assignmentId]/gradescope.zip/route.ts": "exportGrades",
};

/** Server actions: "<file>#<export>" → what it needs. */
const ACTIONS: Record<string, Gate> = {
  "app/cohorts/actions.ts#createCohortAction": "list",
  "app/cohorts/actions.ts#saveCohortSettingsAction": "owner",
  "app/cohorts/actions.ts#saveAssignmentAction": "manageAssignments",
  "app/cohorts/actions.ts#removeAssignmentAction": "manageAssignments",
  "app/cohorts/actions.ts#restoreAssignmentAction": "manageAssignments",
  "app/cohorts/actions.ts#setExtensionAction": "manageAssignments",
  "app/cohorts/actions.ts#removeExtensionAction": "manageAssignments",
  "app/cohorts/actions.ts#removeMemberAction": "manageRoster",
  "app/cohorts/actions.ts#restoreMemberAction": "manageRoster",
  "app/cohorts/actions.ts#moveMemberAction": "manageRoster",
  "app/cohorts/actions.ts#inviteCoInstructorAction": "owner",
  "app/cohorts/actions.ts#updateGrantsAction": "owner",
  "app/cohorts/actions.ts#removeCoInstructorAction": "owner",
  "app/cohorts/actions.ts#answerInvitationAction": "self",
  "app/cohorts/[id]/analytics/actions.ts#sendFocusedReviewAction": "manageAssignments",
};

const root = process.cwd();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [path.relative(root, full)];
  });
}

/** The code a page or route runs before it shows anything: its own source and the local helper it gates with. */
function gateSource(file: string): string {
  const source = readFileSync(path.join(root, file), "utf8");
  // The gradebook's pages gate through parts.tsx's gradebookCohort().
  return source.includes("gradebookCohort(") ? readFileSync(path.join(root, "app/cohorts/[id]/gradebook/parts.tsx"), "utf8") : source;
}

/** How a gate shows in source: the grant passed to findManagedCohort / managed(), or the whole-cohort checks. */
function asksFor(source: string, gate: Gate): boolean {
  // cohortAccess, then a 404 unless the grant allows: `if (!found || !allows(found.access, "viewGrades")) notFound();`
  if (gate !== "any" && /cohortAccess\(/.test(source) && new RegExp(`!allows\\([^;]*?, "${gate}"\\)\\) notFound\\(\\)`).test(source)) return true;
  switch (gate) {
    case "list":
      return /requireRole\("instructor"\)/.test(source);
    case "any":
      return /cohortAccess\(/.test(source);
    case "self":
      return /requireRole\("instructor"\)/.test(source) && /user\.id\)/.test(source) && !/managed\(/.test(source);
    case "viewGrades":
      // The default need of findManagedCohort.
      return /findManagedCohort\(/.test(source) && !/(?:findManagedCohort|managed)\([^;]*?, "(?!viewGrades)\w+"\)/.test(source);
    default:
      return new RegExp(`(?:findManagedCohort|managed)\\([^;]*?, "${gate}"\\)`).test(source);
  }
}

describe("every cohort page, route and action asks for what it needs", () => {
  it("lists every page and route", () => {
    const files = [...walk(path.join(root, "app/cohorts")), ...walk(path.join(root, "app/api/cohorts"))].filter((f) => /(?:^|\/)(page\.tsx|route\.ts)$/.test(f));
    expect(files.sort()).toEqual(Object.keys(FILES).sort());
  });

  it.each(Object.entries(FILES))("%s needs %s", (file, gate) => {
    expect(asksFor(gateSource(file), gate), `${file} should ask for ${gate}`).toBe(true);
  });

  it("lists every server action", () => {
    const files = [...walk(path.join(root, "app/cohorts"))].filter((f) => f.endsWith("actions.ts"));
    const exported = files.flatMap((file) => [...readFileSync(path.join(root, file), "utf8").matchAll(/export async function (\w+)/g)].map((m) => `${file}#${m[1]}`));
    expect(exported.sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it.each(Object.entries(ACTIONS))("%s needs %s", (key, gate) => {
    const [file, name] = key.split("#") as [string, string];
    const source = readFileSync(path.join(root, file), "utf8");
    const start = source.indexOf(`export async function ${name}(`);
    const next = source.indexOf("\nexport ", start + 1);
    const body = source.slice(start, next === -1 ? undefined : next);
    expect(asksFor(body, gate), `${key} should ask for ${gate}`).toBe(true);
  });
});

describe("who gets through findManagedCohort", () => {
  let t: TestDb;
  let db: Db;
  const callers = new Map<string, SessionUser>();
  let cohortId = "";

  const make = async (email: string, role: string): Promise<User> => db.user.create({ data: { email, role, passwordHash: "x" } });
  const session = (u: User): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role as SessionUser["role"] });

  beforeAll(async () => {
    t = await createTestDb("sqlite");
    db = t.db;
    const owner = await make("owner@access.test", "instructor");
    const created = await createCohort(db, owner.id, { name: "Gated" });
    if (!created.ok) throw new Error("create failed");
    const cohort = created.value;
    cohortId = cohort.id;
    callers.set("owner", session(owner));
    callers.set("admin", session(await make("admin@access.test", "admin")));
    callers.set("other instructor", session(await make("other@access.test", "instructor")));
    const member = await make("member@access.test", "learner");
    await joinCohort(db, member.id, { code: cohort.joinCode });
    callers.set("learner in the cohort", session(member));
    const pending = await make("pending@access.test", "instructor");
    await inviteCoInstructor(db, cohort, { email: pending.email, ...Object.fromEntries(GRANTS.map((g) => [g, "on"])) }, owner.id);
    callers.set("invited, not accepted", session(pending));
    for (const grant of GRANTS) {
      const co = await make(`${grant.toLowerCase()}@access.test`, "instructor");
      await inviteCoInstructor(db, cohort, { email: co.email, [grant]: "on", ...Object.fromEntries(GRANTS.filter((g) => g !== grant).map((g) => [g, ""])) }, owner.id);
      await acceptInvitation(db, cohort.id, co.id);
      callers.set(`co-instructor with ${grant}`, session(co));
    }
  });
  afterAll(async () => {
    await t?.drop();
  });

  const NEEDS: Need[] = [...GRANTS, "owner"];
  const expected: Record<string, Need[]> = {
    owner: NEEDS,
    admin: NEEDS,
    "other instructor": [],
    "learner in the cohort": [],
    "invited, not accepted": [],
    ...Object.fromEntries(GRANTS.map((g) => [`co-instructor with ${g}`, [g]])),
  };

  it.each(Object.entries(expected))("%s may: %j", async (caller, allowed) => {
    const viewer = callers.get(caller)!;
    const got: Need[] = [];
    for (const need of NEEDS) if (await findManagedCohort(db, viewer, cohortId, need)) got.push(need);
    expect(got).toEqual(allowed);
    // Nobody learns anything about a cohort that does not exist.
    expect(await findManagedCohort(db, viewer, "no-such-cohort", "viewGrades")).toBeNull();
  });
});
