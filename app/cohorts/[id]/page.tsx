import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import { requireRole } from "@/lib/auth";
import { cohortProgress, findManagedCohort, formatJoinCode, type AssignmentStatus, type MemberProgress } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import type { Lang } from "@/lib/i18n/core";
import { getLang, getT } from "@/lib/i18n/server";
import { removeAssignmentAction, removeMemberAction } from "../actions";
import { AssignForm } from "./AssignForm";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.title") };
}

const STATUS_STYLE: Record<AssignmentStatus, string> = {
  done: "bg-green-100 text-green-800",
  late: "bg-amber-100 text-amber-800",
  open: "bg-slate-100 text-slate-700",
  overdue: "bg-red-100 text-red-800",
};

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** The join link as the visitor reached this server (so it works behind whatever host name they used). */
async function joinLink(code: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}/join/${formatJoinCode(code)}`;
}

function exerciseTitle(catalog: Map<string, ExerciseEntry>, slug: string, lang: Lang): string {
  return catalog.get(slug)?.meta.title[lang] ?? slug;
}

/** The catalog's title for a misconception in the viewer's language; the report's own title otherwise. */
function misconceptionTitle(catalog: Map<string, ExerciseEntry>, m: MemberProgress["misconceptions"][number], lang: Lang): string {
  return catalog.get(m.exerciseSlug)?.meta.misconceptions.find((known) => known.id === m.misconceptionId)?.title[lang] ?? m.title;
}

export default async function CohortPage({ params }: Params) {
  const { id } = await params;
  const user = await requireRole("instructor");
  const db = getDb();
  const cohort = await findManagedCohort(db, user, id);
  if (!cohort) notFound();
  const [t, lang, progress] = await Promise.all([getT(), getLang(), cohortProgress(db, cohort.id)]);
  if (!progress) notFound();
  const catalog = new Map(loadCatalog().map((entry) => [entry.meta.slug, entry]));
  const exerciseOptions = [...catalog.values()].map((entry) => ({ slug: entry.meta.slug, title: entry.meta.title[lang] }));
  const link = await joinLink(cohort.joinCode);
  const { members, assignments } = progress;

  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <Link href="/cohorts" className="text-sm text-brand-700 underline">{t("cohorts.backToList")}</Link>
        <h1 className="text-2xl font-semibold">{cohort.name}</h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("cohorts.joinCodeLabel")}</dt>
          <dd className="font-mono text-lg" data-testid="join-code">{formatJoinCode(cohort.joinCode)}</dd>
          <dt className="text-slate-600">{t("cohorts.joinLinkLabel")}</dt>
          <dd className="break-all font-mono">{link}</dd>
        </dl>
        <p className="text-sm text-slate-600">{t("cohorts.shareHint")}</p>
      </section>

      <section className="space-y-3" aria-labelledby="members-title">
        <h2 id="members-title" className="text-lg font-semibold">{t("cohorts.membersTitle")}</h2>
        {members.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.noMembers")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" aria-labelledby="members-title">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className="px-3 py-2">{t("cohorts.columns.learner")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.passed")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.bestScores")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.misconceptions")}</th>
                  <th className="px-3 py-2"><span className="sr-only">{t("cohorts.removeMember")}</span></th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.userId} className="border-t border-slate-100 align-top" data-testid="member-row">
                    <td className="px-3 py-2">
                      <div className="font-medium">{member.name ?? member.email}</div>
                      {member.name && <div className="text-xs text-slate-500">{member.email}</div>}
                    </td>
                    <td className="px-3 py-2 tabular-nums">
                      {t("cohorts.passedOfAttempted", { passed: member.exercisesPassed, attempted: member.exercisesAttempted })}
                    </td>
                    <td className="px-3 py-2">
                      {member.exercises.length === 0 ? (
                        t("cohorts.none")
                      ) : (
                        <ul className="space-y-0.5">
                          {member.exercises.map((e) => (
                            <li key={e.exerciseSlug}>
                              {exerciseTitle(catalog, e.exerciseSlug, lang)}: <span className="tabular-nums">{percent(e.bestScore)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {member.misconceptions.length === 0 ? (
                        t("cohorts.none")
                      ) : (
                        <ul className="space-y-0.5">
                          {member.misconceptions.map((m) => (
                            <li key={`${m.exerciseSlug}/${m.misconceptionId}`}>
                              {misconceptionTitle(catalog, m, lang)}{" "}
                              <span className="text-slate-500">
                                ({exerciseTitle(catalog, m.exerciseSlug, lang)}, {t("cohorts.timesNamed", { count: m.count })})
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                      {member.unreadableReports > 0 && (
                        <p className="text-xs text-amber-700">{t("cohorts.unreadableReports", { count: member.unreadableReports })}</p>
                      )}
                    </td>
                    <td className="px-3 py-2 text-right">
                      <form action={removeMemberAction}>
                        <input type="hidden" name="cohortId" value={cohort.id} />
                        <input type="hidden" name="userId" value={member.userId} />
                        <button type="submit" className="text-xs text-red-700 underline-offset-2 hover:underline">
                          {t("cohorts.removeMember")}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="space-y-4" aria-labelledby="assignments-title">
        <h2 id="assignments-title" className="text-lg font-semibold">{t("cohorts.assignmentsTitle")}</h2>
        {assignments.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.noAssignments")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" aria-labelledby="assignments-title">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className="px-3 py-2">{t("cohorts.columns.exercise")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.due")}</th>
                  <th className="px-3 py-2">{t("cohorts.completion")}</th>
                  {members.map((member) => (
                    <th key={member.userId} className="px-3 py-2 font-normal">{member.name ?? member.email}</th>
                  ))}
                  <th className="px-3 py-2"><span className="sr-only">{t("cohorts.removeAssignment")}</span></th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((assignment) => {
                  const done = members.filter((m) => {
                    const status = m.assignments[assignment.id];
                    return status === "done" || status === "late";
                  }).length;
                  return (
                    <tr key={assignment.id} className="border-t border-slate-100" data-testid="assignment-row">
                      <td className="px-3 py-2 font-medium">{exerciseTitle(catalog, assignment.exerciseSlug, lang)}</td>
                      <td className="px-3 py-2 tabular-nums">{assignment.dueAt ? day(assignment.dueAt) : t("cohorts.noDue")}</td>
                      <td className="px-3 py-2 tabular-nums">{t("cohorts.doneCount", { done, total: members.length })}</td>
                      {members.map((member) => {
                        const status = member.assignments[assignment.id] ?? "open";
                        return (
                          <td key={member.userId} className="px-3 py-2">
                            <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[status]}`}>{t(`cohorts.status.${status}`)}</span>
                          </td>
                        );
                      })}
                      <td className="px-3 py-2 text-right">
                        <form action={removeAssignmentAction}>
                          <input type="hidden" name="cohortId" value={cohort.id} />
                          <input type="hidden" name="assignmentId" value={assignment.id} />
                          <button type="submit" className="text-xs text-red-700 underline-offset-2 hover:underline">
                            {t("cohorts.removeAssignment")}
                          </button>
                        </form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-medium">{t("cohorts.assignTitle")}</h3>
          <AssignForm cohortId={cohort.id} exercises={exerciseOptions} />
        </div>
      </section>
    </div>
  );
}
