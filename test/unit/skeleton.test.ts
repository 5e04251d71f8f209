import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/engine';
import { renderDeclaration } from '../../server/src/core/fixes';

describe('a new declaration skeleton', () => {
  it('has no error, and every engagement is "à compléter" until its placeholders are filled', () => {
    const { text, fileName } = renderDeclaration({ nom: 'Tri du courrier entrant', direction: 'Direction des relations usagers' });
    assert.equal(fileName, 'tri-du-courrier-entrant.ia.yaml');
    const r = lintText(text, { now: new Date('2026-06-01T12:00:00Z') });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`),
      [],
    );
    for (const [id, v] of Object.entries(r.verdicts)) assert.equal(v, 'a_completer', `${id}: a placeholder must never read as compliant or non-compliant`);
    assert.ok(
      r.diagnostics.some((d) => d.code === 'schema-placeholder'),
      'placeholders are pointed at',
    );
  });
});
