/**
 * The CSV register and its Table Schema (schemas/registre.tableschema.json, the Frictionless
 * format French open-data schemas use), checked with `tableschema` (the Frictionless JavaScript
 * library; it does not anchor `pattern`, so the descriptor's patterns carry ^…$): the descriptor is valid, names the columns the report writes in their order with
 * their descriptions, and every row of the examples' register casts (types, enums, patterns,
 * dates, required values, unique identifiers). A row that breaks it is shown to fail.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCatalogue } from '../../server/src/core/engine';
import { csvColumns, renderCsv } from '../../server/src/core/report/index';
import { collectReport } from '../../server/src/node/report';
import { parseCsv } from '../fixtures/report/support';

// tableschema ships no types.
const { Schema } = require('tableschema') as { Schema: { load(d: unknown): Promise<TableSchema> } };
interface TableSchema {
  valid: boolean;
  errors: Error[];
  fieldNames: string[];
  castRow(row: string[]): unknown[];
}

const ROOT = path.resolve(__dirname, '../..');
const DESCRIPTOR = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/registre.tableschema.json'), 'utf8'));
const NOW = new Date('2026-06-01T12:00:00Z');

/** Casts every row; returns the errors as "row n: message". */
function castAll(schema: TableSchema, rows: string[][]): string[] {
  const errors: string[] = [];
  rows.forEach((row, i) => {
    try {
      schema.castRow(row);
    } catch (e) {
      const list = (e as { errors?: Error[] }).errors ?? [e as Error];
      for (const x of list) errors.push(`row ${i + 1}: ${x.message}`);
    }
  });
  return errors;
}

describe('register: Table Schema (tableschema)', () => {
  let schema: TableSchema;
  before(async () => {
    schema = await Schema.load(DESCRIPTOR);
  });

  it('the descriptor is a valid Table Schema', () => {
    assert.deepEqual(
      schema.errors.map((e) => e.message),
      [],
    );
    assert.equal(schema.valid, true);
  });

  it('describes the columns the report writes (Lyon framework), in order, with their descriptions', () => {
    const cols = csvColumns({ engagements: defaultCatalogue().engagements.map((e) => ({ id: e.id })) } as Parameters<typeof csvColumns>[0]);
    assert.deepEqual(
      schema.fieldNames,
      cols.map((c) => c.name),
    );
    assert.deepEqual(
      DESCRIPTOR.fields.map((f: { description: string }) => f.description),
      cols.map((c) => c.description.fr),
    );
  });

  it('every row of the examples’ register casts, and identifiers are unique', () => {
    const { model } = collectReport([path.join(ROOT, 'examples')], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), now: NOW, displayRoot: ROOT });
    const [header, ...rows] = parseCsv(renderCsv(model));
    assert.deepEqual(header, schema.fieldNames);
    assert.ok(rows.length >= 5, `${rows.length} rows`);
    assert.deepEqual(castAll(schema, rows), []);
    const ids = rows.map((r) => r[1]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('refuses a row outside the schema (shows the check can fail)', () => {
    const { model } = collectReport([path.join(ROOT, 'examples')], { year: 2026, locale: 'fr', catalogue: defaultCatalogue(), now: NOW, displayRoot: ROOT });
    const [, row] = parseCsv(renderCsv(model));
    const bad = [...row];
    bad[0] = 'deux-mille';
    bad[1] = 'Pas Un Slug';
    bad[5] = 'en_cours';
    bad[6] = '2026-02-30';
    bad[17] = 'France';
    const errors = castAll(schema, [bad]);
    assert.equal(schema.fieldNames[17], 'hebergement_pays');
    for (const col of ['annee', 'id', 'statut', 'date_mise_en_service', 'hebergement_pays'])
      assert.ok(
        errors.some((e) => e.includes(`"${col}"`)),
        `${col}: ${errors.join(' | ')}`,
      );
  });
});
