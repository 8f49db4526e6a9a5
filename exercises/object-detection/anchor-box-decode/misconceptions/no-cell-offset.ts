/** Misconception "no-cell-offset": takes σ(t_x), σ(t_y) as the centre without adding the cell's column and row. */
export function decodeAnchorBoxes(t: number[][][][], anchors: number[][]): number[][][][] {
  const Sh = t.length;
  const Sw = t[0]!.length;
  const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
  return t.map((row, i) =>
    row.map((cell, j) =>
      cell.map(([tx, ty, tw, th], a) => {
        const [pw, ph] = anchors[a] as [number, number];
        const bx = sigmoid(tx!) / Sw;
        const by = sigmoid(ty!) / Sh;
        const bw = (pw * Math.exp(tw!)) / Sw;
        const bh = (ph * Math.exp(th!)) / Sh;
        return [bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2];
      }),
    ),
  );
}
