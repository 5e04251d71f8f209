import type { Command } from './types';

/** `cadreIa.refresh`: asks the server for the verdicts again. */
export const command: Command = { id: 'cadreIa.refresh', run: ({ checklist }) => checklist.refresh() };
