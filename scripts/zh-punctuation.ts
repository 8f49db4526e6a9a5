/**
 * `npm run lint:zh` lists every ASCII `, : ; ( )` written beside Chinese characters in Lacuna's Chinese text
 * (file:line and an excerpt) and exits 1 when there is any; `npm run lint:zh -- --fix` rewrites them to
 * full-width punctuation in place.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fixChineseSource, scanChineseSources } from "./lib/zh-sources";

const root = path.resolve(import.meta.dirname, "..");
const results = scanChineseSources(root);
const total = results.reduce((n, r) => n + r.findings.length, 0);

if (process.argv.includes("--fix")) {
  for (const { file } of results) {
    const full = path.join(root, file);
    writeFileSync(full, fixChineseSource(file, readFileSync(full, "utf8"), root));
  }
  const left = scanChineseSources(root).reduce((n, r) => n + r.findings.length, 0);
  console.log(`fixed ${total - left} ASCII punctuation marks in ${results.length} files${left ? `; ${left} left to fix by hand` : ""}`);
  process.exit(left ? 1 : 0);
}

for (const { file, findings } of results) {
  for (const f of findings) console.log(`${file}:${f.fileLine}  "${f.char}" → "${f.replacement}"  …${f.excerpt}…`);
}
console.log(total ? `${total} ASCII punctuation marks beside Chinese text in ${results.length} files (npm run lint:zh -- --fix rewrites them)` : "Chinese text uses full-width punctuation everywhere.");
process.exit(total ? 1 : 0);
