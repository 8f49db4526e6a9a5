/** Misconception `norm-clipped-by-value`: in "norm" mode every entry is clipped to [−c, c], as in "value" mode. */
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
  void mode; // both modes clip the entries
  return mapGradients(gradients, (g) => Math.min(Math.max(g, -threshold), threshold));
}
