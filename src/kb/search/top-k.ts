/**
 * Positions of the k highest scores, highest first, without sorting them all (a bounded insertion
 * list): the search runs this per query over thousands of articles. `among` limits the positions
 * looked at (those a query touched); a score of -1 or less means "not scored" and is skipped.
 */
export function topK(scores: ArrayLike<number>, k: number, among?: readonly number[]): number[] {
  const best: number[] = [];
  const count = among ? among.length : scores.length;
  for (let n = 0; n < count; n++) {
    const position = among ? (among[n] as number) : n;
    const score = scores[position] as number;
    if (score <= -1) continue;
    if (best.length === k && score <= (scores[best[k - 1] as number] as number)) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && (scores[best[i - 1] as number] as number) < score) {
      best[i] = best[i - 1] as number;
      i--;
    }
    best[i] = position;
  }
  return best;
}
