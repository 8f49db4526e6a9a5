import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../exercises/catalog";
import { isTopicId, topicIds, topics, topicsInPrerequisiteOrder } from "../../exercises/topics";
import { notesAvailable, readNotes } from "../helpers/notes";

describe("topic map", () => {
  it("has unique ids whose prerequisites are topics that come earlier in the notes", () => {
    expect(new Set(topicIds).size).toBe(topics.length);
    topics.forEach((topic, index) => {
      for (const prerequisite of topic.prerequisites) {
        expect(isTopicId(prerequisite), `${topic.id} → ${prerequisite}`).toBe(true);
        expect(topicIds.indexOf(prerequisite as (typeof topicIds)[number]), `${topic.id} → ${prerequisite}`).toBeLessThan(index);
      }
    });
  });

  it("orders every topic after its prerequisites", () => {
    const order = topicsInPrerequisiteOrder().map((t) => t.id);
    expect(order).toHaveLength(topics.length);
    for (const topic of topics) {
      for (const prerequisite of topic.prerequisites) expect(order.indexOf(prerequisite)).toBeLessThan(order.indexOf(topic.id));
    }
  });

  it("names every topic in both languages", () => {
    for (const topic of topics) {
      expect(topic.name.en).toMatch(/[A-Za-z]/);
      expect(topic.name.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.skipIf(!notesAvailable)("traces every topic to a section that occurs verbatim in the notes", () => {
    const notes = readNotes();
    expect(topics.filter((t) => !notes.includes(t.notesSection)).map((t) => t.id)).toEqual([]);
  });

  it("tags every exercise only with topics of the map", () => {
    const entries = loadCatalog();
    expect(entries.length).toBeGreaterThanOrEqual(9);
    for (const entry of entries) expect(entry.meta.topics.every(isTopicId), entry.meta.slug).toBe(true);
  });
});
