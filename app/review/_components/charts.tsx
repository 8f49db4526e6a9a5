// Small SVG charts for /review/stats, rendered on the server (no chart library, no client JavaScript). Each
// chart carries an accessible name and a <title> per bar, so the numbers are readable without the picture.

export interface Bar {
  /** Short label under the bar (shown for every `labelEvery`-th bar). */
  label: string;
  value: number;
  /** A part of `value` drawn in the accent colour at the bar's base (e.g. Again among all reviews). */
  part?: number;
  /** Tooltip text. */
  title: string;
}

function niceMax(max: number): number {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= max / 4) ?? magnitude * 10;
  return Math.ceil(max / step) * step;
}

export function BarChart({ bars, label, labelEvery = 5, color = "#2563c9", partColor = "#e11d48", testId }: { bars: Bar[]; label: string; labelEvery?: number; color?: string; partColor?: string; testId?: string }) {
  const width = 640;
  const height = 180;
  const left = 32;
  const bottom = 22;
  const top = 8;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...bars.map((b) => b.value)));
  const slot = (width - left) / Math.max(1, bars.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const ticks = [0, max / 2, max];
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-auto w-full" data-testid={testId}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
          <text x={left - 4} y={y(tick) + 4} textAnchor="end" fontSize="10" fill="#475569">
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = left + i * slot + (slot - barWidth) / 2;
        const part = Math.min(bar.part ?? 0, bar.value);
        return (
          <g key={i}>
            <title>{bar.title}</title>
            {bar.value > 0 && <rect x={x} y={y(bar.value)} width={barWidth} height={y(0) - y(bar.value)} fill={color} rx="1" />}
            {part > 0 && <rect x={x} y={y(part)} width={barWidth} height={y(0) - y(part)} fill={partColor} rx="1" />}
            {i % labelEvery === 0 && (
              <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" fontSize="10" fill="#475569">
                {bar.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** A 0–1 value as a horizontal bar with the target marked. */
export function RetentionMeter({ value, target, label }: { value: number | null; target: number; label: string }) {
  const width = 320;
  const height = 28;
  const x = (v: number) => v * width;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className="h-7 w-full max-w-sm">
      <rect x="0" y="6" width={width} height="16" rx="3" fill="#e2e8f0" />
      {value !== null && <rect x="0" y="6" width={x(value)} height="16" rx="3" fill={value >= target ? "#059669" : "#d97706"} />}
      <line x1={x(target)} x2={x(target)} y1="2" y2="26" stroke="#0f172a" strokeWidth="2" />
    </svg>
  );
}
