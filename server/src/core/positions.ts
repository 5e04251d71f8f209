import type { Position, Range } from './types';

/**
 * Converts string offsets (UTF-16 code units, as JavaScript strings and the `yaml` library
 * count them) to LSP positions and back. Built once per text; lookups are binary searches.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP.
 */
export class LineIndex {
  private starts?: Uint32Array;

  constructor(readonly text: string) {}

  /**
   * Offset of the start of each line. Computed on first use (a text refused for its size is
   * never indexed), in a typed array: 4 bytes a line (a 50 MB text of short lines: 40 MB, not 250).
   */
  get lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    if (text.indexOf('\r') === -1) {
      let n = 1;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
      const starts = new Uint32Array(n);
      let k = 1;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
      return (this.starts = starts);
    }
    // A lone `\r` ends a line too, as for LSP clients (and VS Code): positions must name their lines.
    const list = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) list.push(i + 1);
    }
    return (this.starts = Uint32Array.from(list));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line of the last lookup: callers mostly walk the text in order, so try it and the next first. */
  private hint = 0;

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    const h = this.hint;
    if (starts[h] <= o && (h + 1 >= starts.length || o < starts[h + 1])) return this.at(h, o);
    if (h + 1 < starts.length && starts[h + 1] <= o && (h + 2 >= starts.length || o < starts[h + 2])) return this.at(h + 1, o);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return this.at(lo, o);
  }

  private at(line: number, offset: number): Position {
    this.hint = line;
    return { line, character: Math.min(offset, this.lineEndOffset(line)) - this.lineStarts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    return Math.min(start + Math.max(0, pos.character), this.lineEndOffset(pos.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(Math.max(startOffset, endOffset)) };
  }

  /** Offset of the end of a line's content (before `\r\n` or `\n`). */
  lineEndOffset(line: number): number {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEndOffset(line));
  }

  /** The range of a whole line's content. */
  lineRange(line: number): Range {
    const l = Math.max(0, Math.min(line, this.lineStarts.length - 1));
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineEndOffset(l) - this.lineStarts[l] } };
  }
}
