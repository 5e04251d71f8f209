import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E13-sobriete',
  engagement: 'E13',
  defaultSeverity: 'warning',
  title: { fr: 'Sobriété justifiée', en: 'Sobriety justified' },
  description: {
    fr: 'Le recours à l’IA est nécessaire et le modèle est proportionné au besoin : pas de grand modèle généraliste quand un petit modèle spécialisé, des règles ou un outil classique suffisent. La déclaration le justifie, dans l’esprit de l’AFNOR Spec 2314 « IA frugale » et du RGESN.',
    en: 'Using AI is necessary and the model is proportionate to the need: no large general-purpose model when a small specialised one, rules or a conventional tool will do. The declaration justifies it, in the spirit of AFNOR Spec 2314 (frugal AI) and the RGESN.',
  },
  howToFix: {
    fr: 'Renseignez `environnement.justification_sobriete` : pourquoi l’IA, pourquoi ce modèle (taille, mutualisation, fréquence d’usage).',
    en: 'Fill in `environnement.justification_sobriete`: why AI, why this model (size, pooling, frequency of use).',
  },
  messages: {
    missing: {
      fr: 'Justifiez que l’IA est nécessaire et le modèle proportionné au besoin (`environnement.justification_sobriete`).',
      en: 'Justify that AI is necessary and the model proportionate to the need (`environnement.justification_sobriete`).',
    },
  },
  fields: ['environnement.justification_sobriete'],
  references: [
    'AFNOR Spec 2314 « IA frugale » (2024)',
    'Référentiel général d’écoconception de services numériques (RGESN 2024), famille « algorithmie »',
    'Loi n° 2021-1485 (REEN) du 15 novembre 2021',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['environnement'])) return;
    requireFilled(ctx, ['environnement', 'justification_sobriete'], { missing: 'missing' });
  },
});
