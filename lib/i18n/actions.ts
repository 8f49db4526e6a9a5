"use server";
// The language switch: remembered for a year in a cookie, then the current page re-renders.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { parseActionArgs } from "@/lib/actions/schemas";
import { LANG_COOKIE, type Lang } from "./core";

export async function setLangAction(requested: Lang): Promise<void> {
  const [lang] = parseActionArgs("lib/i18n/actions.ts#setLangAction", [requested]);
  (await cookies()).set(LANG_COOKIE, lang, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  revalidatePath("/", "layout");
}
