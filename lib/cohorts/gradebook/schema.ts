// The gradebook pages' query string: ?sort=name|total|late|a:<assignment id>&dir=asc|desc&status=…&q=…&page=N
// Anything unknown falls back to the default (a hand-edited URL still shows the gradebook), except a search
// text longer than the page would ever send, which is cut.
import { z } from "zod";

export const GRADEBOOK_STATUSES = ["overdue", "late", "penalized", "open", "done", "upcoming"] as const;
export type GradebookStatusFilter = (typeof GRADEBOOK_STATUSES)[number];

const sortSchema = z.union([z.enum(["name", "total", "late"]), z.string().regex(/^a:[A-Za-z0-9_-]{1,64}$/)]);

export const gradebookQuerySchema = z.object({
  sort: sortSchema.catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  status: z.enum(GRADEBOOK_STATUSES).nullable().catch(null),
  q: z
    .string()
    .catch("")
    .transform((q) => q.slice(0, 100)),
  /** 1-based; GRADEBOOK_PAGE_SIZE learners a page. */
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Learners a gradebook page shows: a page of a large cohort renders in bounded time. */
export const GRADEBOOK_PAGE_SIZE = 100;
export type GradebookQuery = z.infer<typeof gradebookQuerySchema>;

/** Next's searchParams (a value may be repeated: the first one counts) → the query. */
export function parseGradebookQuery(params: Record<string, string | string[] | undefined>): GradebookQuery {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return gradebookQuerySchema.parse({ sort: first("sort"), dir: first("dir"), status: first("status") ?? null, q: first("q") ?? "", page: first("page") ?? 1 });
}
