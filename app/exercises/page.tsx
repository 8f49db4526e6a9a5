// /exercises: every exercise grouped along the topic map (the notes' order), with the learner's status and
// best score; filtering and search happen in the browser (the whole catalogue is a few dozen items).
import type { Metadata } from "next";
import Link from "next/link";
import { topics } from "@/exercises/topics";
import { getSessionUser } from "@/lib/auth";
import { exerciseCards } from "@/lib/exercise-view";
import { getT } from "@/lib/i18n/server";
import { ExerciseBrowser } from "./ExerciseBrowser";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("exercises.title"), description: t("exercises.intro") };
}

export default async function ExercisesPage() {
  const [user, t] = await Promise.all([getSessionUser(), getT()]);
  const cards = await exerciseCards(user?.id ?? null);
  const usedTopics = topics.filter((topic) => cards.some((card) => card.topics.includes(topic.id))).map((topic) => ({ id: topic.id, name: topic.name }));
  const passed = cards.filter((c) => c.status === "passed").length;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("exercises.title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("exercises.intro")}</p>
        {user ? (
          <p className="text-sm text-slate-700" data-testid="exercises-summary">
            {t("exercises.summary", { passed, total: cards.length })}{" "}
            <Link href="/progress" className="text-brand-700 underline underline-offset-2">
              {t("exercises.seeProgress")}
            </Link>
          </p>
        ) : (
          <p className="text-sm text-slate-700">
            <Link href="/signin?callbackUrl=%2Fexercises" className="text-brand-700 underline underline-offset-2">
              {t("exercises.signInToTrack")}
            </Link>
          </p>
        )}
      </header>
      <ExerciseBrowser cards={cards} topics={usedTopics} now={new Date().toISOString()} />
    </div>
  );
}
