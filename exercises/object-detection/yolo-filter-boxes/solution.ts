/**
 * For each anchor box of each grid cell: the class scores p_c·c_k, the class with the largest one, and the box
 * kept when that score reaches the threshold. Kept boxes come out in row-major order (row, column, anchor).
 */
export function yoloFilterBoxes(
  boxConfidence: number[][][],
  boxes: number[][][][],
  boxClassProbs: number[][][][],
  threshold: number,
): { boxes: number[][]; scores: number[]; classes: number[] } {
  const kept = { boxes: [] as number[][], scores: [] as number[], classes: [] as number[] };
  boxConfidence.forEach((row, i) =>
    row.forEach((cell, j) =>
      cell.forEach((pc, a) => {
        const classScores = boxClassProbs[i]![j]![a]!.map((c) => pc * c);
        let best = 0;
        classScores.forEach((s, k) => {
          if (s > classScores[best]!) best = k;
        });
        if (classScores[best]! >= threshold) {
          kept.boxes.push(boxes[i]![j]![a]!);
          kept.scores.push(classScores[best]!);
          kept.classes.push(best);
        }
      }),
    ),
  );
  return kept;
}
