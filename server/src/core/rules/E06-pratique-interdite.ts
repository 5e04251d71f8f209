import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E06-pratique-interdite',
  engagement: 'E06',
  defaultSeverity: 'error',
  title: { fr: 'Pas de pratique d’IA interdite (AI Act art. 5)', en: 'No prohibited AI practice (AI Act art. 5)' },
  description: {
    fr: 'Le règlement européen sur l’IA (AI Act) interdit certaines pratiques depuis le 2 février 2025 : notation sociale, manipulation, exploitation des vulnérabilités, identification biométrique à distance en temps réel dans l’espace public… (art. 5). La déclaration classe le système dans une catégorie de risque ; la catégorie `interdit` ne peut pas être déployée.',
    en: 'The EU AI Act has banned some practices since 2 February 2025: social scoring, manipulation, exploitation of vulnerabilities, real-time remote biometric identification in public spaces… (art. 5). The declaration classifies the system in a risk category; the `interdit` category cannot be deployed.',
  },
  howToFix: {
    fr: 'Classez le système (`droits.ai_act.categorie` : `haut_risque`, `transparence` ou `minimal`) ; s’il relève de l’article 5, le projet doit être abandonné ou revu.',
    en: 'Classify the system (`droits.ai_act.categorie`: `haut_risque`, `transparence` or `minimal`); if it falls under article 5, the project must be dropped or redesigned.',
  },
  messages: {
    forbidden: {
      fr: 'Pratique d’IA interdite par l’AI Act (art. 5) : ce système ne peut pas être déployé.',
      en: 'AI practice prohibited by the AI Act (art. 5): this system cannot be deployed.',
    },
    missing: {
      fr: 'Indiquez la catégorie de risque AI Act du système (`droits.ai_act.categorie`).',
      en: 'State the AI Act risk category of the system (`droits.ai_act.categorie`).',
    },
  },
  fields: ['droits.ai_act.categorie'],
  references: ['AI Act art. 5', 'AI Act art. 6', 'AI Act art. 113 (application au 2 février 2025)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['droits'])) return;
    if (ctx.get(['droits', 'ai_act', 'categorie']) === 'interdit') ctx.report({ messageId: 'forbidden', path: ['droits', 'ai_act', 'categorie'] });
    else requireFilled(ctx, ['droits', 'ai_act', 'categorie'], { missing: 'missing', is: 'present' });
  },
});
