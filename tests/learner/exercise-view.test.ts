// Per-topic mastery for /progress and the browser's exercise order, over the real catalogue and topic map.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/exercises/catalog";
import { topics } from "@/exercises/topics";
import { exercisesInTopicOrder, nextExercise, exercisesByTopic, type ExerciseCard } from "@/lib/exercise-view";

function cards(progress: Record<string, Pick<ExerciseCard, "status" | "bestScore">>): ExerciseCard[] {
  return loadCatalog().map(({ meta }) => ({
    slug: meta.slug,
    title: meta.title,
    topics: meta.topics,
    primaryTopic: meta.topics[0]!,
    difficulty: meta.difficulty,
    status: progress[meta.slug]?.status ?? "not-started",
    bestScore: progress[meta.slug]?.bestScore ?? null,
    assignment: null,
  }));
}

describe("exercisesByTopic", () => {
  it("covers the whole topic map in the notes' order", () => {
    expect(exercisesByTopic(cards({})).map((row) => row.topic.id)).toEqual(topics.map((t) => t.id));
  });

  it("counts an exercise for every topic it is tagged with, passed and attempted", () => {
    const rows = exercisesByTopic(
      cards({
        "linear-regression-cost": { status: "passed", bestScore: 1 },
        "gradient-descent": { status: "attempted", bestScore: 0.5 },
      }),
    );
    // Expected counts come from the catalogue's tags, so adding an exercise never breaks this test.
    const tagged = (topic: string): string[] =>
      loadCatalog()
        .filter(({ meta }) => (meta.topics as readonly string[]).includes(topic))
        .map(({ meta }) => meta.slug)
        .sort();
    const linear = rows.find((row) => row.topic.id === "linear-regression")!;
    expect(linear.exercises.map((e) => e.slug).sort()).toEqual(tagged("linear-regression"));
    expect(tagged("linear-regression")).toEqual(expect.arrayContaining(["gradient-descent", "linear-regression-cost", "linear-regression-gradient"]));
    expect(linear.passed).toBe(1);
    expect(linear.attempted).toBe(1);
    const gradient = rows.find((row) => row.topic.id === "gradient-descent")!;
    expect(gradient.passed).toBe(0);
    expect(gradient.attempted).toBe(1);
    for (const row of rows.filter((r) => tagged(r.topic.id).length === 0)) expect(row.exercises).toEqual([]);
  });
});

describe("exercise order", () => {
  it("follows the first topic of each exercise along the topic map", () => {
    const rank = new Map(topics.map((t, i) => [t.id, i]));
    const ranks = exercisesInTopicOrder().map((e) => rank.get(e.meta.topics[0]!)!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("offers the next exercise, and none after the last", () => {
    expect(nextExercise("linear-regression-cost", "en")).toEqual({ slug: "linear-regression-gradient", title: "The gradient of the linear-regression cost" });
    const last = exercisesInTopicOrder().at(-1)!.meta.slug;
    expect(nextExercise(last, "zh")).toBeNull();
    expect(nextExercise("no-such-exercise", "en")).toBeNull();
  });
});
