/**
 * YOLOv2 decoding: the centre is the cell's top-left corner plus a sigmoid offset inside the cell, the size is the
 * anchor box scaled by e^t; both in grid cells, divided by the grid's width or height, then turned into corners.
 */
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
        return [bx - bw / 2, by - bh / 2, bx + bw / 2, by + bh / 2];
      }),
    ),
  );
}
