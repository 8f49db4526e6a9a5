import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { formatJoinCode, joinCodeSchema, previewJoin } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import { getT } from "@/lib/i18n/server";
import { joinFromInviteAction } from "../actions";

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.joinTitle") };
}

// Opening the link never joins by itself (a GET must not change anything): it shows the cohort and a
// Join button; joining lands on /join with a confirmation.
export default async function JoinWithCodePage({ params }: Params) {
  // Next has already percent-decoded the segment (decoding it again would throw on a code containing "%").
  const { code } = await params;
  const user = await requireUser();
  const [t, preview] = await Promise.all([getT(), previewJoin(getDb(), user.id, code)]);
  const normalized = joinCodeSchema.safeParse(code);

  // An invitation that does not exist (or no longer works) is a real 404, shown by ./not-found.tsx.
  if (!preview) notFound();
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">{t("cohorts.inviteTitle", { name: preview.name })}</h1>
      <p className="text-slate-700">{t("cohorts.instructorIs", { name: preview.instructorName })}</p>
      {preview.ownCohort ? (
        <p className="text-slate-700">{t("cohorts.ownCohortNote")}</p>
      ) : preview.alreadyMember ? (
        <p role="status" className="text-slate-700">{t("cohorts.alreadyMember", { name: preview.name })}</p>
      ) : (
        <form action={joinFromInviteAction}>
          <input type="hidden" name="code" value={normalized.success ? normalized.data : code} />
          <p className="mb-3 font-mono text-slate-700">{t("cohorts.codeLabel")}: {normalized.success ? formatJoinCode(normalized.data) : code}</p>
          <button type="submit" className="btn-primary">{t("cohorts.joinSubmit")}</button>
        </form>
      )}
      <Link href="/join" className="text-sm text-brand-700 underline">{t("cohorts.myCohorts")}</Link>
    </div>
  );
}
