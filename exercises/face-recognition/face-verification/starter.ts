/**
 * One-shot face verification and recognition from encodings f(img), in the notes' notation:
 *   d(img1, img2) = ‖f(img1) − f(img2)‖²   (the squared Euclidean distance: how DIFFERENT two images are)
 *   d ≤ τ → the same person, otherwise different people.
 * Verification compares a query with every database photo; recognition returns the database photo with the
 * smallest d if that d ≤ τ (the first one on a tie), else −1 ("not in the database").
 *
 * @param database n × d: row j is the encoding of database photo j
 * @param queries  q × d: row i is the encoding of query photo i
 * @param tau      the threshold τ on d
 * @returns distances (q × n, distances[i][j] = d(query i, photo j)), same (q × n, distances[i][j] ≤ τ), and
 *   identity (q integers: the index j of the nearest photo when its distance is ≤ τ, else −1)
 */
export function faceVerification(
  database: number[][],
  queries: number[][],
  tau: number,
): { distances: number[][]; same: boolean[][]; identity: number[] } {
  // Replace these placeholders with your implementation.
  return {
    distances: queries.map(() => database.map(() => 0)),
    same: queries.map(() => database.map(() => false)),
    identity: queries.map(() => -1),
  };
}
