import * as assert from 'node:assert/strict';
import { EUROCITIES_FIELDS, renderEurocities, shorten, uuidV5, validateEurocities } from '../../server/src/core/report/eurocities';
import { fixtureModel } from '../fixtures/report/support';

describe('report: Eurocities register (Algorithmic Transparency Standard v0.3.1)', () => {
  const model = fixtureModel(2026, 'fr', { generatedOn: '2026-06-01' });
  const records = renderEurocities(model);
  const byName = (id: string) => records[[...model.projects, ...model.studied].findIndex((p) => p.id === id)];

  it('the field list holds the standard’s attributes, the ones the issue names among them', () => {
    const names = EUROCITIES_FIELDS.map((f) => f.attribute);
    assert.equal(new Set(names).size, names.length);
    for (const n of [
      'name',
      'organization',
      'department',
      'description_short',
      'status',
      'goal',
      'impact',
      'risks',
      'risk_category',
      'human_intervention',
      'rollback',
      'proportionality',
      'lawful_basis',
      'contact_email',
      'standard_version',
    ]) {
      assert.ok(names.includes(n), n);
    }
    for (const f of EUROCITIES_FIELDS) if (f.type === 'enum') assert.ok(f.enum && f.enum.length > 1, f.attribute);
  });

  it('every record validates: known keys only, required ones present, enumerations and formats respected', () => {
    assert.equal(records.length, model.projects.length + model.studied.length);
    assert.deepEqual(validateEurocities(records), []);
    for (const r of records)
      assert.deepEqual(
        Object.keys(r),
        EUROCITIES_FIELDS.map((f) => f.attribute),
        'every field, in the standard’s order',
      );
  });

  it('maps what exists', () => {
    const r = byName('transcription-conseils');
    assert.equal(r.name, 'Transcription des conseils municipaux');
    assert.equal(r.organization, 'Ville de Lyon');
    assert.equal(r.department, "Direction de l'administration générale");
    assert.equal(r.status, 'pilot');
    assert.equal(r.risk_category, 'minimal risk');
    assert.equal(r.revision_date, '2027-03-01');
    assert.equal(r.publication_date, '2026-06-01');
    assert.equal(r.lang, 'fr');
    assert.equal(r.contact_email, 'assemblees@mairie-lyon.fr');
    assert.ok(r.description_short.length <= 150 && r.description_short.endsWith('…'), r.description_short);
    assert.match(r.goal, /^Publier plus vite/);
    assert.match(r.rollback, /Plan de sortie \(PS-2026-003\)\./);
    assert.match(r.human_intervention, /^Aide à la décision\. Un rédacteur/);
    assert.equal(r.remark, '', 'no error: no remark');
    assert.equal(byName('tri-courriers').status, 'operational');
    assert.equal(byName('assistant-urbanisme').status, 'planned');
    assert.equal(byName('aide-redaction').risk_category, 'limited risk');
    assert.equal(byName('aide-redaction').remark, '', 'lint counts stay in the internal review, not in the public register');
  });

  it('a uuid is stable for a project and differs between projects', () => {
    assert.equal(byName('tri-courriers').uuid, uuidV5('cadre-ia:lyon-ia:tri-courriers'));
    assert.notEqual(byName('tri-courriers').uuid, byName('transcription-conseils').uuid);
    // RFC 4122 appendix B-style check: the DNS namespace and "www.example.com" give this v5 uuid.
    assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('takes the publication date from the report configuration, else the injected date, else today', () => {
    assert.equal(renderEurocities(fixtureModel(2026))[0].publication_date, '2026-06-01', 'today (the tests’ NOW)');
    assert.equal(renderEurocities(fixtureModel(2026, 'fr', { generatedOn: '2026-05-02' }))[0].publication_date, '2026-05-02');
    const r = renderEurocities(fixtureModel(2026, 'fr', { generatedOn: '2026-05-02', header: { publicationDate: '2026-07-14' } }))[0];
    assert.equal(r.publication_date, '2026-07-14');
    assert.equal(r.last_change_date, '2026-07-14');
  });

  const bad: [string, (r: Record<string, unknown>) => void, RegExp][] = [
    ['an unknown key', (r) => (r.description_long = 'x'), /\[0\]\.description_long: unknown field/],
    ['a missing required key', (r) => delete r.rollback, /\[0\]\.rollback: required field missing/],
    ['a value outside the enumeration', (r) => (r.status = 'production'), /\[0\]\.status: "production" is not one of/],
    ['a wrong constant', (r) => (r.standard_version = '0.3'), /\[0\]\.standard_version: must be "0\.3\.1"/],
    ['a bad date', (r) => (r.revision_date = '01/03/2027'), /\[0\]\.revision_date: not a date/],
    ['a bad e-mail', (r) => (r.contact_email = 'personne'), /\[0\]\.contact_email: not an e-mail/],
    ['a bad URL', (r) => (r.documentation = 'javascript:alert(1)'), /\[0\]\.documentation: not an http\(s\) URL/],
    ['a short description over 150 characters', (r) => (r.description_short = 'x'.repeat(151)), /\[0\]\.description_short: longer than 150/],
    ['a non-string value', (r) => (r.name = 42), /\[0\]\.name: not a string/],
  ];
  for (const [what, spoil, message] of bad) {
    it(`the validator rejects ${what}`, () => {
      const r: Record<string, unknown> = { ...records[0] };
      spoil(r);
      const problems = validateEurocities([r]);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0], message);
    });
  }

  it('shorten() cuts at a word boundary', () => {
    assert.equal(shorten('court', 150), 'court');
    assert.equal(shorten('un deux trois quatre', 12), 'un deux…');
    assert.ok(shorten('a'.repeat(300), 150).length <= 150);
  });
});
