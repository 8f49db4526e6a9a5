/** Misconception "width-height-swapped": reads the last two outputs in the notes' order (b_h before b_w), so t_h scales the width. */
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
        const bw = (pw * Math.exp(th!)) / Sw;
        const bh = (ph * Math.exp(tw!)) / Sh;
        return [bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2];
      }),
    ),
  );
}
