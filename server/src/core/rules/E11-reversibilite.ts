import { defineRule, type RuleMeta } from './api';
import { requireFilled, requireTrue } from './util';

const meta = {
  id: 'E11-reversibilite',
  engagement: 'E11',
  defaultSeverity: 'error',
  title: { fr: 'Réversibilité garantie', en: 'Guaranteed reversibility' },
  description: {
    fr: 'Le cadre exige une garantie de réversibilité pour toute solution déployée : un plan de sortie écrit, des formats d’export ouverts pour récupérer données et paramétrages, une solution de repli si l’IA est arrêtée, et une clause de réversibilité dans le contrat.',
    en: 'The framework requires a reversibility guarantee for every deployed solution: a written exit plan, open export formats to get data and settings back, a fallback if the AI is stopped, and a reversibility clause in the contract.',
  },
  howToFix: {
    fr: 'Complétez la section `reversibilite` : `plan_sortie.existe: true` avec sa `reference`, `formats_export`, `solution_de_repli` et `clause_contractuelle: true`.',
    en: 'Fill in the `reversibilite` section: `plan_sortie.existe: true` with its `reference`, `formats_export`, `solution_de_repli` and `clause_contractuelle: true`.',
  },
  messages: {
    noPlan: { fr: 'Pas de plan de sortie : la réversibilité n’est pas garantie.', en: 'No exit plan: reversibility is not guaranteed.' },
    planMissing: { fr: 'Indiquez s’il existe un plan de sortie (`plan_sortie.existe`).', en: 'State whether an exit plan exists (`plan_sortie.existe`).' },
    planReference: { fr: 'Plan de sortie sans référence : indiquez où le trouver (`plan_sortie.reference`).', en: 'Exit plan without a reference: say where to find it (`plan_sortie.reference`).' },
    formats: {
      fr: 'Aucun format d’export : indiquez dans quels formats les données et paramétrages peuvent être récupérés.',
      en: 'No export format: state in which formats data and settings can be retrieved.',
    },
    noClause: { fr: 'Pas de clause de réversibilité dans le contrat.', en: 'No reversibility clause in the contract.' },
    clauseMissing: {
      fr: 'Indiquez si le contrat prévoit une clause de réversibilité (`clause_contractuelle`).',
      en: 'State whether the contract has a reversibility clause (`clause_contractuelle`).',
    },
    fallback: { fr: 'Décrivez la solution de repli si l’IA est arrêtée (`solution_de_repli`).', en: 'Describe the fallback if the AI is stopped (`solution_de_repli`).' },
  },
  fields: ['reversibilite.plan_sortie.existe', 'reversibilite.plan_sortie.reference', 'reversibilite.formats_export', 'reversibilite.solution_de_repli', 'reversibilite.clause_contractuelle'],
  references: ['Eurocities Algorithmic Transparency Standard v0.3.1 (rollback)', 'CCAG-TIC 2021, clauses de réversibilité'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['reversibilite'])) return;
    const existe = requireTrue(ctx, ['reversibilite', 'plan_sortie', 'existe'], { missing: 'planMissing', breach: 'noPlan' });
    if (existe === true) requireFilled(ctx, ['reversibilite', 'plan_sortie', 'reference'], { missing: 'planReference' });
    requireFilled(ctx, ['reversibilite', 'formats_export'], { missing: 'formats', is: 'list' });
    requireFilled(ctx, ['reversibilite', 'solution_de_repli'], { missing: 'fallback' });
    requireTrue(ctx, ['reversibilite', 'clause_contractuelle'], { missing: 'clauseMissing', breach: 'noClause' });
  },
});
