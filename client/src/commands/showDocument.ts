import type { Command } from './types';

/** `cadreIa.showDocument`: the checklist follows the active declaration. */
export const command: Command = { id: 'cadreIa.showDocument', run: ({ checklist }) => checklist.setScope('document') };
