import { defineRule, type FixSpec, type RuleMeta } from './api';
import { statements } from './statements';

const meta = {
  id: 'cadre-derogation-incomplete',
  defaultSeverity: 'warning',
  title: { fr: 'Dérogation incomplète', en: 'Incomplete derogation' },
  description: {
    fr: 'Une dérogation (`engagements.Exx.statut: derogation`) écarte un engagement pour un temps : elle porte une justification, le nom de qui l’a validée et une date de fin. Tant qu’il manque l’un des trois, elle ne compte pas et l’engagement est jugé normalement.',
    en: 'A derogation (`engagements.Exx.statut: derogation`) sets an engagement aside for a time: it carries a justification, who approved it and an end date. As long as one of the three is missing, it does not count and the engagement is assessed as usual.',
  },
  howToFix: {
    fr: 'Complétez `justification`, `validee_par` (instance ou personne qui a validé, par exemple le comité d’éthique du numérique) et `echeance` (AAAA-MM-JJ).',
    en: 'Fill in `justification`, `validee_par` (the body or person who approved it, e.g. the digital ethics committee) and `echeance` (YYYY-MM-DD).',
  },
  messages: {
    incomplete: {
      fr: 'Dérogation à {engagement} incomplète, sans effet tant qu’il manque : {missing}.',
      en: 'Derogation from {engagement} incomplete, without effect while it lacks: {missing}.',
    },
  },
  fields: ['engagements.<Exx>.statut', 'engagements.<Exx>.justification', 'engagements.<Exx>.validee_par', 'engagements.<Exx>.echeance'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « engagements »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    for (const s of statements(ctx)) {
      if (s.statut !== 'derogation' || s.missing.length === 0) continue;
      const fixes: FixSpec[] = s.missing
        .filter((key) => !ctx.has(['engagements', s.engagement, key]))
        .map((key) => ({ kind: 'insert-field', args: { path: ['engagements', s.engagement], key }, title: { fr: `Ajouter « ${key} »`, en: `Add '${key}'` } }));
      ctx.report({
        messageId: 'incomplete',
        data: { engagement: s.engagement, missing: s.missing.join(', ') },
        path: ['engagements', s.engagement],
        at: 'key',
        outcome: 'a_completer',
        engagement: s.engagement,
        fixes: fixes.length ? fixes : undefined,
      });
    }
  },
});
