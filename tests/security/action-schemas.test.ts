// Server-action arguments: every exported action has a schema, the strict reply reader accepts exactly what
// React's client sends for Lacuna's forms, and refuses (with a reason) what React's own decoder would turn into
// a 500. The live answers (400/413/415 over HTTP) are in tests/e2e/input-hardening.spec.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeFetchReply, decodeFormAction, MalformedReplyError, REPLY_MAX_DEPTH } from "@/lib/actions/reply";
import { ActionArgumentError, actionSchemas, FORM_FIELD_MAX_CHARS, parseActionArgs } from "@/lib/actions/schemas";

const repoRoot = path.resolve(import.meta.dirname, "..", "..");

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return name === "actions.ts" ? [full] : [];
  });
}

/** "<file>#<export>" of every exported function of every "use server" file under app/ and lib/. */
function exportedActions(): string[] {
  const files = [...actionFiles(path.join(repoRoot, "app")), ...actionFiles(path.join(repoRoot, "lib"))];
  return files.flatMap((file) => {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/m.test(source)) return [];
    const relative = path.relative(repoRoot, file).split(path.sep).join("/");
    return [...source.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)].map((m) => `${relative}#${m[1]}`);
  });
}

function form(entries: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe("server-action argument schemas", () => {
  it("exist for every exported server action, and for no action that is gone", () => {
    const exported = exportedActions();
    expect(exported.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(actionSchemas).sort()).toEqual(exported.sort());
  });

  it("read a form into its named text fields (absent = empty, React's $ACTION_ markers ignored)", () => {
    const [, values] = parseActionArgs("app/signup/actions.ts#signUpAction", [{ ok: false }, form({ email: "a@b.c", password: "pw", $ACTION_KEY: "k0" })]);
    expect(values).toEqual({ email: "a@b.c", name: "", password: "pw" });
  });

  it.each([
    ["no arguments", []],
    ["an empty previous state only", [{}]],
    ["a string for the form", [{}, "email=a"]],
    ["a form with a file as a field", [{}, form({ email: new Blob(["x"]) })]],
    ["a field given twice", [{}, (() => { const f = form({ email: "a" }); f.append("email", "b"); return f; })()]],
    ["an over-long field", [{}, form({ name: "x".repeat(FORM_FIELD_MAX_CHARS + 1) })]],
    ["an extra argument", [{}, form({}), "more"]],
    ["a previous state that is not an object", ["state", form({})]],
  ])("refuse %s for a useActionState action", (_label, args) => {
    expect(() => parseActionArgs("app/signup/actions.ts#signUpAction", args)).toThrow(ActionArgumentError);
  });

  it('accept only "en" and "zh" for the language switch', () => {
    expect(parseActionArgs("lib/i18n/actions.ts#setLangAction", ["zh"])).toEqual(["zh"]);
    for (const args of [["xx"], [], [null], ["en", "zh"], [{ lang: "en" }]]) {
      expect(() => parseActionArgs("lib/i18n/actions.ts#setLangAction", args)).toThrow(/must be "en" or "zh"|expected|Too/i);
    }
  });
});

describe("reply reader (React's encodeReply, the subset Lacuna sends)", () => {
  it("reads a plain-text argument list, with escaped strings and undefined", () => {
    expect(decodeFetchReply('["zh"]')).toEqual(["zh"]);
    expect(decodeFetchReply('["$$5 off","$undefined",{"a":[1,null,true]}]')).toEqual(["$5 off", undefined, { a: [1, null, true] }]);
  });

  it("reads a multipart reply: the root in field 0, the form's entries under _<id>_", () => {
    const body = form({ "0": '[{"ok":false,"values":{"email":"$$x"}},"$K1"]', _1_email: "a@b.c", _1_password: "secret", _2_other: "no" });
    const [state, data] = decodeFetchReply(body);
    expect(state).toEqual({ ok: false, values: { email: "$x" } });
    expect(data).toBeInstanceOf(FormData);
    expect(Object.fromEntries((data as FormData).entries())).toEqual({ email: "a@b.c", password: "secret" });
  });

  it.each([
    ["an empty body", ""],
    ["a body that is not JSON", "{"],
    ["an argument list that is not an array", '{"0":"en"}'],
    ["a promise reference", '["$@1"]'],
    ["a reference to another part", '["$1"]'],
    ["a server reference", '["$h1"]'],
    ["a date", '["$D2020-01-01T00:00:00.000Z"]'],
    ["a bigint", '["$n1"]'],
    ["a form without a multipart body", '["$K1"]'],
    ["nesting deeper than a form state needs", `${"[".repeat(REPLY_MAX_DEPTH + 2)}${"]".repeat(REPLY_MAX_DEPTH + 2)}`],
  ])("refuses %s", (_label, body) => {
    expect(() => decodeFetchReply(body)).toThrow(MalformedReplyError);
  });

  it("refuses a multipart reply without its root, or with the root as a file", () => {
    expect(() => decodeFetchReply(form({ _1_email: "a" }))).toThrow(/field "0"/);
    expect(() => decodeFetchReply(form({ "0": new Blob(["[]"]) }))).toThrow(/field "0"/);
  });

  it("reads a form posted without JavaScript: $ACTION_ID_ and $ACTION_REF_ with bound state", () => {
    const plain = decodeFormAction(form({ $ACTION_ID_abc: "", code: "ABCD-EFGH" }));
    expect(plain?.id).toBe("abc");
    expect(plain?.args).toHaveLength(1);
    const bound = decodeFormAction(
      form({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"def","bound":"$@1"}', "$ACTION_1:1": '[{"ok":false}]', $ACTION_KEY: "k", name: "Cohort" }),
    );
    expect(bound?.id).toBe("def");
    expect(bound?.args[0]).toEqual({ ok: false });
    expect(Object.fromEntries((bound?.args[1] as FormData).entries())).toEqual({ name: "Cohort" });
    expect(decodeFormAction(form({ name: "no action here" }))).toBeNull();
  });

  it.each([
    ["metadata that is not JSON", { $ACTION_REF_1: "", "$ACTION_1:0": "{" }],
    ["metadata without an id", { $ACTION_REF_1: "", "$ACTION_1:0": '{"bound":null}' }],
    ["bound arguments missing", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"x","bound":"$@1"}' }],
    ["bound arguments at another part", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"x","bound":"$@7"}' }],
    ["bound arguments that are not a list", { $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"x","bound":"$@1"}', "$ACTION_1:1": '{"a":1}' }],
  ])("refuses a no-JavaScript form with %s", (_label, entries) => {
    expect(() => decodeFormAction(form(entries))).toThrow(MalformedReplyError);
  });
});
