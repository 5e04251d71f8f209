import { defineRule, filled, type RuleMeta } from './api';
import { isMapping, reportMissing, requireFilled } from './util';

const meta = {
  id: 'E09-risques-ia',
  engagement: 'E09',
  defaultSeverity: 'warning',
  title: { fr: 'Risques propres à l’IA identifiés et traités', en: 'AI-specific risks identified and handled' },
  description: {
    fr: 'Un système d’IA a des risques que l’informatique classique n’a pas : injection de prompt, fuite de données par les réponses, empoisonnement, extraction du modèle, hallucinations. L’ANSSI en fait 35 recommandations pour l’IA générative. La déclaration liste les risques retenus et la mesure qui traite chacun.',
    en: 'An AI system has risks conventional IT does not: prompt injection, data leakage through answers, poisoning, model extraction, hallucinations. ANSSI turned them into 35 recommendations for generative AI. The declaration lists the risks retained and the measure that handles each one.',
  },
  howToFix: {
    fr: 'Ajoutez `securite.risques_specifiques`, une liste de `{ risque: …, mesure: … }` (par exemple `injection_de_prompt`, `fuite_de_donnees`, `hallucination`).',
    en: 'Add `securite.risques_specifiques`, a list of `{ risque: …, mesure: … }` (e.g. `injection_de_prompt`, `fuite_de_donnees`, `hallucination`).',
  },
  messages: {
    missing: {
      fr: 'Aucun risque propre à l’IA listé (injection de prompt, fuite de données, empoisonnement…) : `securite.risques_specifiques`.',
      en: 'No AI-specific risk listed (prompt injection, data leakage, poisoning…): `securite.risques_specifiques`.',
    },
    noMeasure: {
      fr: 'Risque « {risque} » sans mesure de traitement (`mesure`).',
      en: "Risk '{risque}' without a handling measure (`mesure`).",
    },
  },
  fields: ['securite.risques_specifiques', 'securite.risques_specifiques[].risque', 'securite.risques_specifiques[].mesure'],
  references: ['ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024, 35 recommandations)', 'OWASP Top 10 for LLM Applications (2025)', 'AI Act art. 15(5)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['securite'])) return;
    if (!requireFilled(ctx, ['securite', 'risques_specifiques'], { missing: 'missing', is: 'mappings' })) return;
    const risques = ctx.get(['securite', 'risques_specifiques']) as unknown[];
    risques.forEach((r, i) => {
      if (!isMapping(r) || filled(r.mesure)) return;
      const risque = typeof r.risque === 'string' ? r.risque : `#${i + 1}`;
      const rangePath = typeof r.risque === 'string' ? ['securite', 'risques_specifiques', i, 'risque'] : undefined;
      reportMissing(ctx, ['securite', 'risques_specifiques', i, 'mesure'], { missing: 'noMeasure', data: { risque }, rangePath });
    });
  },
});
