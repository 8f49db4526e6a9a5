import Link from "next/link";
import { getTopic } from "@/exercises/topics";
import { getSessionUser } from "@/lib/auth";
import { HomeReviewToday } from "./_components/HomeReviewToday";
import { HomeAssignments } from "./_components/HomeAssignments";
import { hasActivity, hasAttempted, startingExercise } from "@/lib/exercise-view";
import { getLang, getT } from "@/lib/i18n/server";

export default async function HomePage() {
  const [t, lang, user] = await Promise.all([getT(), getLang(), getSessionUser()]);
  const features = [
    { title: t("home.exercisesTitle"), body: t("home.exercisesBody") },
    { title: t("home.reviewTitle"), body: t("home.reviewBody") },
    { title: t("home.cohortsTitle"), body: t("home.cohortsBody") },
  ];
  const first = startingExercise();
  // A learner who has not run anything yet is shown where to start; a visitor, that no account is needed to try.
  const [attempted, active] = user ? await Promise.all([hasAttempted(user.id), hasActivity(user.id)]) : [false, false];
  const newcomer = user !== null && first !== null && !attempted;
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("home.tagline")}</h1>
        {user && <p className="text-slate-600">{t(active ? "home.welcomeBack" : "home.welcome", { name: user.name ?? user.email })}</p>}
        <p className="max-w-3xl text-lg leading-relaxed text-slate-700">{t("home.intro")}</p>
        <div className="flex flex-wrap gap-3">
          <Link href="/exercises" className="btn-primary">
            {t("home.ctaStart")}
          </Link>
          {!user && (
            <Link href="/signup" className="btn-secondary">
              {t("home.ctaSignUp")}
            </Link>
          )}
        </div>
        {!user && first && (
          <p className="max-w-3xl text-slate-700">
            {t("start.guestNote")}{" "}
            <Link href={`/exercises/${first.meta.slug}`} className="text-brand-700 underline underline-offset-2">
              {t("start.guestTry", { title: first.meta.title[lang] })}
            </Link>
          </p>
        )}
      </section>
      {user && <HomeAssignments userId={user.id} />}
      {user && <HomeReviewToday userId={user.id} />}
      {newcomer && first && (
        <section aria-labelledby="start-heading" className="space-y-4 rounded-lg border border-brand-600 bg-brand-50 p-5" data-testid="start-guide">
          <div className="space-y-1">
            <h2 id="start-heading" className="text-xl font-semibold">
              {t("start.title")}
            </h2>
            <p className="text-slate-800">{t("start.intro")}</p>
          </div>
          <ol className="grid list-inside list-decimal gap-4 sm:grid-cols-3">
            <li className="space-y-2 rounded-md bg-white p-4 shadow-sm">
              <h3 className="inline font-semibold">{t("start.firstTitle")}</h3>
              <p className="text-slate-700">{t("start.firstBody", { title: first.meta.title[lang], topic: getTopic(first.meta.topics[0]!).name[lang] })}</p>
              <Link href={`/exercises/${first.meta.slug}`} className="btn-primary">
                {t("start.firstCta", { title: first.meta.title[lang] })}
              </Link>
            </li>
            <li className="space-y-2 rounded-md bg-white p-4 shadow-sm">
              <h3 className="inline font-semibold">{t("start.gradingTitle")}</h3>
              <p className="text-slate-700">{t("start.gradingBody")}</p>
            </li>
            <li className="space-y-2 rounded-md bg-white p-4 shadow-sm">
              <h3 className="inline font-semibold">{t("start.reviewTitle")}</h3>
              <p className="text-slate-700">{t("start.reviewBody")}</p>
              <Link href="/review" className="btn-secondary">
                {t("start.reviewCta")}
              </Link>
            </li>
          </ol>
        </section>
      )}
      <section className="grid gap-4 sm:grid-cols-3">
        {features.map((feature) => (
          <article key={feature.title} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">{feature.title}</h2>
            <p className="text-slate-700">{feature.body}</p>
          </article>
        ))}
      </section>
      <section className="max-w-3xl space-y-2">
        <h2 className="text-lg font-semibold">{t("home.sourcesTitle")}</h2>
        <p className="text-slate-700">{t("home.sourcesBody")}</p>
      </section>
    </div>
  );
}
