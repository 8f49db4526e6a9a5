"use client";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { savePreferencesAction, type SaveState } from "./actions";

export function PreferencesForm({ dailyNewLimit, desiredRetention, timezone }: { dailyNewLimit: number; desiredRetention: number; timezone: string }) {
  const t = useT();
  const [state, action, pending] = useActionState<SaveState, FormData>(savePreferencesAction, { status: "idle" });
  return (
    <form action={action} className="space-y-4" data-testid="review-preferences">
      <div className="space-y-1">
        <label htmlFor="dailyNewLimit" className="block font-medium">{t("review.settings.dailyNewLimit")}</label>
        <input id="dailyNewLimit" name="dailyNewLimit" type="number" min={0} max={1000} step={1} defaultValue={dailyNewLimit} className="field-input max-w-32" required />
        <p className="text-sm text-slate-600">{t("review.settings.dailyNewLimitHint")}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="desiredRetention" className="block font-medium">{t("review.settings.desiredRetention")}</label>
        <input id="desiredRetention" name="desiredRetention" type="number" min={0.7} max={0.99} step={0.01} defaultValue={desiredRetention} className="field-input max-w-32" required />
        <p className="text-sm text-slate-600">{t("review.settings.desiredRetentionHint")}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="timezone" className="block font-medium">{t("review.settings.timezone")}</label>
        <input id="timezone" name="timezone" type="text" defaultValue={timezone} className="field-input max-w-72" required />
        <p className="text-sm text-slate-600">{t("review.settings.timezoneHint")}</p>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn-primary" disabled={pending}>{t("review.settings.save")}</button>
        {state.status === "saved" && <span role="status" className="text-sm text-emerald-700">{t("review.settings.saved")}</span>}
        {state.status === "invalid" && <span role="alert" className="text-sm text-rose-700">{t("review.settings.invalid", { details: state.details })}</span>}
      </div>
    </form>
  );
}
