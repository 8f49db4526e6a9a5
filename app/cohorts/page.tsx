import type { Metadata } from "next";
import Link from "next/link";
import { requireRole } from "@/lib/auth";
import { formatJoinCode, listManagedCohorts, pendingInvitations } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { ActionButton } from "./[id]/FormBits";
import { answerInvitationAction } from "./actions";
import { CreateCohortForm } from "./CreateCohortForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.title") };
}

export default async function CohortsPage() {
  const user = await requireRole("instructor");
  const [t, cohorts, invitations] = await Promise.all([getT(), listManagedCohorts(getDb(), user), pendingInvitations(getDb(), user.id)]);
  const showInstructor = user.role === "admin" || cohorts.some((c) => c.role === "co-instructor");
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("cohorts.title")}</h1>
        <p className="text-slate-700">{t("cohorts.intro")}</p>
      </section>

      {invitations.length > 0 && (
        <section className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4" aria-labelledby="invitations" data-testid="invitations">
          <h2 id="invitations" className="font-semibold">{t("cohorts.co.invitationsTitle")}</h2>
          <ul className="space-y-2">
            {invitations.map((inv) => (
              <li key={inv.cohortId} className="flex flex-wrap items-center gap-3 text-sm" data-testid="invitation">
                <span>{t("cohorts.co.invitation", { cohort: inv.cohortName, owner: inv.ownerName })}</span>
                <ActionButton action={answerInvitationAction} fields={{ cohortId: inv.cohortId, answer: "accept" }} className="btn-primary">
                  {t("cohorts.co.accept")}
                </ActionButton>
                <ActionButton action={answerInvitationAction} fields={{ cohortId: inv.cohortId, answer: "decline" }}>
                  {t("cohorts.co.decline")}
                </ActionButton>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-3" aria-labelledby="cohort-list">
        <h2 id="cohort-list" className="text-lg font-semibold">{t("cohorts.yourCohorts")}</h2>
        {cohorts.length === 0 ? (
          <p className="text-slate-600">{t("cohorts.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className="px-3 py-2">{t("cohorts.columns.name")}</th>
                  {showInstructor && <th className="px-3 py-2">{t("cohorts.columns.instructor")}</th>}
                  <th className="px-3 py-2">{t("cohorts.columns.joinCode")}</th>
                  <th className="px-3 py-2 text-right">{t("cohorts.columns.members")}</th>
                  <th className="px-3 py-2 text-right">{t("cohorts.columns.assignments")}</th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map((cohort) => (
                  <tr key={cohort.id} className="border-t border-slate-100">
                    <td className="px-3 py-2">
                      <Link href={`/cohorts/${cohort.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {cohort.name}
                      </Link>
                    </td>
                    {showInstructor && <td className="px-3 py-2">{cohort.instructorName}</td>}
                    <td className="px-3 py-2 font-mono">
                      {cohort.joinCode ? formatJoinCode(cohort.joinCode) : t("cohorts.none")}
                      {cohort.role === "co-instructor" && <span className="ml-2 font-sans text-xs text-slate-600">{t("cohorts.co.badge")}</span>}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{cohort.memberCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{cohort.assignmentCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="max-w-md space-y-3" aria-labelledby="cohort-create">
        <h2 id="cohort-create" className="text-lg font-semibold">{t("cohorts.createTitle")}</h2>
        <CreateCohortForm />
      </section>
    </div>
  );
}
