"use client";
// Create or edit an assignment: a title, exercises and flashcard topics (ticked in lists; sent as one field
// each), open and due times in the cohort's time zone, the late policy and an attempt limit. A due time in the
// past comes back with a question: tick "yes, it is in the past" to keep it.
import { useActionState, useMemo, useState } from "react";
import type { AssignmentField, AssignmentFormValues } from "@/lib/cohorts/assignments/fields";
import { useT } from "@/lib/i18n/client";
import { saveAssignmentAction, type AssignmentState } from "../actions";
import { FieldError } from "./FormBits";

export interface Option {
  id: string;
  label: string;
}

const EMPTY: AssignmentFormValues = {
  title: "",
  exercises: "",
  topics: "",
  opensAt: "",
  dueAt: "",
  latePolicy: "none",
  penaltyPercent: "10",
  floorPercent: "50",
  attemptLimit: "",
  confirmPast: "",
};

function split(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

function Picker({ name, legend, options, selected, onChange, filterLabel }: { name: string; legend: string; options: Option[]; selected: string[]; onChange: (ids: string[]) => void; filterLabel: string }) {
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => options.filter((o) => o.label.toLowerCase().includes(filter.trim().toLowerCase())), [options, filter]);
  return (
    <fieldset className="space-y-1" aria-describedby={`${name}-error`}>
      <legend className="text-sm font-medium">{legend}</legend>
      <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={filterLabel} placeholder={filterLabel} className="field-input text-sm" />
      <div className="max-h-48 overflow-y-auto rounded border border-slate-200 p-2">
        {shown.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(o.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((id) => id !== o.id))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AssignmentForm({
  cohortId,
  assignmentId,
  initial,
  exercises,
  topics,
  timeZone,
}: {
  cohortId: string;
  assignmentId?: string;
  initial?: AssignmentFormValues;
  exercises: Option[];
  topics: Option[];
  timeZone: string;
}) {
  const t = useT();
  const start: AssignmentState = { ok: false, fieldErrors: {}, values: initial ?? EMPTY };
  const [state, formAction, pending] = useActionState(saveAssignmentAction, start);
  // A new assignment's form is emptied after a save; an edited one keeps what was saved.
  const values = state.ok && !assignmentId ? EMPTY : state.values;
  const formKey = JSON.stringify(state);
  return (
    <form action={formAction} key={formKey} className="space-y-4" noValidate data-testid="assignment-form">
      <Fields cohortId={cohortId} assignmentId={assignmentId} values={values} errors={state.fieldErrors} exercises={exercises} topics={topics} timeZone={timeZone} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="btn-primary">
          {pending ? t("auth.working") : t(assignmentId ? "cohorts.assignment.save" : "cohorts.assignment.create")}
        </button>
        {state.ok && (
          <p role="status" className="text-sm text-green-800">
            {t(assignmentId ? "cohorts.assignment.saved" : "cohorts.assignment.created")}
          </p>
        )}
      </div>
    </form>
  );
}

function Fields({
  cohortId,
  assignmentId,
  values,
  errors,
  exercises,
  topics,
  timeZone,
}: {
  cohortId: string;
  assignmentId?: string;
  values: AssignmentFormValues;
  errors: Partial<Record<AssignmentField, string>>;
  exercises: Option[];
  topics: Option[];
  timeZone: string;
}) {
  const t = useT();
  const [chosenExercises, setExercises] = useState(split(values.exercises));
  const [chosenTopics, setTopics] = useState(split(values.topics));
  const [policy, setPolicy] = useState(values.latePolicy || "none");
  const input = (name: AssignmentField, type: string, extra: Record<string, string> = {}) => (
    <input
      id={`assignment-${name}`}
      name={name}
      type={type}
      defaultValue={values[name]}
      aria-invalid={Boolean(errors[name])}
      aria-describedby={errors[name] ? `${name}-error` : undefined}
      className="field-input"
      {...extra}
    />
  );
  return (
    <>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId ?? ""} />
      <input type="hidden" name="exercises" value={chosenExercises.join(",")} />
      <input type="hidden" name="topics" value={chosenTopics.join(",")} />
      <div className="space-y-1">
        <label htmlFor="assignment-title" className="block text-sm font-medium">{t("cohorts.assignment.titleLabel")}</label>
        {input("title", "text", { placeholder: t("cohorts.assignment.titlePlaceholder") })}
        <FieldError id="title-error" messageKey={errors.title} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <Picker name="exercises" legend={t("cohorts.assignment.exercisesLabel")} options={exercises} selected={chosenExercises} onChange={setExercises} filterLabel={t("cohorts.assignment.filterExercises")} />
          <FieldError id="exercises-error" messageKey={errors.exercises} />
        </div>
        <div>
          <Picker name="topics" legend={t("cohorts.assignment.topicsLabel")} options={topics} selected={chosenTopics} onChange={setTopics} filterLabel={t("cohorts.assignment.filterTopics")} />
          <FieldError id="topics-error" messageKey={errors.topics} />
        </div>
      </div>
      <p className="text-xs text-slate-600">{t("cohorts.assignment.timesIn", { zone: timeZone })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="assignment-opensAt" className="block text-sm font-medium">{t("cohorts.assignment.opensLabel")}</label>
          {input("opensAt", "datetime-local", { "aria-describedby": errors.opensAt ? "opensAt-hint opensAt-error" : "opensAt-hint" })}
          <p id="opensAt-hint" className="text-xs text-slate-600">{t("cohorts.assignment.opensHint")}</p>
          <FieldError id="opensAt-error" messageKey={errors.opensAt} />
        </div>
        <div className="space-y-1">
          <label htmlFor="assignment-dueAt" className="block text-sm font-medium">{t("cohorts.assignment.dueLabel")}</label>
          {input("dueAt", "datetime-local")}
          <FieldError id="dueAt-error" messageKey={errors.dueAt} />
          {(errors.dueAt === "cohorts.errors.duePast" || values.confirmPast === "on") && (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirmPast" defaultChecked={values.confirmPast === "on"} />
              {t("cohorts.assignment.confirmPast")}
            </label>
          )}
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("cohorts.assignment.policyLabel")}</legend>
        {(["none", "per-day", "hard"] as const).map((kind) => (
          <label key={kind} className="flex items-center gap-2 text-sm">
            <input type="radio" name="latePolicy" value={kind} checked={policy === kind} onChange={() => setPolicy(kind)} />
            {t(`cohorts.assignment.policy.${kind}`)}
          </label>
        ))}
        <FieldError id="latePolicy-error" messageKey={errors.latePolicy} />
        {policy === "per-day" && (
          <div className="grid gap-4 pl-6 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor="assignment-penaltyPercent" className="block text-sm">{t("cohorts.assignment.penaltyLabel")}</label>
              {input("penaltyPercent", "number", { min: "0", max: "100", step: "any" })}
              <FieldError id="penaltyPercent-error" messageKey={errors.penaltyPercent} />
            </div>
            <div className="space-y-1">
              <label htmlFor="assignment-floorPercent" className="block text-sm">{t("cohorts.assignment.floorLabel")}</label>
              {input("floorPercent", "number", { min: "0", max: "100", step: "any" })}
              <FieldError id="floorPercent-error" messageKey={errors.floorPercent} />
            </div>
          </div>
        )}
      </fieldset>
      <div className="max-w-xs space-y-1">
        <label htmlFor="assignment-attemptLimit" className="block text-sm font-medium">{t("cohorts.assignment.attemptLimitLabel")}</label>
        {input("attemptLimit", "number", { min: "1", step: "1" })}
        <FieldError id="attemptLimit-error" messageKey={errors.attemptLimit} />
      </div>
    </>
  );
}
