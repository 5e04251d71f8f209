import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E09-analyse-risques',
  engagement: 'E09',
  defaultSeverity: 'warning',
  title: { fr: 'Analyse de risques de sécurité', en: 'Security risk analysis' },
  description: {
    fr: 'Le système fait l’objet d’une analyse de risques de sécurité (EBIOS Risk Manager ou équivalente) qui couvre ses risques propres à l’IA ; elle prépare l’homologation de sécurité.',
    en: 'The system goes through a security risk analysis (EBIOS Risk Manager or equivalent) that covers its AI-specific risks; it prepares the security approval (homologation).',
  },
  howToFix: {
    fr: 'Renseignez `securite.analyse_risques` : `methode` (par exemple EBIOS RM), `date` et `reference` du document.',
    en: 'Fill in `securite.analyse_risques`: `methode` (e.g. EBIOS RM), `date` and the document `reference`.',
  },
  messages: {
    absent: {
      fr: 'Pas d’analyse de risques de sécurité : indiquez sa méthode (EBIOS RM…), sa date et sa référence (`securite.analyse_risques`).',
      en: 'No security risk analysis: give its method (EBIOS RM…), date and reference (`securite.analyse_risques`).',
    },
    missing: {
      fr: 'Analyse de risques de sécurité non renseignée : indiquez « {field} » (`securite.analyse_risques`).',
      en: "Security risk analysis not filled in: give '{field}' (`securite.analyse_risques`).",
    },
  },
  fields: ['securite.analyse_risques.methode', 'securite.analyse_risques.date'],
  references: ['ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024)', 'ANSSI, méthode EBIOS Risk Manager', 'Référentiel général de sécurité (RGS) art. 5'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['securite'])) return;
    if (!requireFilled(ctx, ['securite', 'analyse_risques'], { missing: 'absent', is: 'key' })) return;
    for (const field of ['methode', 'date']) requireFilled(ctx, ['securite', 'analyse_risques', field], { missing: 'missing', data: { field } });
  },
});
