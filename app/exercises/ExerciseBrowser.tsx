"use client";
// Filters (topic, difficulty, status) and a title search that matches both languages, over the exercise cards.
import Link from "next/link";
import { useMemo, useState } from "react";
import { AssignmentTag } from "@/app/_components/AssignmentTag";
import { formatScore } from "@/app/_components/format";
import type { TopicId } from "@/exercises/topics";
import type { ExerciseCard, ExerciseStatus } from "@/lib/exercise-view";
import { useLang, useT } from "@/lib/i18n/client";

interface TopicOption {
  id: TopicId;
  name: { zh: string; en: string };
}

/** Case- and accent-insensitive containment, so "regression" finds "Linear regression" and 回归 finds 线性回归. */
export function matchesSearch(card: ExerciseCard, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  return [card.title.en, card.title.zh, card.slug].some((text) => text.toLocaleLowerCase().includes(q));
}

function StatusBadge({ status, bestScore }: { status: ExerciseStatus; bestScore: number | null }) {
  const t = useT();
  if (status === "passed")
    return (
      <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">
        ✓ {t("exercises.statusPassed")}
        {bestScore !== null ? ` · ${t("exercises.best", { score: formatScore(bestScore) })}` : ""}
      </span>
    );
  if (status === "attempted")
    return (
      <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-950">
        {t("exercises.statusAttempted")}
        {bestScore !== null ? ` · ${t("exercises.best", { score: formatScore(bestScore) })}` : ""}
      </span>
    );
  return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{t("exercises.statusNotStarted")}</span>;
}

function Difficulty({ level }: { level: 1 | 2 | 3 }) {
  const t = useT();
  return (
    <span className="text-xs text-slate-700" title={t("exercises.difficulty", { level })}>
      <span aria-hidden="true">{"●".repeat(level) + "○".repeat(3 - level)}</span>
      <span className="sr-only">{t("exercises.difficulty", { level })}</span>
    </span>
  );
}

/** `now`: the server's render time (ISO), for the assignments' time left. */
export function ExerciseBrowser({ cards, topics, now }: { cards: ExerciseCard[]; topics: TopicOption[]; now: string }) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState("");
  const [topic, setTopic] = useState<string>("");
  const [difficulty, setDifficulty] = useState<string>("");
  const [status, setStatus] = useState<string>("");

  const visible = useMemo(
    () =>
      cards.filter(
        (card) =>
          matchesSearch(card, query) &&
          (!topic || card.topics.includes(topic as TopicId)) &&
          (!difficulty || card.difficulty === Number(difficulty)) &&
          (!status || card.status === status || (status === "assigned" && card.assignment !== null)),
      ),
    [cards, query, topic, difficulty, status],
  );
  // Grouped under each exercise's first topic, in the topic map's (the notes') order.
  const groups = topics
    .map((option) => ({ topic: option, items: visible.filter((card) => card.primaryTopic === option.id) }))
    .filter((group) => group.items.length > 0);
  const filtered = query || topic || difficulty || status;

  return (
    <div className="space-y-6">
      <form role="search" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
        <label className="text-sm font-medium text-slate-800">
          {t("exercises.search")}
          <input type="search" className="field-input mt-1" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t("exercises.searchPlaceholder")} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("exercises.topic")}
          <select className="field-input mt-1" value={topic} onChange={(e) => setTopic(e.target.value)}>
            <option value="">{t("exercises.allTopics")}</option>
            {topics.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name[lang]}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("exercises.difficultyLabel")}
          <select className="field-input mt-1" value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
            <option value="">{t("exercises.anyDifficulty")}</option>
            {[1, 2, 3].map((level) => (
              <option key={level} value={level}>
                {t("exercises.difficulty", { level })}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("exercises.statusLabel")}
          <select className="field-input mt-1" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t("exercises.anyStatus")}</option>
            <option value="not-started">{t("exercises.statusNotStarted")}</option>
            <option value="attempted">{t("exercises.statusAttempted")}</option>
            <option value="passed">{t("exercises.statusPassed")}</option>
            {cards.some((card) => card.assignment) && <option value="assigned">{t("assignments.filterAssigned")}</option>}
          </select>
        </label>
      </form>

      <p className="text-sm text-slate-700" aria-live="polite" data-testid="exercise-count">
        {t("exercises.showing", { shown: visible.length, total: cards.length })}
        {filtered && (
          <button
            type="button"
            className="ml-3 text-brand-700 underline underline-offset-2"
            onClick={() => {
              setQuery("");
              setTopic("");
              setDifficulty("");
              setStatus("");
            }}
          >
            {t("exercises.clearFilters")}
          </button>
        )}
      </p>

      {groups.length === 0 && <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-slate-700">{t("exercises.noMatch")}</p>}

      {groups.map((group) => (
        <section key={group.topic.id} aria-labelledby={`topic-${group.topic.id}`} className="space-y-3">
          <h2 id={`topic-${group.topic.id}`} className="text-lg font-semibold text-slate-900">
            {group.topic.name[lang]}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {group.items.map((card) => (
              <li key={card.slug}>
                <Link
                  href={`/exercises/${card.slug}`}
                  className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-600 hover:shadow focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                  data-testid="exercise-card"
                >
                  <span className="block font-medium text-slate-900">{card.title[lang]}</span>
                  <span className="mt-0.5 block text-sm text-slate-600" lang={lang === "zh" ? "en" : "zh-CN"}>
                    {card.title[lang === "zh" ? "en" : "zh"]}
                  </span>
                  <span className="mt-3 flex flex-wrap items-center gap-3">
                    <StatusBadge status={card.status} bestScore={card.bestScore} />
                    <Difficulty level={card.difficulty} />
                  </span>
                  {card.assignment && (
                    <span className="mt-2 block">
                      <AssignmentTag assignment={card.assignment} now={now} />
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
