"use client";
// Client-side i18n: the root layout wraps the app in <I18nProvider lang messages>; client components call
// useT() / useLang(). Messages come from the server so both sides always agree on the language.
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createTranslator, type Lang, type Messages, type Translate } from "./core";

interface I18nValue {
  lang: Lang;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ lang, messages, children }: { lang: Lang; messages: Messages; children: ReactNode }) {
  const value = useMemo(() => ({ lang, t: createTranslator(messages) }), [lang, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT/useLang must be used inside <I18nProvider> (app/layout.tsx provides it)");
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

export function useLang(): Lang {
  return useI18n().lang;
}
