import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/roles";
import { getT } from "@/lib/i18n/server";
import { SignInForm } from "./SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getT();
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">{t("auth.signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm text-slate-500">{t("auth.demoHint")}</p>
    </div>
  );
}
