// Server-side i18n for pages, layouts, server actions and route handlers.
import { cookies, headers } from "next/headers";
import { createTranslator, isLang, LANG_COOKIE, messagesFor, negotiateLang, type Lang, type Messages, type Translate } from "./core";

/** The cookie's choice if set, else the browser's Accept-Language (zh or en). */
export async function getLang(): Promise<Lang> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (isLang(chosen)) return chosen;
  return negotiateLang((await headers()).get("accept-language"));
}

export async function getMessages(lang?: Lang): Promise<Messages> {
  return messagesFor(lang ?? (await getLang()));
}

/** `const t = await getT(); t("nav.signIn")` */
export async function getT(lang?: Lang): Promise<Translate> {
  return createTranslator(await getMessages(lang));
}
