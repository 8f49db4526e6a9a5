/** Misconception `per-tensor-norm`: each gradient clipped by its own norm, c / max(‖g_k‖, c), instead of one global norm. */
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

function scaleToNorm<T extends number[] | number[][]>(g: T, threshold: number): T {
  const entries = (g as (number | number[])[]).flat();
  const norm = Math.sqrt(entries.reduce((sum, v) => sum + v * v, 0));
  const scale = threshold / Math.max(norm, threshold);
  return (g as (number | number[])[]).map((item) => (Array.isArray(item) ? item.map((v) => v * scale) : item * scale)) as T;
}

export function clipGradients(gradients: RnnGradients, mode: "value" | "norm", threshold: number): RnnGradients {
  if (mode === "value") return mapGradients(gradients, (g) => Math.min(Math.max(g, -threshold), threshold));
  return {
    dWaa: scaleToNorm(gradients.dWaa, threshold),
    dWax: scaleToNorm(gradients.dWax, threshold),
    dWya: scaleToNorm(gradients.dWya, threshold),
    dba: scaleToNorm(gradients.dba, threshold),
    dby: scaleToNorm(gradients.dby, threshold),
  };
}
