import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { STATUS_STYLE, policyLine } from "@/app/_components/assignment-status";
import { loadCatalog, type ExerciseEntry } from "@/exercises/catalog";
import { requireRole } from "@/lib/auth";
import { cohortAccess, cohortProgress, formatJoinCode, listCoInstructors, listManagedCohorts, type AssignmentStatus, type MemberProgress } from "@/lib/cohorts";
import { defaultDueLocal } from "@/lib/cohorts/assignments/core";
import { assignmentTitle } from "@/lib/cohorts/gradebook/load";
import { allows } from "@/lib/cohorts/roster/core";
import { getDb } from "@/lib/db";
import type { Lang } from "@/lib/i18n/core";
import { getLang, getT } from "@/lib/i18n/server";
import { formatDeadline } from "@/lib/time-left";
import { removeAssignmentAction, removeCoInstructorAction, removeMemberAction, restoreAssignmentAction, restoreMemberAction, updateGrantsAction } from "../actions";
import { AssignmentForm } from "./AssignmentForm";
import { assignmentOptions } from "./options";
import { ActionButton, ConfirmRemove } from "./FormBits";
import { GrantBoxes, InviteForm, MoveMemberForm, SettingsForm } from "./RosterForms";

type Params = { params: Promise<{ id: string }> };

