"use client";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";
import { addAssignmentAction, type AssignState } from "../actions";

const INITIAL: AssignState = { ok: false, fieldErrors: {}, values: { exerciseSlug: "", dueDate: "" } };

export interface ExerciseOption {
  slug: string;
  title: string;
}

export function AssignForm({ cohortId, exercises }: { cohortId: string; exercises: ExerciseOption[] }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(addAssignmentAction, INITIAL);
  const error = (field: "exerciseSlug" | "dueDate") => {
    const key = state.fieldErrors[field];
    return key ? (
      <p id={`${field}-error`} role="alert" className="text-sm text-red-700">
        {translateDynamic(t, key, "cohorts.errors.generic")}
      </p>
    ) : null;
  };
  // Remounting on each change of the returned state shows the server's values (cleared after success).
  const formKey = JSON.stringify(state);
  return (
    <form action={formAction} key={formKey} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-start" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="space-y-1">
        <label htmlFor="exerciseSlug" className="block text-sm font-medium">{t("cohorts.exerciseLabel")}</label>
        <select
          id="exerciseSlug"
          name="exerciseSlug"
          defaultValue={state.values.exerciseSlug}
          aria-invalid={Boolean(state.fieldErrors.exerciseSlug)}
          aria-describedby={state.fieldErrors.exerciseSlug ? "exerciseSlug-error" : undefined}
          className="field-input"
        >
          <option value="">{t("cohorts.chooseExercise")}</option>
          {exercises.map((exercise) => (
            <option key={exercise.slug} value={exercise.slug}>
              {exercise.title}
            </option>
          ))}
        </select>
        {error("exerciseSlug")}
      </div>
      <div className="space-y-1">
        <label htmlFor="dueDate" className="block text-sm font-medium">{t("cohorts.dueLabel")}</label>
        <input
          id="dueDate"
          name="dueDate"
          type="date"
          defaultValue={state.values.dueDate}
          aria-invalid={Boolean(state.fieldErrors.dueDate)}
          aria-describedby={state.fieldErrors.dueDate ? "dueDate-error" : undefined}
          className="field-input"
        />
        {error("dueDate")}
      </div>
      <div className="space-y-1 sm:pt-6">
        <button type="submit" disabled={pending} className="btn-primary">
          {pending ? t("auth.working") : t("cohorts.assignSubmit")}
        </button>
        {state.ok && <p role="status" className="text-sm text-green-800">{t("cohorts.assigned")}</p>}
      </div>
    </form>
  );
}
