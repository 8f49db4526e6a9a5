/** The readable, terminal form of a grade report, in the learner's language. */
import type { Lang } from "../exercises/schema";
import { formatNumber } from "./format";
import type { CaseResult, CompileError, GradeReport } from "./report";

const labels = {
  en: {
    status: { passed: "all cases passed", failed: "some cases failed", "compile-error": "could not compile", error: "could not grade" },
    score: "score",
    seed: "seed",
    hidden: "hidden case",
    notRun: "not run",
    inputs: "inputs",
    expected: "expected",
    got: "got",
    error: "error",
    maxAbs: "max abs error",
    maxRel: "max rel error",
    at: "at",
    gradient: "relative error of",
    notComparable: "not comparable",
    diagnosis: "What the numbers suggest",
    typeWarnings: "Type warnings (your code still ran)",
    console: "Console output",
    truncated: "[output truncated]",
    line: "line",
    timing: "graded in",
  },
  zh: {
    status: { passed: "全部用例通过", failed: "部分用例未通过", "compile-error": "无法编译", error: "无法评分" },
    score: "得分",
    seed: "种子",
    hidden: "隐藏用例",
    notRun: "未运行",
    inputs: "输入",
    expected: "期望",
    got: "实际",
    error: "错误",
    maxAbs: "最大绝对误差",
    maxRel: "最大相对误差",
    at: "位于",
    gradient: "相对误差:",
    notComparable: "无法比较",
    diagnosis: "从数值看可能的误解",
    typeWarnings: "类型警告(代码仍已运行)",
    console: "控制台输出",
    truncated: "[输出已截断]",
    line: "行",
    timing: "评分用时",
  },
} as const;

function where(location: { line: number; column: number } | null): string {
  return location ? `${location.line}:${location.column}` : "";
}

function renderCompileError(e: CompileError): string[] {
  const lines = [`  ${where(e.location) ? `${where(e.location)}  ` : ""}${e.message}`];
  if (e.lineText !== null && e.location) {
    lines.push(`    ${e.lineText}`);
    lines.push(`    ${" ".repeat(Math.max(0, e.location.column - 1))}^`);
  }
  return lines;
}

function renderCase(c: CaseResult, lang: Lang): string[] {
  const l = labels[lang];
  const mark = c.passed ? "✓" : c.ran ? "✗" : "–";
  const tags = [...(c.visible ? [] : [l.hidden]), ...(c.ran ? [] : [l.notRun])];
  const lines = [`${mark} ${c.name}${tags.length ? ` (${tags.join(", ")})` : ""}${c.weight !== 1 ? ` ×${c.weight}` : ""}`];
  if (c.note && !c.passed) lines.push(`    ${c.note}`);
  if (c.passed) return lines;
  if (c.inputs !== null) lines.push(`    ${l.inputs}: ${c.inputs}`);
  if (c.expected !== null) lines.push(`    ${l.expected}: ${c.expected}`);
  if (c.got !== null) lines.push(`    ${l.got}: ${c.got}`);
  if (c.error) lines.push(`    ${l.error}${c.error.location ? ` (${l.line} ${where(c.error.location)})` : ""}: ${c.error.message}`);
  for (const p of c.problems) lines.push(`    ${p.message}`);
  if (c.maxAbsError !== null) {
    const rel = c.maxRelError !== null ? `, ${l.maxRel} ${formatNumber(c.maxRelError)}` : "";
    lines.push(`    ${l.maxAbs} ${formatNumber(c.maxAbsError)}${rel}${c.worstIndex ? `, ${l.at} ${c.worstIndex}` : ""}`);
  } else if (c.worstIndex) lines.push(`    ${l.at} ${c.worstIndex}`);
  for (const g of c.gradients) lines.push(`    ${l.gradient} ${g.output}: ${g.relativeError === null ? l.notComparable : formatNumber(g.relativeError)}`);
  return lines;
}

export function renderReport(report: GradeReport): string {
  const l = labels[report.lang];
  const out: string[] = [];
  const scoreText = report.maxPoints > 0 ? `  ${l.score} ${formatNumber(report.points)}/${formatNumber(report.maxPoints)} (${Math.round(report.score * 100)}%)` : "";
  out.push(`${report.slug} · ${l.seed} ${report.seed} · ${l.status[report.status]}${scoreText}`);
  if (report.compileErrors.length) {
    out.push("");
    for (const e of report.compileErrors) out.push(...renderCompileError(e));
  }
  if (report.runtimeError) {
    out.push("");
    out.push(`${l.error}${report.runtimeError.location ? ` (${l.line} ${where(report.runtimeError.location)})` : ""}: ${report.runtimeError.message}`);
  }
  if (report.cases.length) {
    out.push("");
    for (const c of report.cases) out.push(...renderCase(c, report.lang));
  }
  if (report.diagnosis.length) {
    out.push("", `${l.diagnosis}:`);
    for (const d of report.diagnosis) out.push(`  • ${d.title}`, `    ${d.explanation}`);
  }
  if (report.typeWarnings?.length) {
    out.push("", `${l.typeWarnings}:`);
    for (const w of report.typeWarnings) out.push(`  ${where(w.location)}  ${w.message.split("\n")[0]}`);
  }
  if (report.console.text) {
    out.push("", `${l.console}:`, ...report.console.text.replace(/\n$/, "").split("\n").map((line) => `  ${line}`));
    if (report.console.truncated) out.push(`  ${l.truncated}`);
  }
  out.push("", `${l.timing} ${formatNumber(Math.round(report.timing.totalMs * 10) / 10)} ms`);
  return out.join("\n");
}
