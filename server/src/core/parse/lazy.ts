import type { Document, Node, Pair } from 'yaml';
import type { LineIndex } from '../positions';
import type { DataPath, Range } from '../types';
import type { FastResult } from './fast';

/**
 * The shapes `parse.ts` exports, repeated structurally here (this module must not import
 * `parse.ts`, which imports it).
 */
interface Info {
  path: DataPath;
  keyRange?: Range;
  valueRange?: Range;
  node?: Node | null;
  pair?: Pair;
  collection: boolean;
}
interface Parsed {
  text: string;
  lines: LineIndex;
  doc?: Document.Parsed;
  value: unknown;
  problems: { code: string; detail: string; range: Range }[];
  index: Map<string, Info>;
}

/**
 * The syntax tree of a text read on the fast path, built by the reference parser the first time
 * anyone asks for it (fixes, completion, document symbols): diagnostics, verdicts and hovers
 * never do.
 */
class Tree {
  private ref?: Parsed;
  cleared = false;
  constructor(
    private readonly text: string,
    private readonly reference: (text: string) => Parsed,
  ) {}
  get(): Parsed {
    return (this.ref ??= this.reference(this.text));
  }
}

/** A key or value position read on the fast path; its `node` and `pair` come from the tree, on demand. */
class FastInfo implements Info {
  constructor(
    readonly path: DataPath,
    readonly keyRange: Range | undefined,
    readonly valueRange: Range | undefined,
    readonly collection: boolean,
    private readonly tree: Tree,
    private readonly key: string,
  ) {}
  get node(): Node | null | undefined {
    return this.tree.get().index.get(this.key)?.node;
  }
  get pair(): Pair | undefined {
    return this.tree.get().index.get(this.key)?.pair;
  }
}

/** A declaration read on the fast path: the same fields as the reference path; `doc` is built on demand. */
export class FastParsed implements Parsed {
  readonly problems: Parsed['problems'] = [];
  readonly index = new Map<string, Info>();
  private readonly tree: Tree;
  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    public value: unknown,
    fast: FastResult,
    reference: (text: string) => Parsed,
  ) {
    this.tree = new Tree(text, reference);
    for (const e of fast.entries) {
      const keyRange = e.ks >= 0 ? lines.range(e.ks, e.ke) : undefined;
      this.index.set(e.key, new FastInfo(e.path, keyRange, lines.range(e.vs, e.ve), e.collection, this.tree, e.key));
    }
  }
  /** Whether a syntax tree can be had (without building it): false once someone cleared `doc`. */
  get hasTree(): boolean {
    return !this.tree.cleared;
  }
  get doc(): Document.Parsed | undefined {
    return this.tree.cleared ? undefined : this.tree.get().doc;
  }
  set doc(doc: Document.Parsed | undefined) {
    if (doc !== undefined) throw new TypeError('the tree of a declaration read on the fast path is built by the parser');
    this.tree.cleared = true;
  }
}
