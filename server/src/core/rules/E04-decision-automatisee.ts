import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E04-decision-automatisee',
  engagement: 'E04',
  defaultSeverity: 'error',
  title: { fr: 'Pas de décision entièrement automatisée', en: 'No fully automated decision' },
  description: {
    fr: 'Un agent vérifie chaque production de l’IA et reste responsable de la décision : l’IA aide à décider, elle ne décide pas seule. Une décision fondée exclusivement sur un traitement automatisé est encadrée par le RGPD (art. 22) et l’AI Act impose une supervision humaine (art. 14, 26(2)).',
    en: 'An agent checks every output of the AI and remains responsible for the decision: the AI helps decide, it does not decide alone. A decision based solely on automated processing is restricted by the GDPR (art. 22) and the AI Act requires human oversight (art. 14, 26(2)).',
  },
  howToFix: {
    fr: 'Revoyez le processus pour qu’un agent valide chaque décision, puis indiquez `controle_humain.niveau: aide_a_la_decision` (ou `decision_partielle`) et décrivez la validation.',
    en: 'Rework the process so that an agent validates every decision, then set `controle_humain.niveau: aide_a_la_decision` (or `decision_partielle`) and describe the validation.',
  },
  messages: {
    automated: {
      fr: 'Décision entièrement automatisée : un agent doit valider chaque décision et en rester responsable ({engagement}, RGPD art. 22).',
      en: 'Fully automated decision: an agent must validate every decision and remain responsible for it ({engagement}, GDPR art. 22).',
    },
    missing: {
      fr: 'Indiquez le niveau de contrôle humain (`controle_humain.niveau`).',
      en: 'State the level of human oversight (`controle_humain.niveau`).',
    },
    fixAide: { fr: 'Passer en aide à la décision (à confirmer)', en: 'Switch to decision support (to be confirmed)' },
  },
  fields: ['controle_humain.niveau'],
  references: ['RGPD art. 22', 'AI Act art. 14', 'AI Act art. 26(2)', 'DINUM, Guide d’usage de l’IA pour les agents publics, principe 1'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['controle_humain'])) return;
    if (ctx.get(['controle_humain', 'niveau']) === 'decision_automatisee') {
      ctx.report({
        messageId: 'automated',
        path: ['controle_humain', 'niveau'],
        fixes: [
          {
            kind: 'set-value',
            args: { path: ['controle_humain', 'niveau'], value: 'aide_a_la_decision', comment: 'A CONFIRMER : un agent valide chaque décision' },
            title: meta.messages.fixAide,
          },
        ],
      });
    } else requireFilled(ctx, ['controle_humain', 'niveau'], { missing: 'missing', is: 'present' });
  },
});
