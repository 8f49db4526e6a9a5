// English plurals: "{count} <noun>s" reads "1 attempts" when the count is 1; such messages use ICU plural
// arguments (lib/i18n/core.ts formats them with intl-messageformat). Chinese has no plural forms.
import { describe, expect, it } from "vitest";
import { createTranslator, messagesFor, type MessageKey } from "../../lib/i18n/core";
import en from "../../messages/en.json";

const t = createTranslator(messagesFor("en"));
const tZh = createTranslator(messagesFor("zh"));

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const pluralKeys = leaves(en).filter(([, text]) => text.includes(", plural,"));
const paramsOf = (text: string, value: number) => Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map((m) => [m[1]!, m[1] === "topic" ? "Softmax" : value]));

describe("English plurals", () => {
  it("says 1 attempt, 2 attempts", () => {
    expect(t("cohorts.gradebook.attempts", { count: 1 })).toBe("1 attempt");
    expect(t("cohorts.gradebook.attempts", { count: 2 })).toBe("2 attempts");
    expect(t("cohorts.assignment.attemptLimitShort", { count: 1 })).toBe("At most 1 attempt");
    expect(t("review.exercisesDue", { count: 1 })).toBe("1 exercise to solve");
    expect(t("review.exercisesDue", { count: "3" })).toBe("3 exercises to solve");
    expect(t("review.stats.total", { count: 11 })).toBe("11 reviews in total.");
    expect(t("review.settings.imported", { imported: 10000, items: 1, duplicates: 0 })).toBe("Imported 10000 reviews of 1 item (0 were already there).");
  });

  it("has no '<count> <plural noun>' message left without a plural argument", () => {
    expect(pluralKeys.length).toBeGreaterThanOrEqual(20);
    const bare = leaves(en).filter(([, text]) => /\{count\} [a-z]+s\b/.test(text.replace(/\{\w+, plural,.*\}\}/g, "")));
    expect(bare.map(([key]) => key)).toEqual([]);
  });

  it("reads every plural message with 1 and with 2 without '1 <noun>s', and its zh text differs from the en one", () => {
    for (const [key, text] of pluralKeys) {
      const one = t(key as MessageKey, paramsOf(text, 1));
      expect(one, key).not.toMatch(/\b1 (attempt|review|exercise|row|topic|learner|card|case|item|report|day)s\b/);
      expect(one, key).not.toContain("plural");
      expect(t(key as MessageKey, paramsOf(text, 2)), key).toMatch(/\b2 (\w+ )?\w+s\b|these 2/);
      expect(tZh(key as MessageKey, paramsOf(text, 2)), key).not.toBe(t(key as MessageKey, paramsOf(text, 2)));
    }
  });
});

describe("keys the tester's report touched", () => {
  it("each has a zh text unlike its en one", () => {
    const keys = [
      "home.welcome",
      "cohorts.errors.inviteeIsAdmin",
      "cohorts.errors.inviteeIsLearner",
      "review.settings.invalid",
      "review.settings.errors.dailyNewLimit",
      "review.settings.errors.desiredRetention",
      "review.settings.errors.timezone",
    ] as const;
    for (const key of keys) {
      expect(tZh(key, { name: "Tess" }), key).not.toBe(t(key, { name: "Tess" }));
      expect(tZh(key, { name: "Tess" }), key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(t("home.welcome", { name: "Tess Ter" })).toBe("Welcome to Lacuna, Tess Ter.");
  });
});
