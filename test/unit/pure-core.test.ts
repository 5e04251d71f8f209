import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bundledCatalogue } from '../../server/src/core/catalogue';
import { knownRuleIds } from '../../server/src/core/engine';
import { derivedResource, resourceText, setResourceReader } from '../../server/src/core/resources';
import { loadTemplates } from '../../server/src/core/templates';
import { sha1, toHex, utf8Bytes } from '../../server/src/core/sha1';
import { installNodeResources, readResource } from '../../server/src/node/resources';

describe('pure core: data files through a resource reader', () => {
  afterEach(() => installNodeResources());

  it('reads the package data files through the installed reader', () => {
    const seen: string[] = [];
    setResourceReader((rel) => {
      seen.push(rel);
      return readResource(rel);
    });
    loadTemplates();
    bundledCatalogue();
    for (const file of ['schemas/templates.yaml', 'schemas/frameworks/lyon-2025.yaml', 'schemas/catalogue.schema.json'])
      assert.ok(seen.includes(file), `${file} not read through the reader: ${seen.join(', ')}`);
  });

  it('derives once per reader, and again after another reader is installed', () => {
    let calls = 0;
    setResourceReader(readResource);
    const a = derivedResource('test/derived', () => ++calls);
    const b = derivedResource('test/derived', () => ++calls);
    assert.equal(a, 1);
    assert.equal(b, 1);
    setResourceReader((rel) => readResource(rel));
    assert.equal(
      derivedResource('test/derived', () => ++calls),
      2,
    );
  });

  it('says clearly which file it needed when no reader can serve it', () => {
    setResourceReader((rel) => {
      throw new Error(`no ${rel} here`);
    });
    assert.throws(() => resourceText('schemas/templates.yaml'), /no schemas\/templates\.yaml here/);
    assert.throws(() => loadTemplates(), /templates\.yaml/);
  });

  it('bundledCatalogue honours its argument on every call (not only the first)', () => {
    const first = bundledCatalogue();
    assert.equal(bundledCatalogue(knownRuleIds()), first, 'the same object on every call');
    assert.throws(() => bundledCatalogue(new Set(['E01-finalite'])), /unknown rule/i);
  });
});

describe('pure core: SHA-1 without node:crypto', () => {
  const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'x'.repeat(1000), 'Lyon — démarche IA 😀', 'lone \ud800 surrogate', 'e\u0301'];
  for (const text of texts) {
    it(`matches node:crypto and Buffer for ${JSON.stringify(text.slice(0, 24))} (${text.length} units)`, () => {
      assert.equal(toHex(utf8Bytes(text)), Buffer.from(text, 'utf8').toString('hex'));
      assert.equal(toHex(sha1(utf8Bytes(text))), createHash('sha1').update(text, 'utf8').digest('hex'));
    });
  }
});
