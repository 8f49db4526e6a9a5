/** Misconception "distance-as-similarity": reads d as a similarity (the notes' word): same when d ≥ τ, identity = the farthest photo. */
function squaredDistance(u: number[], v: number[]): number {
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

export function faceVerification(
  database: number[][],
  queries: number[][],
  tau: number,
): { distances: number[][]; same: boolean[][]; identity: number[] } {
  const distances = queries.map((q) => database.map((e) => squaredDistance(q, e)));
  const same = distances.map((row) => row.map((d) => d >= tau));
  const identity = distances.map((row) => {
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
    return row[best]! >= tau ? best : -1;
  });
  return { distances, same, identity };
}
