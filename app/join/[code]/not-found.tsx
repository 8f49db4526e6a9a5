// The 404 of an invitation link whose code matches no cohort: says so, and offers the form to type a code.
import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function UnknownInvitation() {
  const t = await getT();
  return (
    <div className="max-w-md space-y-3">
      <h1 className="text-2xl font-semibold">{t("cohorts.joinTitle")}</h1>
      <p role="alert" className="text-red-700">{t("cohorts.unknownCode")}</p>
      <Link href="/join" className="text-brand-700 underline">{t("cohorts.enterCode")}</Link>
    </div>
  );
}
