"use client";
// The learner's learning curve (e.g. gradient descent's costHistory) against the reference's, as an SVG line
// chart. A curve that blows up (a learning rate too large, or gradient ascent) would flatten the reference
// into the axis, so the y axis turns logarithmic when the values span more than two orders of magnitude.
import { useId } from "react";
import { formatMetric } from "./format";

interface LearningCurveProps {
  expected: readonly (number | null)[];
  got: readonly (number | null)[] | null;
  labels: { title: string; iteration: string; cost: string; reference: string; yours: string; logScale: string; summary: string };
}

const WIDTH = 520;
const HEIGHT = 240;
const PAD = { left: 84, right: 16, top: 16, bottom: 40 };

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** Path of a series; a null (non-finite) point breaks the line. */
function pathOf(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    d += `${drawing ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

export function LearningCurve({ expected, got, labels }: LearningCurveProps) {
  const titleId = useId();
  const all = [...finite(expected), ...finite(got ?? [])];
  if (all.length === 0) return null;
  const count = Math.max(expected.length, got?.length ?? 0);
  const min = Math.min(...all);
  const max = Math.max(...all);
  const log = min > 0 && max / min > 100;
  const transform = (v: number) => (log ? Math.log10(v) : v);
  const lo = transform(min);
  const hi = transform(max) === lo ? lo + 1 : transform(max);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (count <= 1 ? plotW / 2 : (i / (count - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((transform(v) - lo) / (hi - lo)) * plotH;
  const ticks = [0, 0.5, 1].map((f) => (log ? 10 ** (lo + f * (hi - lo)) : lo + f * (hi - lo)));
  const xTicks = count <= 1 ? [0] : [0, Math.floor((count - 1) / 2), count - 1];

  return (
    <figure className="rounded-md border border-slate-200 bg-white p-3">
      <figcaption id={titleId} className="mb-2 text-sm font-medium text-slate-800">
        {labels.title}
        {log && <span className="ml-2 text-xs font-normal text-slate-600">({labels.logScale})</span>}
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={`${titleId}-desc`} className="h-auto w-full max-w-xl">
        <desc id={`${titleId}-desc`}>{labels.summary}</desc>
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + plotH} stroke="#94a3b8" />
        <line x1={PAD.left} y1={PAD.top + plotH} x2={PAD.left + plotW} y2={PAD.top + plotH} stroke="#94a3b8" />
        {ticks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.left - 4} x2={PAD.left + plotW} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={PAD.left - 8} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {formatMetric(v)}
            </text>
          </g>
        ))}
        {xTicks.map((i) => (
          <text key={`x${i}`} x={x(i)} y={PAD.top + plotH + 16} textAnchor="middle" fontSize="11" fill="#475569">
            {i + 1}
          </text>
        ))}
        <text x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="12" fill="#334155">
          {labels.iteration}
        </text>
        <text x={14} y={PAD.top + plotH / 2} textAnchor="middle" fontSize="12" fill="#334155" transform={`rotate(-90 14 ${PAD.top + plotH / 2})`} dominantBaseline="middle">
          {labels.cost}
        </text>
        <path d={pathOf(expected, x, y)} fill="none" stroke="#1d4fa3" strokeWidth="2.5" />
        {expected.map((v, i) => (v === null ? null : <circle key={`e${i}`} cx={x(i)} cy={y(v)} r="3" fill="#1d4fa3" />))}
        {got && <path d={pathOf(got, x, y)} fill="none" stroke="#c2410c" strokeWidth="2" strokeDasharray="6 4" />}
        {got?.map((v, i) => (v === null ? null : <rect key={`g${i}`} x={x(i) - 3} y={y(v) - 3} width="6" height="6" fill="#c2410c" />))}
      </svg>
      <div className="mt-2 flex flex-wrap gap-4 text-sm text-slate-700">
        <span className="inline-flex items-center gap-2">
          <svg width="24" height="8" aria-hidden="true">
            <line x1="0" y1="4" x2="24" y2="4" stroke="#1d4fa3" strokeWidth="2.5" />
          </svg>
          {labels.reference}
        </span>
        {got && (
          <span className="inline-flex items-center gap-2">
            <svg width="24" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="24" y2="4" stroke="#c2410c" strokeWidth="2" strokeDasharray="6 4" />
            </svg>
            {labels.yours}
          </span>
        )}
      </div>
    </figure>
  );
}
