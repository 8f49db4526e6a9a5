// Number and date formatting shared by the learner pages (client and server).

/** A metric (error, cost) readable at a glance: 4 significant digits, scientific for very large or small. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** A 0–1 score as a whole percentage. */
export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`;
}

export function formatDateTime(iso: string, lang: "en" | "zh"): string {
  return new Date(iso).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
}
