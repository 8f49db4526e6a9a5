/** Misconception "strict-threshold": keeps a box only when its score is strictly above the threshold. */
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
        const probs = boxClassProbs[i]![j]![a]!;
        const classScores = probs.map((c) => pc * c);
        let best = 0;
        classScores.forEach((s, k) => {
          if (s > classScores[best]!) best = k;
        });
        if (classScores[best]! > threshold) {
          kept.boxes.push(boxes[i]![j]![a]!);
          kept.scores.push(classScores[best]!);
          kept.classes.push(best);
        }
      }),
    ),
  );
  return kept;
}
