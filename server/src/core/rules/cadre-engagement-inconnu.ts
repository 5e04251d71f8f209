import { findEngagement } from '../catalogue';
import { defineRule, type RuleMeta } from './api';
import { closest, editDistance, fold } from '../text';
import { isMapping } from './util';

const meta = {
  id: 'cadre-engagement-inconnu',
  defaultSeverity: 'error',
  title: { fr: 'Engagement inconnu du cadre', en: 'Engagement unknown to the framework' },
  description: {
    fr: 'La section `engagements` ne parle que des engagements du cadre, ceux que liste son catalogue. Un autre identifiant est sans doute une faute de frappe : sa déclaration ne compte pour aucun engagement.',
    en: 'The `engagements` section only speaks of the framework’s engagements, those its catalogue lists. Another id is most likely a typo: its statement counts for no engagement.',
  },
  howToFix: {
    fr: 'Corrigez l’identifiant (l’un de ceux que liste le message) ou retirez l’entrée.',
    en: 'Fix the id (one of those the message lists) or remove the entry.',
  },
  messages: {
    unknown: {
      fr: 'Engagement « {engagement} » inconnu du cadre (engagements connus : {known}).',
      en: "Engagement '{engagement}' unknown to the framework (known engagements: {known}).",
    },
    didYouMean: {
      fr: 'Engagement « {engagement} » inconnu du cadre : vouliez-vous dire « {suggestion} » ? Tel quel, ce statut ne compte pour aucun engagement.',
      en: "Engagement '{engagement}' unknown to the framework: did you mean '{suggestion}'? As written, this statement counts for no engagement.",
    },
    fixKey: { fr: 'Remplacer par « {suggestion} »', en: "Replace with '{suggestion}'" },
  },
  fields: ['engagements.<Exx>'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « engagements »', 'Catalogue du cadre (schemas/catalogue.schema.json), liste « engagements »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    const all = ctx.get(['engagements']);
    if (!isMapping(all)) return;
    const ids = ctx.catalogue.engagements.map((e) => e.id);
    const known = ids.length > 2 ? `${ids[0]}…${ids[ids.length - 1]}` : ids.join(', ');
    for (const id of Object.keys(all)) {
      if (findEngagement(ctx.catalogue, id)) continue;
      // Case first (`e09` → `E09`), then the usual did-you-mean; never a key already there.
      const free = ids.filter((k) => !Object.hasOwn(all, k));
      const suggestion = free.find((k) => k.toLowerCase() === id.toLowerCase()) ?? unambiguous(id, free);
      if (suggestion === undefined) {
        ctx.report({ messageId: 'unknown', data: { engagement: id, known }, path: ['engagements', id], at: 'key' });
        continue;
      }
      ctx.report({
        messageId: 'didYouMean',
        data: { engagement: id, suggestion },
        path: ['engagements', id],
        at: 'key',
        fixes: [{ kind: 'replace-key', args: { path: ['engagements', id], to: suggestion }, title: meta.messages.fixKey, preferred: true }],
      });
    }
  },
});

/** The closest id, unless another one is as close (`E15` is as near E05 as E14: no guess). */
function unambiguous(id: string, ids: string[]): string | undefined {
  const best = closest(id, ids);
  if (best === undefined) return undefined;
  const d = editDistance(fold(id), fold(best));
  return ids.some((k) => k !== best && editDistance(fold(id), fold(k)) === d) ? undefined : best;
}
