// The home page's "Your assignments": what the learner's cohorts assigned and is not done yet, the most
// pressing first, each with its time left and the score that counts so far. Nothing is shown to a learner
// without assignments.
import Link from "next/link";
import { findExercise } from "@/exercises/catalog";
import { getTopic, isTopicId } from "@/exercises/topics";
import { learnerAssignments, learnerCohorts, type LearnerAssignment } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import type { Lang } from "@/lib/i18n/core";
import { getLang, getT } from "@/lib/i18n/server";
import { AssignmentTag } from "./AssignmentTag";

/** Where an assigned item is done, and its name: an exercise's page, or a review session focused on the topic. */
export function assignedItemLink(a: LearnerAssignment, lang: Lang): { href: string; label: string } {
  if (a.exerciseSlug) return { href: `/exercises/${a.exerciseSlug}`, label: findExercise(a.exerciseSlug)?.meta.title[lang] ?? a.exerciseSlug };
  const topic = a.topicId ?? "";
  return { href: `/review?topic=${encodeURIComponent(topic)}`, label: isTopicId(topic) ? getTopic(topic).name[lang] : topic };
}

export async function HomeAssignments({ userId }: { userId: string }) {
  const [t, lang, cohorts] = await Promise.all([getT(), getLang(), learnerCohorts(getDb(), userId)]);
  const all = learnerAssignments(cohorts);
  if (all.length === 0) return null;
  const pending = all.filter((a) => a.status === "open" || a.status === "overdue" || a.status === "upcoming");
  const now = new Date().toISOString();
  return (
    <section aria-labelledby="home-assignments" className="space-y-3" data-testid="home-assignments">
      <h2 id="home-assignments" className="text-lg font-semibold">
        {t("assignments.homeTitle")}
      </h2>
      {pending.length === 0 ? (
        <p className="text-slate-700">{t("assignments.homeAllDone")}</p>
      ) : (
        <ul className="space-y-2">
          {pending.map((a) => {
            const link = assignedItemLink(a, lang);
            return (
              <li key={`${a.assignmentId}/${a.exerciseSlug ?? a.topicId}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
                <Link href={link.href} className="font-medium text-brand-700 underline underline-offset-2">
                  {link.label}
                </Link>
                {a.title && <span className="text-sm text-slate-600">{a.title}</span>}
                <AssignmentTag assignment={a} now={now} />
              </li>
            );
          })}
        </ul>
      )}
      <Link href="/join" className="text-sm text-brand-700 underline underline-offset-2">
        {t("assignments.allLink")}
      </Link>
    </section>
  );
}
