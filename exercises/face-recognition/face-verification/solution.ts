/** d = ‖f(img1) − f(img2)‖²: small means the same person. */
function squaredDistance(u: number[], v: number[]): number {
  return u.reduce((sum, x, k) => sum + (x - v[k]!) ** 2, 0);
}

export function faceVerification(
  database: number[][],
  queries: number[][],
  tau: number,
): { distances: number[][]; same: boolean[][]; identity: number[] } {
  const distances = queries.map((q) => database.map((e) => squaredDistance(q, e)));
  const same = distances.map((row) => row.map((d) => d <= tau));
  const identity = distances.map((row) => {
    // The first smallest distance wins a tie, as argmin does: only a strictly smaller one moves best.
    const best = row.reduce((b, d, j) => (d < row[b]! ? j : b), 0);
    return row[best]! <= tau ? best : -1;
  });
  return { distances, same, identity };
}
