// The assignment form's choices: every exercise of the catalog and every topic that has flashcards, named in
// the viewer's language.
import { loadCatalog } from "@/exercises/catalog";
import { getTopic, isTopicId } from "@/exercises/topics";
import { assignmentCatalog } from "@/lib/cohorts";
import type { Lang } from "@/lib/i18n/core";
import type { Option } from "./AssignmentForm";

export function assignmentOptions(lang: Lang): { exercises: Option[]; topics: Option[] } {
  const catalog = assignmentCatalog();
  const titles = new Map(loadCatalog().map((e) => [e.meta.slug, e.meta.title[lang]]));
  return {
    exercises: catalog.exerciseSlugs.map((slug) => ({ id: slug, label: titles.get(slug) ?? slug })),
    topics: catalog.topicIds.map((id) => ({ id, label: isTopicId(id) ? getTopic(id).name[lang] : id })),
  };
}
