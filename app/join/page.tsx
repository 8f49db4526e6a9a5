import type { Metadata } from "next";
import { requireUser } from "@/lib/auth";
import { learnerCohorts } from "@/lib/cohorts";
import { getDb } from "@/lib/db";
import { getLang, getT } from "@/lib/i18n/server";
import { JoinForm } from "./JoinForm";
import { MyCohorts } from "./MyCohorts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("cohorts.joinTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JoinPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, lang, cohorts, params] = await Promise.all([getT(), getLang(), learnerCohorts(getDb(), user.id), searchParams]);
  // ?joined=<cohort id> after joining from an invitation link; shown only for a cohort the user is in.
  const joined = typeof params.joined === "string" ? cohorts.find((c) => c.id === params.joined) : undefined;
  return (
    <div className="space-y-10">
      <section className="max-w-md space-y-3">
        <h1 className="text-2xl font-semibold">{t("cohorts.joinTitle")}</h1>
        {joined && (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
            {t("cohorts.joined", { name: joined.name })}
          </p>
        )}
        <JoinForm />
      </section>
      <section className="space-y-3" aria-labelledby="my-cohorts">
        <h2 id="my-cohorts" className="text-lg font-semibold">{t("cohorts.myCohorts")}</h2>
        <MyCohorts cohorts={cohorts} t={t} lang={lang} />
      </section>
    </div>
  );
}
