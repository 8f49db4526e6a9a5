// Reading a Prometheus text exposition in tests (vitest and Playwright both import it: no path aliases here).

/** The value of the sample `name` with exactly `labels` in a Prometheus text exposition, or null when absent. */
export function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).sort().map(([k, v]) => `${k}="${v}"`).join(",");
  for (const line of exposition.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? "").match(/[a-zA-Z_]\w*="(?:[^"\\]|\\.)*"/g)?.sort().join(",") ?? "";
    if (have === wanted) return Number(match[3]);
  }
  return null;
}
