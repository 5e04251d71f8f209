import type { ChecklistNode } from '../checklist';
import type { Command } from './types';
import { openAt } from './openFinding';

/** `cadreIa.revealEngagement`: the engagement's place in its declaration. */
export const command: Command = {
  id: 'cadreIa.revealEngagement',
  run: async (_deps, node?: ChecklistNode) => {
    if (node?.kind === 'engagement') return openAt(node.doc.uri, node.e.range);
    if (node?.kind === 'wsDeclaration') return openAt(node.doc.uri, node.e.range);
    return undefined;
  },
};
