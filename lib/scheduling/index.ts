/** Lacuna's spaced-repetition domain core (pure TypeScript over ts-fsrs; no database, no framework). */
export * from "./core/schema";
export * from "./core/core";
export * from "./grade-rating/schema";
export * from "./grade-rating/core";
export * from "./weakness/schema";
export * from "./weakness/core";
export * from "./weakness/model";
export * from "./queue/schema";
export * from "./queue/core";
export * from "./stats/schema";
export * from "./stats/core";
export * from "./optimizer/schema";
export * from "./optimizer/metrics";
export * from "./optimizer/core";
export * from "./io/schema";
export * from "./io/core";
