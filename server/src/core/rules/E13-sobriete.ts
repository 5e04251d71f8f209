import { defineRule, filled, type RuleMeta } from './api';
import { addMissing } from './util';

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
    section: {
      fr: 'Section « environnement » absente : justifiez la sobriété du projet et mesurez son empreinte (E13, E14).',
      en: "Missing 'environnement' section: justify the project's sobriety and measure its footprint (E13, E14).",
    },
    missing: {
      fr: 'Justifiez que l’IA est nécessaire et le modèle proportionné au besoin (`environnement.justification_sobriete`).',
      en: 'Justify that AI is necessary and the model proportionate to the need (`environnement.justification_sobriete`).',
    },
  },
  fields: ['environnement.justification_sobriete'],
  references: ['AFNOR Spec 2314 « IA frugale » (2024)', 'Référentiel général d’écoconception de services numériques (RGESN 2024), famille « algorithmie »', 'Loi n° 2021-1485 (REEN) du 15 novembre 2021'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['environnement'])) {
      ctx.report({ messageId: 'section', path: ['environnement'], outcome: 'a_completer', fixes: addMissing(ctx, ['environnement'], true) });
      return;
    }
    if (!filled(ctx.get(['environnement', 'justification_sobriete']))) {
      ctx.report({ messageId: 'missing', path: ['environnement', 'justification_sobriete'], outcome: 'a_completer', fixes: addMissing(ctx, ['environnement', 'justification_sobriete']) });
    }
  },
});