const STATUS_ORDER: readonly AssignmentStatus[] = ["overdue", "open", "upcoming", "late", "done"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.title") };
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
  const found = await cohortAccess(db, user, id);
  if (!found) notFound();
  const { cohort, access } = found;
  const can = {
    grades: allows(access, "viewGrades"),
    assignments: allows(access, "manageAssignments"),
    roster: allows(access, "manageRoster"),
    owner: allows(access, "owner"),
  };
  const [t, lang, progress, managed, coInstructors] = await Promise.all([
    getT(),
    getLang(),
    cohortProgress(db, cohort.id),
    listManagedCohorts(db, user),
    can.owner ? listCoInstructors(db, cohort.id) : Promise.resolve([]),
  ]);
  if (!progress) notFound();
  const catalog = new Map(loadCatalog().map((entry) => [entry.meta.slug, entry]));
  const link = can.roster ? await joinLink(cohort.joinCode) : null;
  const { members, assignments, removed } = progress;
  const zone = cohort.timeZone;
  const moveTargets = managed.filter((c) => c.id !== cohort.id && c.grants.manageRoster).map((c) => ({ id: c.id, label: c.name }));
  const options = assignmentOptions(lang);

  return (
    <div className="space-y-10">
      <section className="space-y-3">
        <Link href="/cohorts" className="text-sm text-brand-700 underline">{t("cohorts.backToList")}</Link>
        <h1 className="text-2xl font-semibold">{cohort.name}</h1>
        {access.role === "co-instructor" && <p className="text-sm text-slate-600">{t("cohorts.co.youCoTeach")}</p>}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {link && (
            <>
              <dt className="text-slate-600">{t("cohorts.joinCodeLabel")}</dt>
              <dd className="font-mono text-lg" data-testid="join-code">{formatJoinCode(cohort.joinCode)}</dd>
              <dt className="text-slate-600">{t("cohorts.joinLinkLabel")}</dt>
              <dd className="break-all font-mono">{link}</dd>
            </>
          )}
          <dt className="text-slate-600">{t("cohorts.settings.timeZoneLabel")}</dt>
          <dd data-testid="cohort-time-zone">{zone}</dd>
        </dl>
        {link && <p className="text-sm text-slate-600">{t("cohorts.shareHint")}</p>}
        {can.grades && (
          <nav className="flex gap-4 text-sm" aria-label={t("cohorts.viewsLabel")}>
            <Link href={`/cohorts/${cohort.id}/gradebook`} className="text-brand-700 underline">{t("cohorts.gradebookLink")}</Link>
            <Link href={`/cohorts/${cohort.id}/analytics`} className="text-brand-700 underline">{t("cohorts.analytics.link")}</Link>
          </nav>
        )}
      </section>

      {can.owner && (
        <section className="space-y-3" aria-labelledby="settings-title">
          <h2 id="settings-title" className="text-lg font-semibold">{t("cohorts.settings.title")}</h2>
          <SettingsForm cohortId={cohort.id} name={cohort.name} timeZone={zone} zones={Intl.supportedValuesOf("timeZone")} />
        </section>
      )}

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
                  {can.grades && (
                    <>
                      <th className="px-3 py-2">{t("cohorts.columns.passed")}</th>
                      <th className="px-3 py-2">{t("cohorts.columns.bestScores")}</th>
                      <th className="px-3 py-2">{t("cohorts.columns.misconceptions")}</th>
                    </>
                  )}
                  {can.roster && <th className="px-3 py-2"><span className="sr-only">{t("cohorts.roster.actions")}</span></th>}
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.userId} className="border-t border-slate-100 align-top" data-testid="member-row">
                    <td className="px-3 py-2">
                      <div className="font-medium">{member.name ?? member.email}</div>
                      {member.name && <div className="text-xs text-slate-500">{member.email}</div>}
                    </td>
                    {can.grades && (
                      <>
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
                      </>
                    )}
                    {can.roster && (
                      <td className="space-y-1 px-3 py-2 text-right">
                        <MoveMemberForm cohortId={cohort.id} userId={member.userId} targets={moveTargets} learnerName={member.name ?? member.email} />
                        <ConfirmRemove
                          action={removeMemberAction}
                          fields={{ cohortId: cohort.id, userId: member.userId }}
                          label={t("cohorts.removeMember")}
                          question={t("cohorts.confirm.removeMember", { name: member.name ?? member.email })}
                          confirmLabel={t("cohorts.confirm.remove")}
                        />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {can.roster && removed.members.length > 0 && (
          <div className="rounded border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="removed-members">
            <h3 className="font-medium">{t("cohorts.roster.removedTitle")}</h3>
            <ul className="space-y-1">
              {removed.members.map((m) => (
                <li key={m.userId} className="flex flex-wrap items-center gap-2">
                  <span>{m.name ?? m.email}</span>
                  <ActionButton action={restoreMemberAction} fields={{ cohortId: cohort.id, userId: m.userId }}>
                    {t("cohorts.undo")}
                  </ActionButton>
                </li>
              ))}
            </ul>
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
                  <th className="px-3 py-2">{t("cohorts.columns.assignment")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.due")}</th>
                  <th className="px-3 py-2">{t("cohorts.columns.policy")}</th>
                  {can.grades && (
                    <>
                      <th className="px-3 py-2">{t("cohorts.completion")}</th>
                      <th className="px-3 py-2">{t("cohorts.columns.byStatus")}</th>
                    </>
                  )}
                  {can.assignments && <th className="px-3 py-2"><span className="sr-only">{t("cohorts.roster.actions")}</span></th>}
                </tr>
              </thead>
              <tbody>
                {assignments.map((assignment) => {
                  const done = members.filter((m) => {
                    const status = m.assignments[assignment.id]?.status;
                    return status === "done" || status === "late";
                  }).length;
                  const title = assignmentTitle(assignment, lang);
                  return (
                    <tr key={assignment.id} className="border-t border-slate-100 align-top" data-testid="assignment-row">
                      <td className="px-3 py-2">
                        <div className="font-medium">{title}</div>
                        {assignment.title && assignment.items.length > 0 && (
                          <div className="text-xs text-slate-500">{assignmentTitle({ title: "", items: assignment.items }, lang)}</div>
                        )}
                      </td>
                      <td className="px-3 py-2 tabular-nums">
                        {assignment.dueAt ? formatDeadline(assignment.dueAt, lang, zone) : t("cohorts.noDue")}
                        {assignment.opensAt && <div className="text-xs text-slate-500">{t("cohorts.assignment.opensOn", { date: formatDeadline(assignment.opensAt, lang, zone) })}</div>}
                        {Object.keys(assignment.extensions).length > 0 && (
                          <div className="text-xs text-slate-500">{t("cohorts.extensions.count", { count: Object.keys(assignment.extensions).length })}</div>
                        )}
                      </td>
                      <td className="px-3 py-2 text-xs">
                        {policyLine(t, assignment.policy) || t("cohorts.assignment.policy.none")}
                        {assignment.attemptLimit !== null && <div>{t("cohorts.assignment.attemptLimitShort", { count: assignment.attemptLimit })}</div>}
                      </td>
                      {can.grades && (
                        <>
                          <td className="px-3 py-2 tabular-nums">{t("cohorts.doneCount", { done, total: members.length })}</td>
                          <td className="space-y-1 px-3 py-2">
                            {/* How many learners are in each state; who is where is the gradebook's (it scales to 500 learners). */}
                            <div className="flex flex-wrap gap-1">
                              {STATUS_ORDER.map((status) => {
                                const count = members.filter((m) => (m.assignments[assignment.id]?.status ?? "open") === status).length;
                                return count > 0 ? (
                                  <span key={status} className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[status]}`}>
                                    {t(`cohorts.status.${status}`)}: {count}
                                  </span>
                                ) : null;
                              })}
                            </div>
                            <Link
                              href={`/cohorts/${cohort.id}/gradebook/${assignment.id}`}
                              aria-label={t("cohorts.assignmentGradebookLink", { title })}
                              className="text-xs text-brand-700 underline"
                            >
                              {t("cohorts.gradebookLink")}
                            </Link>
                          </td>
                        </>
                      )}
                      {can.assignments && (
                        <td className="space-y-1 px-3 py-2 text-right">
                          <Link href={`/cohorts/${cohort.id}/assignments/${assignment.id}`} className="block text-xs text-brand-700 underline">
                            {t("cohorts.assignment.edit")}
                          </Link>
                          <ConfirmRemove
                            action={removeAssignmentAction}
                            fields={{ cohortId: cohort.id, assignmentId: assignment.id }}
                            label={t("cohorts.removeAssignment")}
                            question={t("cohorts.confirm.removeAssignment", { title })}
                            confirmLabel={t("cohorts.confirm.remove")}
                          />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {can.assignments && removed.assignments.length > 0 && (
          <div className="rounded border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="removed-assignments">
            <h3 className="font-medium">{t("cohorts.assignment.removedTitle")}</h3>
            <ul className="space-y-1">
              {removed.assignments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <span>{assignmentTitle(a, lang)}</span>
                  <ActionButton action={restoreAssignmentAction} fields={{ cohortId: cohort.id, assignmentId: a.id }}>
                    {t("cohorts.undo")}
                  </ActionButton>
                </li>
              ))}
            </ul>
          </div>
        )}
        {can.assignments && (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-medium">{t("cohorts.assignTitle")}</h3>
            <AssignmentForm
              cohortId={cohort.id}
              exercises={options.exercises}
              topics={options.topics}
              timeZone={zone}
              initial={{ title: "", exercises: "", topics: "", opensAt: "", dueAt: defaultDueLocal(new Date(), zone), latePolicy: "none", penaltyPercent: "10", floorPercent: "50", attemptLimit: "", confirmPast: "" }}
            />
          </div>
        )}
      </section>

      {can.owner && (
        <section className="space-y-3" aria-labelledby="co-title">
          <h2 id="co-title" className="text-lg font-semibold">{t("cohorts.co.title")}</h2>
          <p className="text-sm text-slate-600">{t("cohorts.co.intro")}</p>
          {coInstructors.length > 0 && (
            <ul className="space-y-2">
              {coInstructors.map((c) => (
                <li key={c.userId} className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm" data-testid="co-instructor">
                  <span className="font-medium">{c.name ?? c.email}</span>
                  <span className="text-xs text-slate-600">{c.acceptedAt ? t("cohorts.co.accepted") : t("cohorts.co.pending")}</span>
                  <form action={updateGrantsAction} className="flex flex-wrap items-center gap-3">
                    <input type="hidden" name="cohortId" value={cohort.id} />
                    <input type="hidden" name="userId" value={c.userId} />
                    <GrantBoxes grants={c} />
                    <button type="submit" className="text-xs text-brand-700 underline">{t("cohorts.co.saveGrants")}</button>
                  </form>
                  <ConfirmRemove
                    action={removeCoInstructorAction}
                    fields={{ cohortId: cohort.id, userId: c.userId }}
                    label={t("cohorts.co.remove")}
                    question={t("cohorts.confirm.removeCoInstructor", { name: c.name ?? c.email })}
                    confirmLabel={t("cohorts.confirm.remove")}
                  />
                </li>
              ))}
            </ul>
          )}
          <InviteForm cohortId={cohort.id} />
        </section>
      )}
    </div>
  );
}
