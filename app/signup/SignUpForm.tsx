"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";
import { signUpAction, type SignUpState } from "./actions";

const INITIAL: SignUpState = { ok: false, fieldErrors: {}, values: { email: "", name: "" } };

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(signUpAction, INITIAL);
  // React resets the form after the action runs, so the password is kept from the submit event to sign in.
  const submittedPassword = useRef("");
  const [signInFailed, setSignInFailed] = useState(false);

  // Account created: sign straight in with the same credentials, then go where the visitor was heading.
  useEffect(() => {
    if (!state.ok) return;
    void signIn("credentials", { email: state.values.email, password: submittedPassword.current, redirect: false }).then((result) => {
      if (result?.ok && !result.error) window.location.assign(callbackUrl);
      else setSignInFailed(true);
    });
  }, [state, callbackUrl]);

  const fieldError = (field: "email" | "name" | "password") => {
    const key = state.fieldErrors[field];
    return key ? (
      <p id={`${field}-error`} role="alert" className="text-sm text-red-700">
        {translateDynamic(t, key, "auth.errors.generic")}
      </p>
    ) : null;
  };

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        submittedPassword.current = String(new FormData(event.currentTarget).get("password") ?? "");
      }}
      className="space-y-4"
      noValidate
    >
      <div className="space-y-1">
        <label htmlFor="email" className="block text-sm font-medium">{t("auth.email")}</label>
        <input id="email" name="email" type="email" autoComplete="email" defaultValue={state.values.email} aria-invalid={Boolean(state.fieldErrors.email)} aria-describedby={state.fieldErrors.email ? "email-error" : undefined} className="field-input" />
        {fieldError("email")}
      </div>
      <div className="space-y-1">
        <label htmlFor="name" className="block text-sm font-medium">{t("auth.name")}</label>
        <input id="name" name="name" type="text" autoComplete="name" defaultValue={state.values.name} aria-invalid={Boolean(state.fieldErrors.name)} className="field-input" />
        {fieldError("name")}
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block text-sm font-medium">{t("auth.password")}</label>
        <input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(state.fieldErrors.password)} aria-describedby="password-hint" className="field-input" />
        <p id="password-hint" className="text-xs text-slate-500">{t("auth.passwordHint")}</p>
        {fieldError("password")}
      </div>
      {signInFailed && <p role="alert" className="text-sm text-red-700">{t("auth.errors.generic")}</p>}
      <button type="submit" disabled={pending || state.ok} className="btn-primary w-full">
        {pending || state.ok ? t("auth.working") : t("auth.submitSignUp")}
      </button>
      <p className="text-sm text-slate-600">
        {t("auth.haveAccount")}{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-brand-700 underline">{t("nav.signIn")}</Link>
      </p>
    </form>
  );
}
