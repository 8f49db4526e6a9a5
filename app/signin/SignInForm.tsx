"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { THROTTLED_ERROR } from "@/lib/auth-errors";

export function SignInForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation so the server-rendered header picks up the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(
      result?.error === "CredentialsSignin"
        ? t("auth.errors.credentials")
        : result?.error === THROTTLED_ERROR
          ? t("auth.errors.tooManyAttempts")
          : t("auth.errors.generic"),
    );
  }

  return (
    // method="post": a click before hydration must never put the password in the URL (a native GET would).
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">{t("auth.email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={initialEmail} className="field-input" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">{t("auth.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="field-input" />
      </div>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <button type="submit" disabled={pending} className="btn-primary w-full">
        {pending ? t("auth.working") : t("auth.submitSignIn")}
      </button>
      <p className="text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">{t("nav.signUp")}</Link>
      </p>
    </form>
  );
}
