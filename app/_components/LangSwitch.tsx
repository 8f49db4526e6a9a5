"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLangAction } from "@/lib/i18n/actions";
import { LANGS, type Lang } from "@/lib/i18n/core";
import { useLang, useT } from "@/lib/i18n/client";

const LABELS: Record<Lang, string> = { en: "English", zh: "中文" };

export function LangSwitch() {
  const lang = useLang();
  const t = useT();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("nav.language")} className="flex overflow-hidden rounded-md border border-slate-300 text-sm">
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLangAction(option);
              router.refresh();
            })
          }
          className={option === lang ? "bg-slate-800 px-2 py-1 text-white" : "bg-white px-2 py-1 text-slate-700 hover:bg-slate-100"}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
