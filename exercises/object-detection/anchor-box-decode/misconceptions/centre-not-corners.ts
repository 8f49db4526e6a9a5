/** Misconception "centre-not-corners": returns the centre and size (b_x, b_y, b_w, b_h) instead of the corners. */
export function decodeAnchorBoxes(t: number[][][][], anchors: number[][]): number[][][][] {
  const Sh = t.length;
  const Sw = t[0]!.length;
  const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
  return t.map((row, i) =>
    row.map((cell, j) =>
      cell.map(([tx, ty, tw, th], a) => {
        const [pw, ph] = anchors[a] as [number, number];
        const bx = (sigmoid(tx!) + j) / Sw;
        const by = (sigmoid(ty!) + i) / Sh;
        const bw = (pw * Math.exp(tw!)) / Sw;
        const bh = (ph * Math.exp(th!)) / Sh;
        return [bx, by, bw, bh];
      }),
    ),
  );
}
