import { findEngagement } from '../catalogue';
import { defineRule, type RuleMeta } from './api';
import { statements } from './statements';

const meta = {
  id: 'cadre-derogation-interdite',
  defaultSeverity: 'error',
  title: { fr: 'Dérogation à un engagement non dérogeable', en: 'Derogation from a non-derogable engagement' },
  description: {
    fr: 'Le catalogue du cadre marque certains engagements comme non dérogeables (`derogable: false`). Une dérogation y est elle-même une erreur et reste sans effet.',
    en: 'The framework’s catalogue marks some engagements as non-derogable (`derogable: false`). A derogation there is itself an error and has no effect.',
  },
  howToFix: {
    fr: 'Retirez la dérogation et mettez le projet en conformité avec l’engagement.',
    en: 'Remove the derogation and bring the project into line with the engagement.',
  },
  messages: {
    forbidden: {
      fr: 'L’engagement {engagement} (« {titre_fr} ») n’admet pas de dérogation : celle-ci est sans effet.',
      en: "Engagement {engagement} ('{titre_en}') admits no derogation: this one has no effect.",
    },
  },
  fields: ['engagements.<Exx>.statut'],
  references: [
    'Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « engagements »',
    'Catalogue du cadre (schemas/catalogue.schema.json), champ « derogable » des engagements',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    for (const s of statements(ctx)) {
      if (!s.forbidden) continue;
      const e = findEngagement(ctx.catalogue, s.engagement);
      ctx.report({
        messageId: 'forbidden',
        data: { engagement: s.engagement, titre_fr: e?.title.fr ?? s.engagement, titre_en: e?.title.en ?? s.engagement },
        path: ['engagements', s.engagement, 'statut'],
        engagement: s.engagement,
      });
    }
  },
});
