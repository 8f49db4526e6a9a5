// A strict reader of React's "reply" encoding (what the browser's `encodeReply` sends to a server action, and
// what a form posted without JavaScript carries in its `$ACTION_…` fields), for the subset Lacuna's own pages
// ever send: JSON values, escaped strings ("$$…"), `undefined` ("$undefined") and FormData ("$K<id>" with the
// form's entries under "_<id>_<name>"). Anything else — references to other parts, promises, streams, dates,
// server references, nesting deeper than a form state needs — is refused with a reason, so proxy.ts can answer
// 400 before React's own decoder runs (which turns every malformed body into a 500, or waits on a part that
// never comes). Framework-free: used by proxy.ts and by tests.

/** The value a FormData entry can hold. */
export type FormValue = string | Blob;

export type ReplyValue = null | boolean | number | string | undefined | FormData | ReplyValue[] | { [key: string]: ReplyValue };

export class MalformedReplyError extends Error {}

/** Arrays and objects nested deeper than this are refused (a form state is two levels deep). */
export const REPLY_MAX_DEPTH = 16;

function fail(message: string): never {
  throw new MalformedReplyError(message);
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(`${where} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Decodes one JSON model with its "$" tags. `form` holds the request's other multipart entries (null for a
 * plain-text body, which cannot carry FormData).
 */
function decodeModel(value: unknown, form: FormData | null, depth: number): ReplyValue {
  if (depth > REPLY_MAX_DEPTH) fail(`the value is nested deeper than ${REPLY_MAX_DEPTH} levels`);
  if (value === null || typeof value === "boolean" || typeof value === "number") return value;
  if (typeof value === "string") {
    if (!value.startsWith("$")) return value;
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    if (/^\$K[0-9a-f]+$/.test(value)) {
      if (!form) fail("a form reference needs a multipart body");
      const prefix = `_${value.slice(2)}_`;
      const entries = new FormData();
      form.forEach((entry, key) => {
        if (key.startsWith(prefix)) entries.append(key.slice(prefix.length), entry);
      });
      return entries;
    }
    return fail(`unsupported value "${value.slice(0, 16)}" (only plain values and forms are accepted)`);
  }
  if (Array.isArray(value)) return value.map((item) => decodeModel(item, form, depth + 1));
  if (typeof value === "object") {
    const out: { [key: string]: ReplyValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = decodeModel(item, form, depth + 1);
    return out;
  }
  return fail("unsupported JSON value");
}

/** The argument list of a fetch action: a text body (JSON of the list) or a multipart body (root in field "0"). */
export function decodeFetchReply(body: string | FormData): ReplyValue[] {
  let root: unknown;
  let form: FormData | null = null;
  if (typeof body === "string") {
    if (!body.trim()) fail("the body is empty; expected the action's argument list");
    root = parseJson(body, "the body");
  } else {
    const roots = body.getAll("0");
    if (roots.length !== 1 || typeof roots[0] !== "string") fail('the form must carry the argument list once, as the text field "0"');
    root = parseJson(roots[0], 'field "0"');
    form = body;
  }
  if (!Array.isArray(root)) fail("the argument list must be a JSON array");
  return root.map((item) => decodeModel(item, form, 1));
}

/** What a form posted without JavaScript asks for: the action's id and its argument list. */
export interface FormActionCall {
  id: string;
  args: ReplyValue[];
}

/**
 * Reads a form posted to a page without JavaScript (React's `decodeAction` format): "$ACTION_ID_<id>" for a
 * plain action, or "$ACTION_REF_<n>" with "$ACTION_<n>:0" = {"id", "bound": "$@1"} and "$ACTION_<n>:1" = the
 * bound arguments (useActionState's previous state). The action receives the bound arguments, then the form
 * without its "$ACTION_" fields. Null when the form names no action (an ordinary POST).
 */
export function decodeFormAction(body: FormData): FormActionCall | null {
  let actionKey: string | null = null;
  const fields = new FormData();
  body.forEach((value, key) => {
    if (key.startsWith("$ACTION_")) {
      if (key.startsWith("$ACTION_REF_") || key.startsWith("$ACTION_ID_")) actionKey = key;
    } else fields.append(key, value);
  });
  if (actionKey === null) return null;
  const key: string = actionKey;
  if (key.startsWith("$ACTION_ID_")) return { id: key.slice("$ACTION_ID_".length), args: [fields] };
  const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
  const part = (n: number): unknown => {
    const values = body.getAll(`${prefix}${n}`);
    if (values.length !== 1 || typeof values[0] !== "string") fail(`the form must carry "${prefix}${n}" once, as text`);
    return parseJson(values[0], `field "${prefix}${n}"`);
  };
  const meta = part(0);
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) fail(`field "${prefix}0" must be an object {id, bound}`);
  const { id, bound } = meta as { id?: unknown; bound?: unknown };
  if (typeof id !== "string" || !id) fail(`field "${prefix}0" has no action id`);
  let boundArgs: ReplyValue[] = [];
  if (bound !== null && bound !== undefined) {
    if (bound !== "$@1") fail(`field "${prefix}0" must bind its arguments as "$@1"`);
    const list = part(1);
    if (!Array.isArray(list)) fail(`field "${prefix}1" must be a JSON array`);
    boundArgs = list.map((item) => decodeModel(item, null, 1));
  }
  return { id, args: [...boundArgs, fields] };
}
