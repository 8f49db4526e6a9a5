import Link from "next/link";
import { getSessionUser } from "@/lib/auth";
import { getT } from "@/lib/i18n/server";

export default async function HomePage() {
  const [t, user] = await Promise.all([getT(), getSessionUser()]);
  const features = [
    { title: t("home.exercisesTitle"), body: t("home.exercisesBody") },
    { title: t("home.reviewTitle"), body: t("home.reviewBody") },
    { title: t("home.cohortsTitle"), body: t("home.cohortsBody") },
  ];
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("home.tagline")}</h1>
        {user && <p className="text-slate-600">{t("home.welcomeBack", { name: user.name ?? user.email })}</p>}
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
      </section>
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
