/** Misconception "no-sigmoid": adds t_x and t_y to the cell index as they are, without the sigmoid. */
export function decodeAnchorBoxes(t: number[][][][], anchors: number[][]): number[][][][] {
  const Sh = t.length;
  const Sw = t[0]!.length;
  return t.map((row, i) =>
    row.map((cell, j) =>
      cell.map(([tx, ty, tw, th], a) => {
        const [pw, ph] = anchors[a] as [number, number];
        const bx = (tx! + j) / Sw;
        const by = (ty! + i) / Sh;
        const bw = (pw * Math.exp(tw!)) / Sw;
        const bh = (ph * Math.exp(th!)) / Sh;
        return [bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2];
      }),
    ),
  );
}
