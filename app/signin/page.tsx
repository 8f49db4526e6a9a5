import type { Metadata } from "next";
import { callbackPathForSignedOut } from "@/lib/auth";
import { getT } from "@/lib/i18n/server";
import { SignInForm } from "./SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = await callbackPathForSignedOut(searchParams);
  const t = await getT();
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">{t("auth.signInTitle")}</h1>
      <SignInForm callbackUrl={callbackUrl} />
      <p className="text-sm text-slate-500">{t("auth.demoHint")}</p>
    </div>
  );
}
