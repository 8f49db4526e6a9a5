import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseUrlOf, ensureAuthSecret, EnvError, parseEnv, unsharedSecretProblem } from "@/lib/env";
import { parseGradingConfig } from "@/lib/grading/config";
import { createTranslator, messagesFor, negotiateLang } from "@/lib/i18n/core";

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("env validation", () => {
  it("defaults: port 3000, ./data, SQLite file under the data dir", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, LACUNA_DATA_DIR: "./data", NODE_ENV: "development" });
    expect(databaseUrlOf(env)).toBe(`file:${path.resolve("data", "lacuna.db")}`);
    expect(databaseUrlOf(parseEnv({ DATABASE_URL: "postgresql://u@h/db" }))).toBe("postgresql://u@h/db");
  });

  it("names every bad variable with its own message", () => {
    expect(problemsOf({ PORT: "abc", DATABASE_URL: "mysql://x", NEXTAUTH_URL: "nope", NEXTAUTH_SECRET: "short", NODE_ENV: "prod" })).toEqual([
      "NODE_ENV: NODE_ENV must be development, production or test",
      "PORT: PORT must be a number",
      "DATABASE_URL: DATABASE_URL must start with postgres://, postgresql:// or file: (or be unset for ./data/lacuna.db)",
      "NEXTAUTH_URL: NEXTAUTH_URL must be an absolute URL like http://localhost:3000",
      "NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 16 characters",
    ]);
    expect(problemsOf({ PORT: "70000" })).toEqual(["PORT: PORT must be between 1 and 65535"]);
  });

  it("generates a missing secret once and keeps it in the data dir", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lacuna-env-"));
    try {
      const env = parseEnv({ LACUNA_DATA_DIR: dir });
      const secret = ensureAuthSecret(env);
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, "secret"), "utf8").trim()).toBe(secret);
      expect(ensureAuthSecret(env)).toBe(secret);
      expect(ensureAuthSecret(parseEnv({ LACUNA_DATA_DIR: dir, NEXTAUTH_SECRET: "a-configured-secret-value" }))).toBe("a-configured-secret-value");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("on PostgreSQL a generated secret would differ per machine: refused in production, a warning elsewhere", () => {
    const pgUrl = "postgresql://u@h/db";
    expect(unsharedSecretProblem(parseEnv({}), "file:./data/lacuna.db")).toBeNull();
    expect(unsharedSecretProblem(parseEnv({ NEXTAUTH_SECRET: "a-configured-secret-value", NODE_ENV: "production" }), pgUrl)).toBeNull();
    expect(unsharedSecretProblem(parseEnv({ NODE_ENV: "production" }), pgUrl)).toMatchObject({ fatal: true, message: expect.stringMatching(/^NEXTAUTH_SECRET: must be set \(the same value on every machine\)/) });
    expect(unsharedSecretProblem(parseEnv({}), pgUrl)).toMatchObject({ fatal: false });
  });

  it("a bad grading variable is an EnvError naming it (npm start checks them before it serves)", () => {
    expect(() => parseGradingConfig({ LACUNA_SUBMISSION_LIMIT: "1000000" })).toThrow(new EnvError(["LACUNA_SUBMISSION_LIMIT: LACUNA_SUBMISSION_LIMIT must be at most 10000"]));
  });
});

describe("i18n", () => {
  it("negotiates zh or en from Accept-Language by quality", () => {
    expect(negotiateLang("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(negotiateLang("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(negotiateLang("fr-FR,zh-TW;q=0.5")).toBe("zh");
    expect(negotiateLang("fr,de")).toBe("en");
    expect(negotiateLang(undefined)).toBe("en");
  });

  it("translates with placeholders in both languages", () => {
    expect(createTranslator(messagesFor("en"))("home.welcomeBack", { name: "Ada" })).toBe("Welcome back, Ada.");
    expect(createTranslator(messagesFor("zh"))("nav.signIn")).toBe("登录");
  });

  it("zh.json and en.json have the same keys and no empty strings", () => {
    const leaves = (node: unknown, prefix = ""): string[] =>
      typeof node === "string"
        ? [prefix]
        : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
    expect(leaves(messagesFor("zh")).sort()).toEqual(leaves(messagesFor("en")).sort());
    const values = (lang: "en" | "zh") => leaves(messagesFor(lang)).map((key) => createTranslator(messagesFor(lang))(key as never));
    expect([...values("en"), ...values("zh")].every((v) => v.trim().length > 0)).toBe(true);
  });
});
