import type { Command } from './types';

/** `cadreIa.showWorkspace`: the checklist shows every declaration of the workspace. */
export const command: Command = { id: 'cadreIa.showWorkspace', run: ({ checklist }) => checklist.setScope('workspace') };
