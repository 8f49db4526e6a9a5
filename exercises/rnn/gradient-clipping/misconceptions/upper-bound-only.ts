/** Misconception `upper-bound-only`: value clipping with min(g, c) alone, so large negative entries pass unclipped. */
interface RnnGradients {
  dWaa: number[][];
  dWax: number[][];
  dWya: number[][];
  dba: number[];
  dby: number[];
}

function mapGradients(gradients: RnnGradients, f: (g: number) => number): RnnGradients {
  return {
    dWaa: gradients.dWaa.map((row) => row.map(f)),
    dWax: gradients.dWax.map((row) => row.map(f)),
    dWya: gradients.dWya.map((row) => row.map(f)),
    dba: gradients.dba.map(f),
    dby: gradients.dby.map(f),
  };
}

export function clipGradients(gradients: RnnGradients, mode: "value" | "norm", threshold: number): RnnGradients {
  if (mode === "value") return mapGradients(gradients, (g) => Math.min(g, threshold));
  const entries = [...gradients.dWaa.flat(), ...gradients.dWax.flat(), ...gradients.dWya.flat(), ...gradients.dba, ...gradients.dby];
  const globalNorm = Math.sqrt(entries.reduce((sum, g) => sum + g * g, 0));
  const scale = threshold / Math.max(globalNorm, threshold);
  return mapGradients(gradients, (g) => g * scale);
}
