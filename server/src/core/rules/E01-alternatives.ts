import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E01-alternatives',
  engagement: 'E01',
  defaultSeverity: 'warning',
  title: { fr: 'Alternatives étudiées', en: 'Alternatives studied' },
  description: {
    fr: 'Le recours à l’IA se justifie face aux autres solutions : la déclaration liste les alternatives étudiées, y compris celles qui n’utilisent pas d’IA (réorganisation, outil classique, recrutement…), et pourquoi elles n’ont pas été retenues.',
    en: 'Using AI must be justified against the other options: the declaration lists the alternatives studied, including those without AI (reorganisation, a conventional tool, hiring…), and why they were not chosen.',
  },
  howToFix: {
    fr: 'Ajoutez `interet_general.alternatives_etudiees` : une ligne par alternative, avec la raison pour laquelle elle n’a pas été retenue.',
    en: 'Add `interet_general.alternatives_etudiees`: one line per alternative, with the reason it was not chosen.',
  },
  messages: {
    missing: {
      fr: 'Aucune alternative étudiée : listez les autres solutions envisagées, y compris sans IA (`interet_general.alternatives_etudiees`).',
      en: 'No alternative studied: list the other options considered, including non-AI ones (`interet_general.alternatives_etudiees`).',
    },
  },
  fields: ['interet_general.alternatives_etudiees'],
  references: ['Eurocities Algorithmic Transparency Standard v0.3.1 (alternatives_considered)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is reported once, by E01-finalite.
    if (!ctx.has(['interet_general'])) return;
    requireFilled(ctx, ['interet_general', 'alternatives_etudiees'], { missing: 'missing', is: 'list' });
  },
});
