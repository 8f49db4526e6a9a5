// /review: the learner's review session (?topic=<topic id> focuses it on one topic). Loading the page first
// records any graded submission the grading hook missed, and may start the background fit of personal FSRS
// parameters (a detached process: the page never waits for it).
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { getLogger } from "@/lib/observability/log";
import { reconcileGradedSubmissions } from "@/lib/review/exercise-grades";
import { maybeStartBackgroundFit } from "@/lib/review/fit";
import { loadSession } from "@/lib/review/session";
import { ReviewSession } from "./_components/ReviewSession";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("review.title") };
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const topic = typeof params.topic === "string" ? params.topic : null;
  const db = getDb();
  await reconcileGradedSubmissions(db, user.id);
  try {
    maybeStartBackgroundFit(user.id, await db.srsReviewLog.count({ where: { userId: user.id, undone: false } }));
  } catch (error) {
    // A fit that cannot start (e.g. an unwritable data folder) must not cost the learner their session.
    getLogger().error({ err: error, userId: user.id }, "background FSRS fit not started");
  }
  const lang = await getLang();
  const t = await getT(lang);
  const session = await loadSession(db, user.id, { lang, focusTopic: topic });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("review.title")}</h1>
      <ReviewSession key={session.focusTopic ?? "all"} initial={session} />
    </div>
  );
}
