import { defineRule, type RuleMeta } from './api';
import { requireTrue } from './util';

const meta = {
  id: 'E08-formation',
  engagement: 'E08',
  defaultSeverity: 'error',
  title: { fr: 'Agents formés avant la mise en production', en: 'Agents trained before production' },
  description: {
    fr: 'Les agents qui utilisent l’IA sont formés avant sa mise en production (maîtrise de l’IA, AI Act art. 4 ; information des personnes qui la supervisent, art. 26). En production, une formation non réalisée est une non-conformité ; avant, elle reste à faire.',
    en: 'The agents who use the AI are trained before it goes into production (AI literacy, AI Act art. 4; those overseeing it, art. 26). In production, training not done is a non-compliance; before, it is still to be done.',
  },
  howToFix: {
    fr: 'Formez les agents concernés, puis indiquez `agents.formation.realisee: true` et la `date`.',
    en: 'Train the agents concerned, then set `agents.formation.realisee: true` and the `date`.',
  },
  messages: {
    notDoneProduction: {
      fr: 'Projet en production sans formation des agents qui l’utilisent (AI Act art. 4).',
      en: 'Project in production without training the agents who use it (AI Act art. 4).',
    },
    notDone: {
      fr: 'Formation des agents à réaliser avant la mise en production (AI Act art. 4).',
      en: 'Agent training to be done before going into production (AI Act art. 4).',
    },
    missing: {
      fr: 'Indiquez si les agents ont été formés (`agents.formation.realisee`).',
      en: 'State whether the agents were trained (`agents.formation.realisee`).',
    },
  },
  fields: ['agents.formation.realisee', 'agents.formation.date', 'projet.statut'],
  references: ['AI Act art. 4 (maîtrise de l’IA)', 'AI Act art. 26(2)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['agents'])) return;
    requireTrue(ctx, ['agents', 'formation', 'realisee'], { missing: 'missing', breach: 'notDone', breachInService: 'notDoneProduction' });
  },
});
