/** The readable, terminal form of a grade report, in the learner's language, math as text (./math-text.ts). */
import type { Lang } from "../exercises/schema";
import { formatNumber } from "./format";
import { mathToText } from "./math-text";
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
    gradient: (output: string) => `relative error of ${output}`,
    notComparable: "not comparable",
    diagnosis: "What the numbers suggest",
    typeWarnings: "Type warnings (your code still ran)",
    console: "Console output",
    truncated: "[output truncated]",
    line: "line",
    timing: "graded in",
    colon: ": ",
    open: " (",
    close: ")",
    comma: ", ",
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
    gradient: (output: string) => `${output} 的相对误差`,
    notComparable: "无法比较",
    diagnosis: "从数值看可能的误解",
    typeWarnings: "类型警告（代码仍已运行）",
    console: "控制台输出",
    truncated: "[输出已截断]",
    line: "行",
    timing: "评分用时",
    colon: "：",
    open: "（",
    close: "）",
    comma: "，",
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
  const lines = [`${mark} ${c.name}${tags.length ? `${l.open}${tags.join(l.comma)}${l.close}` : ""}${c.weight !== 1 ? ` ×${c.weight}` : ""}`];
  if (c.note && !c.passed) lines.push(`    ${mathToText(c.note)}`);
  if (c.passed) return lines;
  if (c.inputs !== null) lines.push(`    ${l.inputs}${l.colon}${c.inputs}`);
  if (c.expected !== null) lines.push(`    ${l.expected}${l.colon}${c.expected}`);
  if (c.got !== null) lines.push(`    ${l.got}${l.colon}${c.got}`);
  if (c.error) lines.push(`    ${l.error}${c.error.location ? `${l.open}${l.line} ${where(c.error.location)}${l.close}` : ""}${l.colon}${c.error.message}`);
  for (const p of c.problems) lines.push(`    ${p.message}`);
  if (c.maxAbsError !== null) {
    const rel = c.maxRelError !== null ? `${l.comma}${l.maxRel} ${formatNumber(c.maxRelError)}` : "";
    lines.push(`    ${l.maxAbs} ${formatNumber(c.maxAbsError)}${rel}${c.worstIndex ? `${l.comma}${l.at} ${c.worstIndex}` : ""}`);
  } else if (c.worstIndex) lines.push(`    ${l.at} ${c.worstIndex}`);
  for (const g of c.gradients) lines.push(`    ${l.gradient(g.output)}${l.colon}${g.relativeError === null ? l.notComparable : formatNumber(g.relativeError)}`);
  return lines;
}

export function renderReport(report: GradeReport): string {
  const l = labels[report.lang];
  const out: string[] = [];
  const scoreText = report.maxPoints > 0 ? `  ${l.score} ${formatNumber(report.points)}/${formatNumber(report.maxPoints)}${l.open}${Math.round(report.score * 100)}%${l.close}` : "";
  out.push(`${report.slug} · ${l.seed} ${report.seed} · ${l.status[report.status]}${scoreText}`);
  if (report.compileErrors.length) {
    out.push("");
    for (const e of report.compileErrors) out.push(...renderCompileError(e));
  }
  if (report.runtimeError) {
    out.push("");
    out.push(`${l.error}${report.runtimeError.location ? `${l.open}${l.line} ${where(report.runtimeError.location)}${l.close}` : ""}${l.colon}${report.runtimeError.message}`);
  }
  if (report.cases.length) {
    out.push("");
    for (const c of report.cases) out.push(...renderCase(c, report.lang));
  }
  if (report.diagnosis.length) {
    out.push("", `${l.diagnosis}${l.colon.trim()}`);
    for (const d of report.diagnosis) out.push(`  • ${mathToText(d.title)}`, `    ${mathToText(d.explanation).replace(/\n/g, "\n    ")}`);
  }
  if (report.typeWarnings?.length) {
    out.push("", `${l.typeWarnings}${l.colon.trim()}`);
    for (const w of report.typeWarnings) out.push(`  ${where(w.location)}  ${w.message.split("\n")[0]}`);
  }
  if (report.console.text) {
    out.push("", `${l.console}${l.colon.trim()}`, ...report.console.text.replace(/\n$/, "").split("\n").map((line) => `  ${line}`));
    if (report.console.truncated) out.push(`  ${l.truncated}`);
  }
  out.push("", `${l.timing} ${formatNumber(Math.round(report.timing.totalMs * 10) / 10)} ms`);
  return out.join("\n");
}
