"use server";
// The language switch: remembered for a year in a cookie, then the current page re-renders.
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isLang, LANG_COOKIE } from "./core";

export async function setLangAction(lang: string): Promise<void> {
  if (!isLang(lang)) throw new Error(`Unknown language "${lang}": use en or zh`);
  (await cookies()).set(LANG_COOKIE, lang, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  revalidatePath("/", "layout");
}
