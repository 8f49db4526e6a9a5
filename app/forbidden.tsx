import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function Forbidden() {
  const t = await getT();
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{t("errors.forbiddenTitle")}</h1>
      <p className="text-slate-700">{t("errors.forbiddenBody")}</p>
      <Link href="/" className="text-brand-700 underline">{t("errors.backHome")}</Link>
    </div>
  );
}
