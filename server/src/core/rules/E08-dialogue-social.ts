import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E08-dialogue-social',
  engagement: 'E08',
  defaultSeverity: 'error',
  title: { fr: 'Dialogue social avant la mise en production', en: 'Social dialogue before production' },
  description: {
    fr: 'Un projet d’IA qui change le travail des agents passe devant les instances du dialogue social (comité social territorial, CST, et sa formation spécialisée) avant sa mise en production. En production, l’absence de consultation est une non-conformité ; avant, elle reste à faire.',
    en: "An AI project that changes the agents' work goes before the staff bodies (the comité social territorial, CST, and its specialised committee) before going into production. In production, the lack of consultation is a non-compliance; before, it is still to be done.",
  },
  howToFix: {
    fr: 'Présentez le projet au CST, puis listez les instances consultées (`agents.dialogue_social.instances_consultees`, par exemple `[CST]`) et la `date`.',
    en: 'Present the project to the CST, then list the bodies consulted (`agents.dialogue_social.instances_consultees`, e.g. `[CST]`) and the `date`.',
  },
  messages: {
    notDoneProduction: {
      fr: 'Projet en production sans consultation des instances du dialogue social (CST).',
      en: 'Project in production without consulting the staff bodies (CST).',
    },
    notDone: {
      fr: 'Instances du dialogue social (CST) à consulter avant la mise en production (`agents.dialogue_social.instances_consultees`).',
      en: 'Staff bodies (CST) to be consulted before going into production (`agents.dialogue_social.instances_consultees`).',
    },
  },
  fields: ['agents.dialogue_social.instances_consultees', 'agents.dialogue_social.date', 'projet.statut'],
  references: ['Code général de la fonction publique art. L253-5 (compétences du comité social territorial)', 'AI Act art. 26(7) (information des représentants des travailleurs)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is E08-formation's finding.
    if (!ctx.has(['agents'])) return;
    requireFilled(ctx, ['agents', 'dialogue_social', 'instances_consultees'], { missing: 'notDone', missingInService: 'notDoneProduction', is: 'list' });
  },
});
