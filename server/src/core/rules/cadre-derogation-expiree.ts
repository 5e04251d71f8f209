import { defineRule, type RuleMeta } from './api';
import { statements } from './statements';

const meta = {
  id: 'cadre-derogation-expiree',
  defaultSeverity: 'warning',
  title: { fr: 'Dérogation expirée', en: 'Expired derogation' },
  description: {
    fr: 'Une dérogation vaut jusqu’à son échéance. Passé cette date, elle ne compte plus : l’engagement est de nouveau jugé normalement, jusqu’à ce que le projet s’y conforme ou qu’une nouvelle dérogation soit validée.',
    en: 'A derogation holds until its end date. After that date it no longer counts: the engagement is assessed as usual again, until the project complies or a new derogation is approved.',
  },
  howToFix: {
    fr: 'Mettez le projet en conformité avec l’engagement, ou faites valider une nouvelle dérogation et mettez à jour `echeance`, `validee_par` et `justification`.',
    en: 'Bring the project into line with the engagement, or have a new derogation approved and update `echeance`, `validee_par` and `justification`.',
  },
  messages: {
    expired: {
      fr: 'Dérogation à {engagement} expirée depuis le {echeance} : elle ne s’applique plus.',
      en: 'Derogation from {engagement} expired on {echeance}: it no longer applies.',
    },
  },
  fields: ['engagements.<Exx>.echeance'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « engagements »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    for (const s of statements(ctx)) {
      if (!s.expired) continue;
      ctx.report({
        messageId: 'expired',
        data: { engagement: s.engagement, echeance: String(s.echeance) },
        path: ['engagements', s.engagement, 'echeance'],
        engagement: s.engagement,
      });
    }
  },
});
