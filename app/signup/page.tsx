import type { Metadata } from "next";
import { callbackPathForSignedOut } from "@/lib/auth";
import { getT } from "@/lib/i18n/server";
import { SignUpForm } from "./SignUpForm";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = await callbackPathForSignedOut(searchParams);
  const t = await getT();
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <h1 className="text-2xl font-semibold">{t("auth.signUpTitle")}</h1>
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
