/** Model solution for `gradient-clipping` (plain TypeScript, float64). */
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
  if (mode === "value") return mapGradients(gradients, (g) => Math.min(Math.max(g, -threshold), threshold));
  // One norm over every entry of every gradient, as if they were one long vector.
  const entries = [...gradients.dWaa.flat(), ...gradients.dWax.flat(), ...gradients.dWya.flat(), ...gradients.dba, ...gradients.dby];
  const globalNorm = Math.sqrt(entries.reduce((sum, g) => sum + g * g, 0));
  // c / max(‖g‖, c): 1 (no change) while the norm is within c, else the factor that brings it down to c.
  const scale = threshold / Math.max(globalNorm, threshold);
  return mapGradients(gradients, (g) => g * scale);
}
