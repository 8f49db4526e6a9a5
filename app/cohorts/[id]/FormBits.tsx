"use client";
// Small pieces the cohort forms share: a field's error (translated from its message key) and a removal that
// asks first ("Remove …? Yes, remove / Cancel") instead of acting on the first click.
import { useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";

export function FieldError({ id, messageKey }: { id: string; messageKey: string | undefined }) {
  const t = useT();
  if (!messageKey) return null;
  return (
    <p id={id} role="alert" className="text-sm text-red-700">
      {translateDynamic(t, messageKey, "cohorts.errors.generic")}
    </p>
  );
}

/** A removal with a confirmation step: `action` gets the hidden fields only once the user confirms. */
export function ConfirmRemove({
  action,
  fields,
  label,
  question,
  confirmLabel,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  label: string;
  question: string;
  confirmLabel: string;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="text-xs text-red-700 underline-offset-2 hover:underline">
        {label}
      </button>
    );
  }
  return (
    <form action={action} className="inline-flex flex-wrap items-center justify-end gap-2" role="group" aria-label={question}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-xs text-slate-700">{question}</span>
      <button type="submit" className="rounded bg-red-700 px-2 py-0.5 text-xs text-white">
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="text-xs underline">
        {t("cohorts.confirm.cancel")}
      </button>
    </form>
  );
}

/** A one-button form (restore, accept, …) for server actions that take only hidden fields. */
export function ActionButton({ action, fields, children, className }: { action: (form: FormData) => Promise<void>; fields: Record<string, string>; children: ReactNode; className?: string }) {
  return (
    <form action={action} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className ?? "text-xs text-brand-700 underline-offset-2 hover:underline"}>
        {children}
      </button>
    </form>
  );
}
