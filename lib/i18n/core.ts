// Framework-free i18n core: languages, message lookup with typed dotted keys, Accept-Language negotiation.
// Server code uses lib/i18n/server.ts; client components use lib/i18n/client.tsx.
import { IntlMessageFormat } from "intl-messageformat";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";
export const LANG_COOKIE = "lacuna-lang";

export type Messages = typeof en;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every translatable string's key, e.g. "nav.signIn" or "auth.errors.emailTaken". */
export type MessageKey = Leaves<Messages>;
export type TParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TParams) => string;

// zh.json must have exactly en.json's shape; `satisfies` makes a missing key a type error.
const catalogs: Record<Lang, Messages> = { en, zh: zh satisfies Messages };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export function messagesFor(lang: Lang): Messages {
  return catalogs[lang];
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

// Messages with an ICU argument type (`{count, plural, one {# attempt} other {# attempts}}`, select) are
// formatted by intl-messageformat with the language's plural rules; plain `{name}` messages by a replace,
// which is all most need. Compiled formats are kept per language and template (the catalogs are fixed).
const icuArgument = /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/;
const compiledFormats: Record<Lang, Map<string, IntlMessageFormat>> = { en: new Map(), zh: new Map() };

function formatIcu(template: string, lang: Lang, params: TParams): string {
  let format = compiledFormats[lang].get(template);
  if (!format) {
    format = new IntlMessageFormat(template, lang);
    compiledFormats[lang].set(template, format);
  }
  // A count may arrive as its digits (a form field, a search param): plural rules need the number.
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value]));
  const formatted = format.format(values);
  return Array.isArray(formatted) ? formatted.join("") : String(formatted);
}

/**
 * A translate function over `messages` (in `lang`, by default the language whose catalog `messages` is):
 * `{name}` placeholders are filled from params, ICU plural/select arguments follow the language's plural
 * rules. Unknown keys echo.
 */
export function createTranslator(messages: Messages, lang: Lang = messages === catalogs.zh ? "zh" : "en"): Translate {
  return (key, params) => {
    const template = lookup(messages, key) ?? key;
    if (!params) return template;
    if (icuArgument.test(template)) return formatIcu(template, lang, params);
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
  };
}

/** Untyped lookup for keys that arrive as data (e.g. error keys from lib/accounts.ts). */
export function translateDynamic(t: Translate, key: string, fallback: MessageKey): string {
  return t((isMessageKey(key) ? key : fallback) as MessageKey);
}

export function isMessageKey(key: string): key is MessageKey {
  return lookup(catalogs.en, key) !== undefined;
}

/** Picks zh or en from an Accept-Language header by quality; anything else → en. */
export function negotiateLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.base && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLang) ?? DEFAULT_LANG;
}
