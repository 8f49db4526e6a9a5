/** Misconception "natural-log": uses the natural logarithm, so the gain is in nats (ln 2 ≈ 0.693 times the bits). */
export function informationGain(y: number[], goesLeft: boolean[]): number {
  const entropyOf = (labels: number[]): number => {
    if (labels.length === 0) return 0;
    const counts = new Map<number, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    let h = 0;
    for (const count of counts.values()) {
      const p = count / labels.length;
      h -= p * Math.log(p);
    }
    return h;
  };
  const left = y.filter((_, i) => goesLeft[i]);
  const right = y.filter((_, i) => !goesLeft[i]);
  const m = y.length;
  return entropyOf(y) - ((left.length / m) * entropyOf(left) + (right.length / m) * entropyOf(right));
}
