"use client";
import { signOut } from "next-auth/react";
import { useT } from "@/lib/i18n/client";

export function SignOutButton() {
  const t = useT();
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="text-sm text-slate-700 underline-offset-2 hover:underline">
      {t("nav.signOut")}
    </button>
  );
}
