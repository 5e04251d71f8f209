import * as assert from 'node:assert/strict';
import { freeFileName, safeFileName } from '../../../client/src/fileNames';

describe('client: file names of new declarations', () => {
  it('picks a free file name and never returns a path', () => {
    const taken = new Set(['tri.ia.yaml', 'tri-2.ia.yaml']);
    assert.equal(
      freeFileName('tri.ia.yaml', (n) => taken.has(n)),
      'tri-3.ia.yaml',
    );
    assert.equal(
      freeFileName('neuf.ia.yaml', (n) => taken.has(n)),
      'neuf.ia.yaml',
    );
    assert.equal(safeFileName('../../etc/passwd'), '-..-etc-passwd.ia.yaml');
    assert.equal(safeFileName('a/b.ia.yml'), 'a-b.ia.yml');
    assert.equal(safeFileName('projet.yaml'), 'projet.ia.yaml');
    assert.equal(safeFileName(''), 'declaration.ia.yaml');
  });
});
