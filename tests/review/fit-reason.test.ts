// Why a fit of personal FSRS parameters was kept or not, as the settings page says it: in English and in
// Chinese (with full-width punctuation), from the reason the optimizer returns as data (issue 17, item 4).
import { describe, expect, it } from "vitest";
import { createTranslator, messagesFor } from "@/lib/i18n";
import { fitReasonText, fitStatusSchema } from "@/lib/review/fit";
import type { FitReason } from "@/lib/scheduling";

const en = createTranslator(messagesFor("en"));
const zh = createTranslator(messagesFor("zh"));

const reasons: FitReason[] = [
  { code: "fewCrossDayReviews" },
  { code: "fewHeldOut", heldOut: 12, needed: 30 },
  { code: "fewTraining", training: 40, needed: 64 },
  { code: "optimizerUnavailable", error: "binding missing" },
  { code: "better", heldOut: 57, currentLogLoss: 0.412345, candidateLogLoss: 0.38 },
  { code: "notBetter", heldOut: 57, currentLogLoss: 0.38, candidateLogLoss: 0.412345 },
];

describe("the fit explanation", () => {
  it("exists in English", () => {
    expect(reasons.map((r) => fitReasonText(r, en))).toEqual([
      "there are not yet enough reviews on different days to fit parameters and judge them",
      "only 12 of your latest reviews could judge a fit (it needs 30)",
      "only 40 reviews to fit on (it needs 64)",
      "the FSRS optimizer cannot run on this server (binding missing), so the current parameters stay",
      "on your 57 latest reviews the fitted parameters predict better than the current ones (log loss 0.4123 → 0.3800)",
      "on your 57 latest reviews the fitted parameters do not predict better than the current ones (log loss 0.4123, current 0.3800)",
    ]);
    expect(en("review.settings.fitAccepted", { date: "30 Nov 2026", reason: fitReasonText(reasons[4]!, en) })).toBe(
      "The last fit (30 Nov 2026) was kept: on your 57 latest reviews the fitted parameters predict better than the current ones (log loss 0.4123 → 0.3800).",
    );
  });

  it("and in Chinese, with full-width punctuation (it was English only)", () => {
    const texts = reasons.map((r) => fitReasonText(r, zh));
    expect(texts[1]).toBe("只有 12 次最近的复习可用来检验拟合（至少需要 30 次）");
    expect(texts[4]).toBe("在你最近的 57 次复习上，拟合出的参数比当前参数预测得更准（对数损失 0.4123 → 0.3800）");
    const sentence = zh("review.settings.fitRejected", { date: "2026年11月30日", reason: texts[5]! });
    expect(sentence).toBe("上一次拟合（2026年11月30日）未采用：在你最近的 57 次复习上，拟合出的参数没有比当前参数预测得更准（对数损失 0.4123，当前为 0.3800）。");
    for (const text of [...texts, sentence, zh("review.settings.fitAccepted", { date: "d", reason: "r" }), zh("review.settings.fitFailed", { date: "d", error: "e" })]) {
      expect(text.replace("binding missing", "")).not.toMatch(/[,:;()]/);
      expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("still shows the English sentence of a status file written before reasons were data", () => {
    const old = fitStatusSchema.parse({
      state: "done", startedAt: "2026-11-27T10:00:00.000Z", finishedAt: "2026-11-27T10:00:01.000Z", reviews: 400, accepted: true,
      reason: "fitted parameters lower held-out log loss 0.4000 → 0.3900 on 80 later reviews", heldOutReviews: 80, currentLogLoss: 0.4, candidateLogLoss: 0.39,
    });
    expect(old.state === "done" && fitReasonText(old.reason, zh)).toBe("fitted parameters lower held-out log loss 0.4000 → 0.3900 on 80 later reviews");
  });
});
