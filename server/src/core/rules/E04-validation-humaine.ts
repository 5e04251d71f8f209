import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E04-validation-humaine',
  engagement: 'E04',
  defaultSeverity: 'warning',
  title: { fr: 'Validation humaine décrite', en: 'Human validation described' },
  description: {
    fr: 'La déclaration décrit comment un agent vérifie chaque production de l’IA avant qu’elle serve (relecture, double contrôle, échantillonnage…). Sans cette description, le contrôle humain n’est qu’une intention.',
    en: 'The declaration describes how an agent checks every output of the AI before it is used (proofreading, double check, sampling…). Without it, human oversight is only an intention.',
  },
  howToFix: {
    fr: 'Renseignez `controle_humain.validation` : qui vérifie, quoi, quand, et ce qui se passe en cas d’erreur.',
    en: 'Fill in `controle_humain.validation`: who checks what, when, and what happens on an error.',
  },
  messages: {
    missing: {
      fr: 'Décrivez comment un agent vérifie les productions de l’IA (`controle_humain.validation`).',
      en: 'Describe how an agent checks the outputs of the AI (`controle_humain.validation`).',
    },
  },
  fields: ['controle_humain.validation'],
  references: ['AI Act art. 14(4)', 'AI Act art. 26(2)', 'DINUM, Guide d’usage de l’IA pour les agents publics, principe 1'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is E04-decision-automatisee's finding.
    if (!ctx.has(['controle_humain'])) return;
    requireFilled(ctx, ['controle_humain', 'validation'], { missing: 'missing' });
  },
});
