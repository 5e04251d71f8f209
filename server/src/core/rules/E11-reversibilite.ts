import { defineRule, filled, type RuleMeta } from './api';

const meta: RuleMeta = {
  id: 'E11-reversibilite',
  engagement: 'E11',
  defaultSeverity: 'error',
  title: { fr: 'Réversibilité garantie', en: 'Guaranteed reversibility' },
  description: {
    fr: 'Le cadre de Lyon exige une garantie de réversibilité pour toute solution déployée : un plan de sortie, des formats d’export ouverts, une solution de repli et une clause contractuelle.',
    en: "Lyon's framework requires a reversibility guarantee for every deployed solution: an exit plan, open export formats, a fallback and a contract clause.",
  },
  howToFix: {
    fr: 'Complétez la section `reversibilite` : `plan_sortie.existe: true` avec sa référence, `formats_export`, `solution_de_repli` et `clause_contractuelle: true`.',
    en: 'Fill in the `reversibilite` section: `plan_sortie.existe: true` with its reference, `formats_export`, `solution_de_repli` and `clause_contractuelle: true`.',
  },
  messages: {
    section: { fr: 'Section « reversibilite » absente : la réversibilité doit être garantie (E11).', en: "Missing 'reversibilite' section: reversibility must be guaranteed (E11)." },
    noPlan: { fr: 'Pas de plan de sortie : la réversibilité n’est pas garantie.', en: 'No exit plan: reversibility is not guaranteed.' },
    planMissing: { fr: 'Indiquez s’il existe un plan de sortie (`plan_sortie.existe`).', en: 'State whether an exit plan exists (`plan_sortie.existe`).' },
    formats: { fr: 'Aucun format d’export : indiquez dans quels formats les données et paramétrages peuvent être récupérés.', en: 'No export format: state in which formats data and settings can be retrieved.' },
    noClause: { fr: 'Pas de clause de réversibilité dans le contrat.', en: 'No reversibility clause in the contract.' },
    clauseMissing: { fr: 'Indiquez si le contrat prévoit une clause de réversibilité (`clause_contractuelle`).', en: 'State whether the contract has a reversibility clause (`clause_contractuelle`).' },
    fallback: { fr: 'Décrivez la solution de repli si l’IA est arrêtée (`solution_de_repli`).', en: 'Describe the fallback if the AI is stopped (`solution_de_repli`).' },
    fixSection: { fr: 'Ajouter un plan de réversibilité (squelette)', en: 'Add a reversibility plan skeleton' },
    fixField: { fr: 'Ajouter « {key} »', en: "Add '{key}'" },
  },
  fields: ['reversibilite.plan_sortie', 'reversibilite.formats_export', 'reversibilite.solution_de_repli', 'reversibilite.clause_contractuelle'],
  references: ['Cadre IA de Lyon (2025), engagement de réversibilité', 'Eurocities Algorithmic Transparency Standard, champ « rollback »'],
};

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['reversibilite'])) {
      ctx.report({ messageId: 'section', path: ['reversibilite'], outcome: 'a_completer', fixes: [{ kind: 'insert-section', args: { section: 'reversibilite' }, title: meta.messages.fixSection, preferred: true }] });
      return;
    }
    const addField = (key: string) => [{ kind: 'insert-field', args: { path: ['reversibilite'], key }, title: { fr: `Ajouter « ${key} »`, en: `Add '${key}'` } }];
    const existe = ctx.get(['reversibilite', 'plan_sortie', 'existe']);
    if (existe === false) ctx.report({ messageId: 'noPlan', path: ['reversibilite', 'plan_sortie', 'existe'] });
    else if (existe === undefined) ctx.report({ messageId: 'planMissing', path: ['reversibilite', 'plan_sortie'], outcome: 'a_completer', fixes: ctx.has(['reversibilite', 'plan_sortie']) ? undefined : addField('plan_sortie') });
    if (!filled(ctx.get(['reversibilite', 'formats_export']))) ctx.report({ messageId: 'formats', path: ['reversibilite', 'formats_export'], outcome: 'a_completer', fixes: ctx.has(['reversibilite', 'formats_export']) ? undefined : addField('formats_export') });
    if (!filled(ctx.get(['reversibilite', 'solution_de_repli']))) ctx.report({ messageId: 'fallback', path: ['reversibilite', 'solution_de_repli'], outcome: 'a_completer', fixes: ctx.has(['reversibilite', 'solution_de_repli']) ? undefined : addField('solution_de_repli') });
    const clause = ctx.get(['reversibilite', 'clause_contractuelle']);
    if (clause === false) ctx.report({ messageId: 'noClause', path: ['reversibilite', 'clause_contractuelle'] });
    else if (clause === undefined) ctx.report({ messageId: 'clauseMissing', path: ['reversibilite', 'clause_contractuelle'], outcome: 'a_completer', fixes: addField('clause_contractuelle') });
  },
});
