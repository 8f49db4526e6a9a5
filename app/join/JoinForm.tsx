"use client";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";
import { joinCohortAction, type JoinState } from "./actions";

export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const t = useT();
  const [state, formAction, pending] = useActionState<JoinState, FormData>(joinCohortAction, {
    ok: false,
    fieldErrors: {},
    values: { code: initialCode },
  });
  const codeError = state.fieldErrors.code;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="space-y-1">
        <label htmlFor="join-code" className="block text-sm font-medium">{t("cohorts.codeLabel")}</label>
        <input
          key={JSON.stringify(state)}
          id="join-code"
          name="code"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          defaultValue={state.values.code}
          aria-invalid={Boolean(codeError)}
          aria-describedby={codeError ? "join-code-error" : "join-code-hint"}
          className="field-input font-mono uppercase"
        />
        <p id="join-code-hint" className="text-xs text-slate-500">{t("cohorts.codeHint")}</p>
        {codeError && (
          <p id="join-code-error" role="alert" className="text-sm text-red-700">
            {translateDynamic(t, codeError, "cohorts.errors.generic")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="btn-primary">
        {pending ? t("auth.working") : t("cohorts.joinSubmit")}
      </button>
      {state.joined && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800">
          {t(state.joined.alreadyMember ? "cohorts.alreadyMember" : "cohorts.joined", { name: state.joined.name })}
        </p>
      )}
    </form>
  );
}
