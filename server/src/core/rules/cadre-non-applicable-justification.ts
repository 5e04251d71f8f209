import { defineRule, type RuleMeta } from './api';
import { statements } from './statements';

const meta = {
  id: 'cadre-non-applicable-justification',
  defaultSeverity: 'warning',
  title: { fr: 'Non-applicabilité sans justification', en: 'Non-applicability without justification' },
  description: {
    fr: 'Déclarer un engagement non applicable (`engagements.Exx.statut: non_applicable`) se justifie en une phrase, pour le relecteur et pour le bilan annuel. Sans justification, la déclaration ne compte pas et l’engagement est jugé normalement.',
    en: 'Declaring an engagement not applicable (`engagements.Exx.statut: non_applicable`) is justified in one sentence, for the reviewer and the annual report. Without a justification, the statement does not count and the engagement is assessed as usual.',
  },
  howToFix: {
    fr: 'Ajoutez `justification` : pourquoi l’engagement ne concerne pas ce projet.',
    en: 'Add `justification`: why the engagement does not concern this project.',
  },
  messages: {
    missing: {
      fr: '{engagement} déclaré non applicable sans justification : la déclaration est sans effet.',
      en: '{engagement} declared not applicable without justification: the statement has no effect.',
    },
  },
  fields: ['engagements.<Exx>.statut', 'engagements.<Exx>.justification'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « engagements »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    for (const s of statements(ctx)) {
      if (s.statut !== 'non_applicable' || !s.missing.includes('justification')) continue;
      ctx.report({
        messageId: 'missing',
        data: { engagement: s.engagement },
        path: ['engagements', s.engagement],
        at: 'key',
        outcome: 'a_completer',
        engagement: s.engagement,
        fixes: ctx.has(['engagements', s.engagement, 'justification'])
          ? undefined
          : [{ kind: 'insert-field', args: { path: ['engagements', s.engagement], key: 'justification' }, title: { fr: 'Ajouter « justification »', en: "Add 'justification'" } }],
      });
    }
  },
});
