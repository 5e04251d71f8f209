import { defineRule, filled, type RuleMeta } from './api';
import { isMapping, reportMissing, requireFilled } from './util';

const meta = {
  id: 'E01-indicateurs',
  engagement: 'E01',
  defaultSeverity: 'warning',
  title: { fr: 'Indicateurs d’évaluation', en: 'Evaluation indicators' },
  description: {
    fr: 'Un projet d’IA s’évalue : la déclaration fixe des indicateurs (nom et valeur cible) qui diront, au bilan annuel, si les bénéfices attendus sont au rendez-vous.',
    en: 'An AI project is evaluated: the declaration sets indicators (name and target value) that will tell, in the annual report, whether the expected benefits materialised.',
  },
  howToFix: {
    fr: 'Ajoutez `interet_general.indicateurs`, une liste d’objets `{ nom: …, cible: … }`.',
    en: 'Add `interet_general.indicateurs`, a list of `{ nom: …, cible: … }` objects.',
  },
  messages: {
    missing: {
      fr: 'Aucun indicateur d’évaluation : fixez au moins un indicateur et sa cible (`interet_general.indicateurs`).',
      en: 'No evaluation indicator: set at least one indicator and its target (`interet_general.indicateurs`).',
    },
    noTarget: {
      fr: 'Indicateur « {nom} » sans valeur cible (`cible`).',
      en: "Indicator '{nom}' has no target value (`cible`).",
    },
  },
  fields: ['interet_general.indicateurs', 'interet_general.indicateurs[].nom', 'interet_general.indicateurs[].cible'],
  references: ['Eurocities Algorithmic Transparency Standard v0.3.1 (performance)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['interet_general'])) return;
    if (!requireFilled(ctx, ['interet_general', 'indicateurs'], { missing: 'missing', is: 'mappings' })) return;
    const indicateurs = ctx.get(['interet_general', 'indicateurs']) as unknown[];
    indicateurs.forEach((ind, i) => {
      if (!isMapping(ind) || filled(ind.cible)) return;
      const nom = typeof ind.nom === 'string' ? ind.nom : `#${i + 1}`;
      const rangePath = typeof ind.nom === 'string' ? ['interet_general', 'indicateurs', i, 'nom'] : undefined;
      reportMissing(ctx, ['interet_general', 'indicateurs', i, 'cible'], { missing: 'noTarget', data: { nom }, rangePath });
    });
  },
});
