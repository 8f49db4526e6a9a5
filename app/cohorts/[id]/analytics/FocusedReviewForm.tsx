"use client";
// "Send a focused review" beside a misconception or a topic: posts the topic and the learners who hold it now,
// then says what was sent (cards made due now, the learners' focused session) or why it was refused.
import Link from "next/link";
import { useActionState } from "react";
import { useT } from "@/lib/i18n/client";
import { translateDynamic } from "@/lib/i18n/core";
import { sendFocusedReviewAction, type FocusedReviewState } from "./actions";

export function FocusedReviewForm({ cohortId, topicId, topicName, learnerIds }: { cohortId: string; topicId: string; topicName: string; learnerIds: string[] }) {
  const t = useT();
  const [state, formAction, pending] = useActionState(sendFocusedReviewAction, {} as FocusedReviewState);
  return (
    <form action={formAction} className="space-y-1" data-testid="focused-review">
      <input type="hidden" name="cohortId" value={cohortId} />
      <input type="hidden" name="topicId" value={topicId} />
      <input type="hidden" name="learnerIds" value={learnerIds.join(",")} />
      <button
        type="submit"
        disabled={pending || learnerIds.length === 0}
        aria-label={t("cohorts.analytics.sendReviewLabel", { topic: topicName, count: learnerIds.length })}
        className="rounded border border-brand-700 px-2 py-0.5 text-xs text-brand-700 hover:bg-brand-50 disabled:opacity-50"
      >
        {t("cohorts.analytics.sendReview")}
      </button>
      {state.sent && (
        <p role="status" className="text-xs text-green-800">
          {t("cohorts.analytics.sent", { cards: state.sent.cards, learners: state.sent.learners, topic: topicName })}{" "}
          <Link href={state.sent.href} className="underline">{t("cohorts.analytics.sessionLink")}</Link>
        </p>
      )}
      {state.error && (
        <p role="alert" className="text-xs text-red-700">{translateDynamic(t, state.error, "cohorts.errors.generic")}</p>
      )}
    </form>
  );
}
