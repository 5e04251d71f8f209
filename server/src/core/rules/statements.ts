import { statementOf, type EngagementStatement } from '../derogations';
import type { RuleContext } from './api';
import { isMapping } from './util';

/** Every `engagements.Exx` statement of the declaration, in the order written. */
export function statements(ctx: RuleContext): EngagementStatement[] {
  const all = ctx.get(['engagements']);
  if (!isMapping(all)) return [];
  const out: EngagementStatement[] = [];
  for (const id of Object.keys(all)) {
    const s = statementOf(ctx.data, id, ctx.catalogue, ctx.today);
    if (s) out.push(s);
  }
  return out;
}
