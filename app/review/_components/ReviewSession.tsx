"use client";
// The review session: one flashcard at a time (question, then answer, then four ratings with their next
// intervals), driven by the mouse or the keyboard (Space shows the answer, 1–4 rate, U undoes the last rating).
// Every rating goes to POST /api/review/rate, which answers with the session's next state, so the queue order,
// counts and intervals always come from the server's scheduler.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { TodayCountsText } from "@/app/_components/figures";
import { useT } from "@/lib/i18n/client";
import type { SessionView } from "@/lib/review/session";

type Notice = "undone" | "stale" | "error" | "undoRefused" | "undoError" | null;

const ratingKeys = ["again", "hard", "good", "easy"] as const;
const ratingStyles: Record<(typeof ratingKeys)[number], string> = {
  again: "border-rose-300 bg-rose-50 text-rose-900 hover:bg-rose-100",
  hard: "border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100",
  good: "border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100",
  easy: "border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100",
};

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function ReviewSession({ initial }: { initial: SessionView }) {
  const t = useT();
  const [session, setSession] = useState(initial);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const shownAt = useRef(Date.now());
  const card = session.current;

  const show = useCallback((next: SessionView, message: Notice) => {
    setSession(next);
    setRevealed(false);
    setNotice(message);
    shownAt.current = Date.now();
  }, []);

  const post = useCallback(
    async (url: string, body: unknown, onOk: (json: { session: SessionView }) => Notice, refused: Notice = "stale", failed: Notice = "error") => {
      setBusy(true);
      try {
        const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
        const json = (await response.json()) as { session?: SessionView };
        if (response.ok && json.session) show(json.session, onOk(json as { session: SessionView }));
        else if (response.status === 409 && json.session) show(json.session, refused);
        else setNotice(failed);
      } catch {
        setNotice(failed);
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  const rate = useCallback(
    (rating: number) => {
      if (!card || !revealed || busy) return;
      void post(
        "/api/review/rate",
        { itemType: card.itemType, itemId: card.itemId, rating, lastReview: card.lastReview, durationMs: Math.min(3_600_000, Date.now() - shownAt.current), topic: session.focusTopic },
        () => null,
      );
    },
    [busy, card, post, revealed, session.focusTopic],
  );

  const undo = useCallback(() => {
    if (!session.canUndo || busy) return;
    void post("/api/review/undo", { topic: session.focusTopic }, () => "undone", "undoRefused", "undoError");
  }, [busy, post, session.canUndo, session.focusTopic]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.code === "Space" || event.key === " ") {
        if (card && !revealed) {
          event.preventDefault();
          setRevealed(true);
        }
      } else if (/^[1-4]$/.test(event.key)) {
        if (revealed) {
          event.preventDefault();
          rate(Number(event.key));
        }
      } else if (event.key === "u" || event.key === "U") {
        event.preventDefault();
        undo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [card, rate, revealed, undo]);

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <section className="space-y-4" aria-live="polite">
        <div className="flex flex-wrap items-start justify-between gap-2 text-sm text-slate-700">
          <TodayCountsText counts={session.remaining} t={t} />
          <span data-testid="review-new-today">{t("review.newToday", { started: session.newStartedToday, limit: session.newLimit })}</span>
        </div>

        {notice === "undone" && <p className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">{t("review.undone")}</p>}
        {notice === "stale" && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("review.stale")}</p>}
        {notice === "error" && <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900">{t("review.error")}</p>}
        {notice === "undoRefused" && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("review.undoRefused")}</p>}
        {notice === "undoError" && <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900">{t("review.undoError")}</p>}

        {card ? (
          <article
            data-testid="review-card"
            data-item-type={card.itemType}
            data-item-id={card.itemId}
            className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <header className="flex flex-wrap items-center gap-2 text-xs">
              <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700">{t(`review.kind.${card.kind}`)}</span>
              {card.origin && <span className="rounded-full bg-rose-50 px-2 py-0.5 font-medium text-rose-900">{t("review.misconception.badge")}</span>}
              {card.topicName && <span className="text-slate-600">{card.topicName}</span>}
            </header>
            {card.origin && (
              <p data-testid="review-origin" className="text-sm text-slate-700">
                <Link href={card.origin.href} className="text-brand-700 underline underline-offset-2 hover:text-brand-600">
                  {t("review.misconception.origin", { exercise: card.origin.exerciseTitle, date: card.origin.date })}
                </Link>
                <span className="mt-1 block text-xs text-slate-600">
                  {card.origin.passedAgain ? t("review.misconception.passedAgain") : t("review.misconception.stays")}
                </span>
              </p>
            )}
            <div>
              <h2 className="sr-only">{t("review.question")}</h2>
              <div data-testid="review-question" className="review-face" dangerouslySetInnerHTML={{ __html: card.questionHtml }} />
            </div>
            {revealed ? (
              <>
                <hr className="border-slate-200" />
                <div>
                  <h2 className="sr-only">{t("review.answer")}</h2>
                  <div data-testid="review-answer" className="review-face" dangerouslySetInnerHTML={{ __html: card.answerHtml }} />
                  {card.extraHtml && <div className="review-face mt-3 rounded-md bg-slate-50 p-3 text-sm text-slate-700" dangerouslySetInnerHTML={{ __html: card.extraHtml }} />}
                </div>
                <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
                  {card.buttons.map((button) => (
                    <button
                      key={button.rating}
                      type="button"
                      data-testid={`rate-${button.rating}`}
                      disabled={busy}
                      onClick={() => rate(button.rating)}
                      className={`flex flex-col items-center rounded-md border px-3 py-2 font-medium disabled:opacity-60 ${ratingStyles[button.name]}`}
                    >
                      <span>
                        <kbd className="mr-1 text-xs opacity-70">{button.rating}</kbd>
                        {t(`review.rating.${button.name}`)}
                      </span>
                      <span className="text-xs font-normal opacity-80">{button.interval}</span>
                    </button>
                  ))}
                </div>
              </>
            ) : (
              <button type="button" data-testid="show-answer" className="btn-primary w-full" onClick={() => setRevealed(true)}>
                {t("review.showAnswer")} <kbd className="ml-2 text-xs">Space</kbd>
              </button>
            )}
          </article>
        ) : (
          <p data-testid="review-done" className="rounded-lg border border-emerald-200 bg-emerald-50 p-5 text-emerald-900">
            {session.focusTopic ? t("review.doneFocus") : t("review.done")}
          </p>
        )}

        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <p className="text-slate-600">{t("review.keyboardHint")}</p>
          <button type="button" data-testid="undo" className="btn-secondary px-3 py-1 text-sm" disabled={!session.canUndo || busy} onClick={undo}>
            {t("review.undo")} <kbd className="ml-1 text-xs opacity-70">U</kbd>
          </button>
        </div>

        {session.solveAgain.length > 0 && (
          <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="solve-again">
            <h2 className="font-semibold">{t("review.solveAgainTitle")}</h2>
            <p className="text-sm text-slate-600">{t("review.solveAgainBody")}</p>
            <ul className="divide-y divide-slate-100">
              {session.solveAgain.map((item) => (
                <li key={item.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{item.title}</span>
                    {item.topicName && <span className="ml-2 text-xs text-slate-600">{item.topicName}</span>}
                  </span>
                  <Link href={`/exercises/${item.slug}`} className="btn-secondary px-3 py-1 text-sm">
                    {item.kind === "new" ? t("review.solveNew") : t("review.solveAgain")}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </section>

      <aside className="space-y-6">
        {session.focusTopic && (
          <div className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm">
            <p className="font-medium text-brand-700">{t("review.focusing", { topic: session.focusTopicName ?? session.focusTopic })}</p>
            <Link href="/review" className="text-brand-700 underline">
              {t("review.clearFocus")}
            </Link>
          </div>
        )}
        <section className="space-y-2" data-testid="weakest-topics">
          <h2 className="font-semibold">{t("review.weakestTitle")}</h2>
          {session.weakest.length === 0 ? (
            <p className="text-sm text-slate-600">{t("review.weakestEmpty")}</p>
          ) : (
            <ul className="space-y-2">
              {session.weakest.map((topic) => (
                <li key={topic.topicId} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <div className="font-medium">{topic.name}</div>
                  {topic.explainedBy && (
                    <div className="text-xs text-slate-600" data-testid="weak-prerequisite">
                      {t("review.weakPrerequisite", { topic: topic.explainedBy.name })}
                    </div>
                  )}
                  <div className="mt-1 flex items-center justify-between gap-2">
                    <span className="text-slate-600">{t("review.weakness", { value: (topic.weakness ?? 0).toFixed(2) })}</span>
                    <Link href={`/review?topic=${encodeURIComponent(topic.topicId)}`} className="btn-secondary px-2 py-0.5 text-xs">
                      {t("review.focus")}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        {session.gaps.length > 0 && (
          <section className="space-y-2" data-testid="coverage-gaps">
            <h2 className="font-semibold">{t("review.gapsTitle")}</h2>
            <p className="text-xs text-slate-600">{t("review.gapsBody")}</p>
            <ul className="space-y-1 text-sm">
              {session.gaps.map((topic) => (
                <li key={topic.topicId} className="flex items-center justify-between gap-2">
                  <Link href={`/review?topic=${encodeURIComponent(topic.topicId)}`} className="text-slate-800 hover:underline">
                    {topic.name}
                  </Link>
                  <span className="whitespace-nowrap text-xs text-slate-600">{t("review.gapStudied", { studied: topic.studiedItems, total: topic.totalItems })}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
}
