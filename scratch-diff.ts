import { loadCatalog } from "./exercises/catalog";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { transformSimple, transpileWithBuild } from "./grader/transpile";
let fast = 0, slow = 0, same = 0; const diffs: string[] = [];
for (const e of loadCatalog()) {
  const files = ["solution.ts", "starter.ts", ...(existsSync(path.join(e.dir, "misconceptions")) ? readdirSync(path.join(e.dir, "misconceptions")).map((f) => `misconceptions/${f}`) : [])];
  for (const f of files) {
    const p = path.join(e.dir, f); if (!existsSync(p)) continue;
    const req = { source: readFileSync(p, "utf8"), functionName: e.meta.functionName, params: e.meta.params, lang: "en" as const, maxSourceBytes: 64 * 1024 };
    const t = await transformSimple(req); const b = await transpileWithBuild(req);
    if (!t) { slow++; if (b.ok) diffs.push(`SLOW-but-build-ok ${e.meta.slug}/${f}`); continue; }
    fast++;
    if (!b.ok) { diffs.push(`FAST-but-build-error ${e.meta.slug}/${f}`); continue; }
    const bt = b.code.replace(/\n\n  \/\/ [^\n]*submission\.ts\n/, "\n");
    if (bt === t.code) same++; else diffs.push(`TEXT ${e.meta.slug}/${f}`);
  }
}
console.log({ fast, slow, same }); console.log(diffs.slice(0, 40).join("\n"));
