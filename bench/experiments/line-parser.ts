/**
 * EXPERIMENT, not used by the product: how fast can a line-oriented parser of the subset of
 * YAML that declarations use be, against `yaml`'s parseDocument? It handles block maps and
 * sequences, one-line plain/quoted scalars, folded/literal block scalars, one-line flow
 * sequences and comments; it gives up (undefined) on anything else. Its data is checked against
 * `yaml` on the bench corpus below; its ranges are NOT checked (yaml's rules for where trailing
 * comments end a collection are subtle): a product version would need that, a fallback to
 * `yaml` on any doubt, and a differential fuzz test. See bench/README.md, "What remains".
 *   npx tsx bench/experiments/line-parser.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GENERATOR_VERSION, writeCorpus } from '../generate';
import { parseDocument } from 'yaml';
import { LineIndex } from '../../server/src/core/positions';
import { isDeepStrictEqual } from 'node:util';
type Frame = { indent: number; obj: any; path: (string | number)[]; key: string; seq?: boolean };
function scalar(s: string): unknown {
  if (s === '' || s === '~' || s === 'null') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (s[0] === '"') return JSON.parse(s);
  if (s[0] === "'") return s.slice(1, -1).replace(/''/g, "'");
  if (s[0] === '[')
    return s
      .slice(1, -1)
      .split(',')
      .map((x) => scalar(x.trim()))
      .filter((_, _i, a) => !(a.length === 1 && s.slice(1, -1).trim() === ''));
  return s;
}
function findIn(text: string, sub: string, from: number, to: number): number {
  const r = text.slice(from, to).indexOf(sub);
  return r < 0 ? -1 : from + r;
}
export function proto(text: string) {
  const lines = new LineIndex(text);
  const index = new Map<string, any>();
  const root: any = {};
  const stack: Frame[] = [{ indent: -1, obj: root, path: [], key: '' }];
  const starts = lines.lineStarts;
  const n = starts.length;
  let i = 0;
  const add = (path: any[], key: string, ks: number, ke: number, vs: number, ve: number, coll: boolean) =>
    index.set(key, { path, keyRange: ks >= 0 ? lines.range(ks, ke) : undefined, valueRange: lines.range(vs, ve), collection: coll });
  while (i < n) {
    const ls = starts[i];
    const le = i + 1 < n ? starts[i + 1] - 1 : text.length;
    let p = ls;
    while (p < le && text.charCodeAt(p) === 32) p++;
    if (p === le || text.charCodeAt(p) === 35) {
      i++;
      continue;
    }
    let indent = p - ls;
    const isItem = text.charCodeAt(p) === 45 && text.charCodeAt(p + 1) === 32;
    while (stack.length > 1 && stack[stack.length - 1].indent > indent) stack.pop();
    let top = stack[stack.length - 1];
    if (top.indent !== indent && stack.length > 1) {
      return undefined;
    }
    if (isItem) {
      if (!top.seq) return undefined;
      const arr = top.obj as any[];
      const idx = arr.length;
      p += 2;
      while (text.charCodeAt(p) === 32) p++;
      const path = [...top.path, idx];
      const k = top.key === '' ? String(idx) : top.key + '\0' + idx;
      const cc = findIn(text, ': ', p, le);
      if ((cc < 0 || cc >= le) && text.charCodeAt(le - 1) !== 58) {
        let ve = le;
        while (ve > p && text.charCodeAt(ve - 1) === 32) ve--;
        arr.push(scalar(text.slice(p, ve)));
        add(path, k, -1, -1, p, ve, false);
        i++;
        continue;
      }
      const item: any = {};
      arr.push(item);
      add(path, k, -1, -1, p, le, true);
      stack.push({ indent: p - ls, obj: item, path, key: k });
      indent = p - ls;
      top = stack[stack.length - 1];
    } else if (top.seq) {
      return undefined;
    }
    const colon = findIn(text, ': ', p, le);
    const colonEol = text.charCodeAt(le - 1) === 58 ? le - 1 : -1;
    const c = colon >= 0 && colon < le ? colon : colonEol;
    if (c < 0) {
      return undefined;
    }
    const name = text.slice(p, c);
    const path = [...top.path, name];
    const k = top.key === '' ? name : top.key + '\0' + name;
    let vs = c + 1;
    while (vs < le && text.charCodeAt(vs) === 32) vs++;
    if (text.charCodeAt(vs) === 35) vs = le;
    let ve = le;
    const hash = findIn(text, ' #', vs, le);
    if (hash >= 0 && hash < le && text[vs] !== '"') ve = hash;
    while (ve > vs && text.charCodeAt(ve - 1) === 32) ve--;
    if (vs >= ve) {
      // nested block
      let j = i + 1,
        next = 0,
        q = 0;
      for (; j < n; j++) {
        next = starts[j];
        q = next;
        while (text.charCodeAt(q) === 32) q++;
        const ch = text.charCodeAt(q);
        if (ch !== 10 && ch !== 35 && q < text.length) break;
      }
      const seq = text.charCodeAt(q) === 45;
      const child: any = seq ? [] : {};
      top.obj[name] = child;
      add(path, k, p, c, q, q, true);
      stack.push({ indent: q - next, obj: child, path, key: k, seq });
      i++;
      continue;
    }
    const raw = text.slice(vs, ve);
    if (raw === '>-' || raw === '|' || raw === '>') {
      const parts: string[] = [];
      let j = i + 1;
      let end = le + 1;
      for (; j < n; j++) {
        const s0 = starts[j];
        const e0 = j + 1 < n ? starts[j + 1] - 1 : text.length;
        let q = s0;
        while (q < e0 && text.charCodeAt(q) === 32) q++;
        if (q === e0) break;
        if (q - s0 <= indent) break;
        parts.push(text.slice(q, e0));
        end = e0 + 1;
      }
      top.obj[name] = parts.join(raw[0] === '>' ? ' ' : '\n');
      add(path, k, p, c, vs, end, false);
      i = j;
      continue;
    }
    top.obj[name] = scalar(raw);
    add(path, k, p, c, vs, ve, raw[0] === '[');
    i++;
  }
  return { value: root, index };
}
writeCorpus(path.join(__dirname, '..', '.cache', `corpus-v${GENERATOR_VERSION}`), 0);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const n of [200, 2000, 10000]) {
  const text = fs.readFileSync(path.join(__dirname, '..', '.cache', `corpus-v${GENERATOR_VERSION}`, `declaration-${n}.ia.yaml`), 'utf8');
  const r = proto(text);
  if (!r) {
    console.log(n, 'fallback');
    continue;
  }
  const ref = parseDocument(text).toJS();
  const same = isDeepStrictEqual(r.value, ref);
  if (!same)
    for (const k of Object.keys(ref))
      if (!isDeepStrictEqual(ref[k], r.value[k])) {
        console.log('diff in', k, JSON.stringify(ref[k]).slice(0, 300), '\n vs', JSON.stringify(r.value[k]).slice(0, 300));
        break;
      }
  const reps = n === 200 ? 500 : n === 2000 ? 50 : 10;
  let t = cpu();
  for (let k = 0; k < reps; k++) proto(text);
  const a = (cpu() - t) / reps;
  t = cpu();
  for (let k = 0; k < Math.max(2, reps / 5); k++) parseDocument(text);
  const b = (cpu() - t) / Math.max(2, reps / 5);
  console.log(n, 'lines: same data as yaml:', same, '; line parser', a.toFixed(2), 'ms; yaml parseDocument', b.toFixed(1), 'ms; entries', r.index.size);
}
