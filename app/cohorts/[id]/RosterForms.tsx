"use client";
// The cohort page's smaller forms: its settings (name, time zone), a learner's extension, moving a learner to
// another cohort, and inviting a co-instructor with grants.
import { useActionState } from "react";
import { GRANTS } from "@/lib/cohorts/roster/core";
import { useT } from "@/lib/i18n/client";
import {
  inviteCoInstructorAction,
  moveMemberAction,
  saveCohortSettingsAction,
  setExtensionAction,
  type ExtensionState,
  type InviteState,
  type MoveState,
  type SettingsState,
} from "../actions";
import { FieldError } from "./FormBits";
import type { Option } from "./AssignmentForm";

function Saved({ ok, text }: { ok: boolean; text: string }) {
  return ok ? (
    <p role="status" className="text-sm text-green-800">
      {text}
    </p>
  ) : null;
}

export function SettingsForm({ cohortId, name, timeZone, zones }: { cohortId: string; name: string; timeZone: string; zones: string[] }) {
  const t = useT();
  const [state, action, pending] = useActionState(saveCohortSettingsAction, { ok: false, fieldErrors: {}, values: { name, timeZone } } satisfies SettingsState);
  return (
    <form action={action} key={JSON.stringify(state)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="space-y-1">
        <label htmlFor="settings-name" className="block text-sm font-medium">{t("cohorts.nameLabel")}</label>
        <input id="settings-name" name="name" defaultValue={state.values.name} className="field-input" aria-describedby="settings-name-error" />
        <FieldError id="settings-name-error" messageKey={state.fieldErrors.name} />
      </div>
      <div className="space-y-1">
        <label htmlFor="settings-timeZone" className="block text-sm font-medium">{t("cohorts.settings.timeZoneLabel")}</label>
        <input id="settings-timeZone" name="timeZone" list="time-zones" defaultValue={state.values.timeZone} className="field-input" aria-describedby="settings-timeZone-error" />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FieldError id="settings-timeZone-error" messageKey={state.fieldErrors.timeZone} />
      </div>
      <div className="space-y-1">
        <button type="submit" disabled={pending} className="btn-primary">{t("cohorts.settings.save")}</button>
        <Saved ok={state.ok} text={t("cohorts.settings.saved")} />
      </div>
    </form>
  );
}

export function ExtensionForm({ cohortId, assignmentId, learners, defaultDue }: { cohortId: string; assignmentId: string; learners: Option[]; defaultDue: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(setExtensionAction, { ok: false, fieldErrors: {}, values: { userId: "", dueAt: defaultDue, confirmPast: "" } } satisfies ExtensionState);
  return (
    <form action={action} key={JSON.stringify(state)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate data-testid="extension-form">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="space-y-1">
        <label htmlFor="extension-user" className="block text-sm font-medium">{t("cohorts.extensions.learnerLabel")}</label>
        <select id="extension-user" name="userId" defaultValue={state.values.userId} className="field-input" aria-describedby="extension-user-error">
          <option value="">{t("cohorts.extensions.chooseLearner")}</option>
          {learners.map((l) => (
            <option key={l.id} value={l.id}>{l.label}</option>
          ))}
        </select>
        <FieldError id="extension-user-error" messageKey={state.fieldErrors.userId} />
      </div>
      <div className="space-y-1">
        <label htmlFor="extension-due" className="block text-sm font-medium">{t("cohorts.extensions.dueLabel")}</label>
        <input id="extension-due" name="dueAt" type="datetime-local" defaultValue={state.values.dueAt || defaultDue} className="field-input" aria-describedby="extension-due-error" />
        <FieldError id="extension-due-error" messageKey={state.fieldErrors.dueAt} />
        {/* A past time comes back with a question, as on the assignment form: tick it to grant it anyway. */}
        {(state.fieldErrors.dueAt === "cohorts.errors.extensionPast" || state.values.confirmPast === "on") && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirmPast" defaultChecked={state.values.confirmPast === "on"} />
            {t("cohorts.extensions.confirmPast")}
          </label>
        )}
      </div>
      <div className="space-y-1">
        <button type="submit" disabled={pending} className="btn-primary">{t("cohorts.extensions.grant")}</button>
        <Saved ok={state.ok} text={t("cohorts.extensions.granted")} />
      </div>
    </form>
  );
}

export function MoveMemberForm({ cohortId, userId, targets, learnerName }: { cohortId: string; userId: string; targets: Option[]; learnerName: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(moveMemberAction, { ok: false, fieldErrors: {}, values: { toCohortId: "" } } satisfies MoveState);
  if (targets.length === 0) return null;
  const id = `move-${userId}`;
  return (
    <form action={action} key={JSON.stringify(state)} className="flex flex-wrap items-center justify-end gap-1" noValidate>
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">{t("cohorts.roster.moveLabel", { name: learnerName })}</label>
      <select id={id} name="toCohortId" defaultValue="" className="rounded border border-slate-300 px-1 py-0.5 text-xs">
        <option value="">{t("cohorts.roster.moveTo")}</option>
        {targets.map((c) => (
          <option key={c.id} value={c.id}>{c.label}</option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="text-xs text-brand-700 underline">{t("cohorts.roster.move")}</button>
      <FieldError id={`${id}-error`} messageKey={state.fieldErrors.toCohortId} />
    </form>
  );
}

export function InviteForm({ cohortId }: { cohortId: string }) {
  const t = useT();
  const [state, action, pending] = useActionState(inviteCoInstructorAction, { ok: false, fieldErrors: {}, values: { email: "" } } satisfies InviteState);
  return (
    <form action={action} key={JSON.stringify(state)} className="space-y-2" noValidate data-testid="invite-form">
      <input type="hidden" name="cohortId" value={cohortId} />
      <div className="max-w-md space-y-1">
        <label htmlFor="invite-email" className="block text-sm font-medium">{t("cohorts.co.emailLabel")}</label>
        <input id="invite-email" name="email" type="email" defaultValue={state.values.email} className="field-input" aria-describedby="invite-email-error" />
        <FieldError id="invite-email-error" messageKey={state.fieldErrors.email} />
      </div>
      <GrantBoxes grants={{ viewGrades: true, manageAssignments: false, manageRoster: false, exportGrades: false }} />
      <button type="submit" disabled={pending} className="btn-primary">{t("cohorts.co.invite")}</button>
      <Saved ok={state.ok} text={t("cohorts.co.invited")} />
    </form>
  );
}

export function GrantBoxes({ grants }: { grants: Record<(typeof GRANTS)[number], boolean> }) {
  const t = useT();
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
      <legend className="sr-only">{t("cohorts.co.grantsLabel")}</legend>
      {GRANTS.map((g) => (
        <label key={g} className="flex items-center gap-1 text-sm">
          <input type="checkbox" name={g} defaultChecked={grants[g]} />
          {t(`cohorts.co.grant.${g}`)}
        </label>
      ))}
    </fieldset>
  );
}
