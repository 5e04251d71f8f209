/**
 * A unified diff of two texts (line based, LCS), for `--fix-dry-run` and nothing else: texts
 * beyond a few thousand changed lines are shown as one replaced block.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Trim the common head and tail, then LCS on the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  type Op = { k: ' ' | '-' | '+'; s: string };
  const ops: Op[] = a.slice(0, head).map((s) => ({ k: ' ', s }) as Op);
  if (am.length * bm.length > 4_000_000) {
    ops.push(...am.map((s) => ({ k: '-', s }) as Op), ...bm.map((s) => ({ k: '+', s }) as Op));
  } else {
    const n = am.length;
    const m = bm.length;
    const L: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = am[i] === bm[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ k: ' ', s: am[i] });
        i++;
        j++;
      } else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) ops.push({ k: '+', s: bm[j++] });
      else ops.push({ k: '-', s: am[i++] });
    }
  }
  ops.push(...a.slice(a.length - tail).map((s) => ({ k: ' ', s }) as Op));
  // Hunks.
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let idx = 0;
  while (idx < ops.length) {
    while (idx < ops.length && ops[idx].k === ' ') idx++;
    if (idx >= ops.length) break;
    const start = Math.max(0, idx - context);
    let end = idx;
    // Extend while changes are within 2*context of each other.
    for (let k = idx; k < ops.length; k++) {
      if (ops[k].k !== ' ') end = k;
      else if (k - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    let aLine = 1;
    let bLine = 1;
    for (let k = 0; k < start; k++) {
      if (ops[k].k !== '+') aLine++;
      if (ops[k].k !== '-') bLine++;
    }
    const hunk = ops.slice(start, stop);
    const aCount = hunk.filter((o) => o.k !== '+').length;
    const bCount = hunk.filter((o) => o.k !== '-').length;
    out.push(`@@ -${aLine},${aCount} +${bLine},${bCount} @@`, ...hunk.map((o) => o.k + o.s));
    idx = stop;
  }
  return out.join('\n') + '\n';
}
