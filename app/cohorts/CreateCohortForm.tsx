"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";
import { createCohortAction, type CreateCohortState } from "./actions";

const INITIAL: CreateCohortState = { ok: false, fieldErrors: {}, values: { name: "" } };

export function CreateCohortForm() {
  const t = useT();
  const [state, formAction, pending] = useActionState(createCohortAction, INITIAL);
  const nameError = state.fieldErrors.name;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <div className="space-y-1">
        <label htmlFor="cohort-name" className="block text-sm font-medium">{t("cohorts.nameLabel")}</label>
        <input
          // A new key after each success clears the field for the next cohort.
          key={state.created?.id ?? "new"}
          id="cohort-name"
          name="name"
          type="text"
          maxLength={200}
          defaultValue={state.values.name}
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? "cohort-name-error" : undefined}
          className="field-input"
        />
        {nameError && (
          <p id="cohort-name-error" role="alert" className="text-sm text-red-700">
            {translateDynamic(t, nameError, "cohorts.errors.generic")}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="btn-primary">
        {pending ? t("auth.working") : t("cohorts.createSubmit")}
      </button>
      {state.created && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="cohort-created">
          {t("cohorts.created", { name: state.created.name, code: state.created.joinCode })}{" "}
          <Link href={`/cohorts/${state.created.id}`} className="underline">{t("cohorts.goToCohort")}</Link>
        </p>
      )}
    </form>
  );
}
