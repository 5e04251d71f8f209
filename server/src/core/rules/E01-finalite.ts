import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E01-finalite',
  engagement: 'E01',
  defaultSeverity: 'warning',
  title: { fr: 'Finalité d’intérêt général et bénéfices attendus', en: 'Public-interest purpose and expected benefits' },
  description: {
    fr: 'Tout projet d’IA de la Ville sert l’intérêt général : sa finalité est écrite en langage clair et ses bénéfices attendus (pour les usagers, les agents, le service) sont listés. C’est la première question posée pour juger de la pertinence d’un projet.',
    en: 'Every AI project of the city serves the general interest: its purpose is written in plain words and its expected benefits (for citizens, agents, the service) are listed. It is the first question asked to judge whether a project is relevant.',
  },
  howToFix: {
    fr: 'Renseignez `interet_general.finalite` (une ou deux phrases : à quoi sert l’IA, pour qui) et `interet_general.benefices` (une liste).',
    en: 'Fill in `interet_general.finalite` (one or two sentences: what the AI is for, for whom) and `interet_general.benefices` (a list).',
  },
  messages: {
    finalite: {
      fr: 'Finalité non renseignée : dites à quoi sert l’IA et pour qui (`interet_general.finalite`).',
      en: 'Purpose not stated: say what the AI is for and for whom (`interet_general.finalite`).',
    },
    benefices: {
      fr: 'Aucun bénéfice attendu : listez ce que le projet apporte aux usagers, aux agents ou au service (`interet_general.benefices`).',
      en: 'No expected benefit: list what the project brings to citizens, agents or the service (`interet_general.benefices`).',
    },
  },
  fields: ['interet_general.finalite', 'interet_general.benefices'],
  references: ['Inventaire Etalab des algorithmes publics (finalité)', 'Eurocities Algorithmic Transparency Standard v0.3.1 (goal, proportionality)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['interet_general'])) return;
    requireFilled(ctx, ['interet_general', 'finalite'], { missing: 'finalite' });
    requireFilled(ctx, ['interet_general', 'benefices'], { missing: 'benefices', is: 'list' });
  },
});
