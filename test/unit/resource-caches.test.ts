// What the core derives from the package's data files is cached per resource reader
// (core/resources.ts), never in a module-level cache that would outlive it: installing another
// reader (a browser host, a test) gives answers from the new files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setResourceReader } from '../../server/src/core/resources';
import { enumLabel } from '../../server/src/core/report/labels';
import { installNodeResources } from '../../server/src/node/resources';

const ROOT = path.join(__dirname, '..', '..');
const readReal = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');

describe('caches derived from data files follow the resource reader', () => {
  afterEach(() => installNodeResources());

  it("report labels (enumLabel) come from the current reader's schema", () => {
    const field = ['controle_humain', 'niveau'];
    assert.equal(enumLabel(field, 'aide_a_la_decision', 'fr'), 'Aide à la décision');
    const schema = readReal('schemas/declaration.schema.json').replace('"fr": "Aide à la décision : le système propose', '"fr": "Appui à la décision : le système propose');
    assert.notEqual(schema, readReal('schemas/declaration.schema.json'), 'the test changed the schema');
    setResourceReader((rel) => (rel === 'schemas/declaration.schema.json' ? schema : readReal(rel)));
    assert.equal(enumLabel(field, 'aide_a_la_decision', 'fr'), 'Appui à la décision');
    installNodeResources();
    assert.equal(enumLabel(field, 'aide_a_la_decision', 'fr'), 'Aide à la décision');
  });
});
