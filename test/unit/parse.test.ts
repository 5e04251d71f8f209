import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/positions';
import { getIn, parseDeclaration, rangeOf } from '../../server/src/core/parse';

describe('LineIndex', () => {
  it('maps offsets to LSP positions with LF, CRLF and UTF-16 surrogate pairs', () => {
    const text = 'a: 1\r\nb: "é😀x"\nc: 3';
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 3);
    assert.deepEqual(idx.positionAt(text.indexOf('b')), { line: 1, character: 0 });
    // 😀 is two UTF-16 code units, as LSP counts them.
    assert.deepEqual(idx.positionAt(text.indexOf('x')), { line: 1, character: 7 });
    // Never between \r and \n: the \r belongs to the line break.
    assert.deepEqual(idx.positionAt(text.indexOf('\r')), { line: 0, character: 4 });
    assert.deepEqual(idx.positionAt(text.indexOf('\n')), { line: 0, character: 4 });
    assert.equal(idx.lineText(0), 'a: 1');
    assert.equal(idx.offsetAt({ line: 1, character: 7 }), text.indexOf('x'));
    assert.equal(idx.offsetAt({ line: 0, character: 99 }), 4, 'clamped to the line end');
    assert.equal(idx.offsetAt({ line: 9, character: 0 }), text.length);
  });
});

describe('parseDeclaration', () => {
  it('indexes keys and values by data path, merges applied', () => {
    const p = parseDeclaration('base: &b\n  x: 1\nprojet:\n  <<: *b\n  nom: Test\n  liste: [a, b]\n');
    assert.deepEqual(p.problems, []);
    assert.deepEqual(getIn(p.value, ['projet', 'x']), 1);
    assert.deepEqual(rangeOf(p, ['projet', 'nom']), { start: { line: 4, character: 7 }, end: { line: 4, character: 11 } });
    assert.deepEqual(rangeOf(p, ['projet', 'nom'], 'key'), { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
    assert.deepEqual(rangeOf(p, ['projet', 'liste', 1]), { start: { line: 5, character: 13 }, end: { line: 5, character: 14 } });
    // A collection is shown on its key; an absent path on its nearest present ancestor's key.
    assert.deepEqual(rangeOf(p, ['projet']), { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
    assert.deepEqual(rangeOf(p, ['projet', 'absent', 'x']), { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } });
  });

  const hostile: [string, string, string][] = [
    ['empty', '', ''],
    ['only comments', '# rien\n# encore\n', ''],
    ['a scalar', 'juste du texte', ''],
    ['a list', '- a\n- b\n', ''],
    ['unclosed flow', 'projet: { nom: [a, b\n', 'syntax'],
    ['tab indentation', 'projet:\n\tnom: x\n', 'syntax'],
    ['duplicate keys', 'a: 1\na: 2\n', 'DUPLICATE_KEY'],
    ['two documents', 'a: 1\n---\nb: 2\n', 'MULTIPLE_DOCS'],
    ['binary', 'a: 1\u0000\u0001', 'BINARY'],
    ['undefined alias', 'a: *nope\n', 'syntax'],
    ['BOM and CRLF', '\ufeffa: 1\r\nb: 2\r\n', ''],
  ];
  for (const [name, text, expected] of hostile) {
    it(`never throws: ${name}`, () => {
      const p = parseDeclaration(text);
      assert.ok(Array.isArray(p.problems));
      if (expected === 'syntax') assert.ok(p.problems.length > 0, 'a problem is reported');
      else if (expected)
        assert.ok(
          p.problems.some((x) => x.code === expected),
          `${expected} in ${JSON.stringify(p.problems.map((x) => x.code))}`,
        );
      else assert.deepEqual(p.problems, []);
      for (const pr of p.problems) {
        assert.ok(pr.range.start.line <= pr.range.end.line);
        assert.ok(pr.range.end.line < p.lines.lineCount);
      }
    });
  }

  it('refuses an alias bomb without expanding it', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const p = parseDeclaration(text);
    assert.ok(p.problems.some((x) => x.code === 'ALIAS_LIMIT'));
    assert.equal(p.value, undefined);
  });

  it('gives one problem for a text over the size limit, without parsing it', () => {
    const p = parseDeclaration('a: 1\n'.repeat(100), { maxChars: 100 });
    assert.deepEqual(
      p.problems.map((x) => x.code),
      ['TOO_LARGE'],
    );
    assert.equal(p.doc, undefined);
  });

  it('survives nesting 10,000 levels deep', () => {
    const p = parseDeclaration('['.repeat(10000) + ']'.repeat(10000));
    assert.ok(Array.isArray(p.problems));
  });
});
