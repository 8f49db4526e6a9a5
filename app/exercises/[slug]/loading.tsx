// Shown while the exercise page's server work (draft, history, statement rendering) is in flight.
import { getT } from "@/lib/i18n/server";

export default async function ExerciseLoading() {
  const t = await getT();
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
