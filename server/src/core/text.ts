/** Damerau–Levenshtein distance (optimal string alignment), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 8) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Folds accents and case: `Réversibilité` → `reversibilite`. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const folded = new Map<string, string>();

/** `fold` of a candidate, cached (candidates are the schema's few hundred keys and values). */
function foldCandidate(c: string): string {
  let f = folded.get(c);
  if (f === undefined) {
    if (folded.size > 5000) folded.clear();
    folded.set(c, (f = fold(c)));
  }
  return f;
}

/** The closest candidate to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = fold(word);
  const limit = Math.max(2, Math.floor(Math.max(w.length, 1) / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const f = foldCandidate(c);
    if (f === w) return c;
    // The distance is at least the difference in length: no need to compute it beyond the limit.
    if (Math.abs(f.length - w.length) > limit) continue;
    const d = editDistance(w, f);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  return bestD <= limit ? best : undefined;
}

/** Template placeholders ("A COMPLETER : …", "À CONFIRMER") left in a field: information still to write. */
export const PLACEHOLDER_RE = /^\s*[AÀ] (COMPL[EÉ]TER|CONFIRMER)\b/i;
