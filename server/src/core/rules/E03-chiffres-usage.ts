import { defineRule, type RuleMeta } from './api';
import { inProduction, requireFilled } from './util';

const meta = {
  id: 'E03-chiffres-usage',
  engagement: 'E03',
  defaultSeverity: 'warning',
  title: { fr: 'Chiffres d’usage pour le bilan annuel', en: 'Usage figures for the annual report' },
  description: {
    fr: 'Un projet en production donne ses chiffres d’usage (utilisateurs actifs, requêtes par an) pour que le bilan annuel rende compte de l’usage réel de l’IA.',
    en: 'A project in production gives its usage figures (active users, requests per year) so that the annual report accounts for the real use of AI.',
  },
  howToFix: {
    fr: 'Renseignez `bilan_annuel.usage.utilisateurs_actifs` et `bilan_annuel.usage.requetes_an` (des ordres de grandeur suffisent).',
    en: 'Fill in `bilan_annuel.usage.utilisateurs_actifs` and `bilan_annuel.usage.requetes_an` (orders of magnitude are enough).',
  },
  messages: {
    missing: {
      fr: 'Projet en production sans chiffres d’usage : renseignez « {field} » pour le bilan annuel.',
      en: "Project in production without usage figures: fill in '{field}' for the annual report.",
    },
  },
  fields: ['bilan_annuel.usage.utilisateurs_actifs', 'bilan_annuel.usage.requetes_an', 'projet.statut'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), section « bilan_annuel.usage »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!inProduction(ctx)) {
      ctx.notApplicable();
      return;
    }
    // A missing section is E03-bilan-annuel's finding.
    if (!ctx.has(['bilan_annuel'])) return;
    if (!requireFilled(ctx, ['bilan_annuel', 'usage'], { missing: 'missing', is: 'key', data: { field: 'bilan_annuel.usage' } })) return;
    for (const field of ['utilisateurs_actifs', 'requetes_an']) {
      const path = ['bilan_annuel', 'usage', field];
      requireFilled(ctx, path, { missing: 'missing', is: 'number', data: { field: path.join('.') } });
    }
  },
});
