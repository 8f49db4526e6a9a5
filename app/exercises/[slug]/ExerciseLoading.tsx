// Shown while the exercise page's server work (draft, history, statement rendering) is in flight. A Suspense
// fallback inside the page rather than a route-level loading.tsx: the page first decides its status (404 for an
// unknown exercise, 307 to sign-in), which a loading boundary above it would have turned into a 200 already sent.
import type { Lang } from "@/lib/i18n";
import { getT } from "@/lib/i18n/server";

export async function ExerciseLoading({ lang }: { lang: Lang }) {
  const t = await getT(lang);
  return (
    <div className="grid animate-pulse gap-6 lg:grid-cols-2" aria-busy="true">
      <p className="sr-only" role="status">
        {t("exercise.loading")}
      </p>
      <div className="h-96 rounded-lg bg-slate-200" />
      <div className="h-96 rounded-lg bg-slate-200" />
    </div>
  );
}
