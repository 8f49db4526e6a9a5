"use client";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { savePreferencesAction, type PreferenceField, type SaveState } from "./actions";

export function PreferencesForm({ dailyNewLimit, desiredRetention, timezone }: { dailyNewLimit: number; desiredRetention: number; timezone: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<SaveState, FormData>(savePreferencesAction, { status: "idle" });
  // After a refused save the fields show what the learner typed (React resets a form to its defaults after an
  // action), each wrong one with its message beside it.
  const saved = { dailyNewLimit: String(dailyNewLimit), desiredRetention: String(desiredRetention), timezone };
  const values = state.status === "invalid" ? state.values : saved;
  const errorOf = (field: PreferenceField) => (state.status === "invalid" ? state.fieldErrors[field] : undefined);
  const fieldProps = (field: PreferenceField) => {
    const error = errorOf(field);
    return { id: field, name: field, defaultValue: values[field], "aria-invalid": error ? true : undefined, "aria-describedby": `${field}-hint${error ? ` ${field}-error` : ""}` };
  };
  const fieldError = (field: PreferenceField) => {
    const error = errorOf(field);
    return error ? (
      <p id={`${field}-error`} role="alert" className="text-sm text-rose-700">
        {t(`review.settings.errors.${error}`)}
      </p>
    ) : null;
  };
  return (
    <form action={action} className="space-y-4" data-testid="review-preferences">
      <div className="space-y-1">
        <label htmlFor="dailyNewLimit" className="block font-medium">{t("review.settings.dailyNewLimit")}</label>
        <input {...fieldProps("dailyNewLimit")} type="number" min={0} max={1000} step={1} className="field-input max-w-32" required />
        {fieldError("dailyNewLimit")}
        <p id="dailyNewLimit-hint" className="text-sm text-slate-600">{t("review.settings.dailyNewLimitHint")}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="desiredRetention" className="block font-medium">{t("review.settings.desiredRetention")}</label>
        <input {...fieldProps("desiredRetention")} type="number" min={0.7} max={0.99} step={0.01} className="field-input max-w-32" required />
        {fieldError("desiredRetention")}
        <p id="desiredRetention-hint" className="text-sm text-slate-600">{t("review.settings.desiredRetentionHint")}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="timezone" className="block font-medium">{t("review.settings.timezone")}</label>
        <input {...fieldProps("timezone")} type="text" className="field-input max-w-72" required />
        {fieldError("timezone")}
        <p id="timezone-hint" className="text-sm text-slate-600">{t("review.settings.timezoneHint")}</p>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{t("review.settings.save")}</button>
        {state.status === "saved" && <span role="status" className="text-sm text-emerald-700">{t("review.settings.saved")}</span>}
        {state.status === "invalid" && <span className="text-sm text-rose-700">{t("review.settings.invalid")}</span>}
      </div>
    </form>
  );
}
