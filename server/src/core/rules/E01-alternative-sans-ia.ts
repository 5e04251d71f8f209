import { defineRule, filled, type RuleMeta } from './api';

/** Words that say an alternative uses AI. */
export const AI_RE =
  /\b(?:ia|ai|intelligence artificielle|artificial intelligence|llm|gpt|chatbot|agent conversationnel|apprentissage (?:automatique|profond)|machine learning|deep learning|r[ée]seau de neurones|mod[èe]les? (?:de langage|g[ée]n[ée]ratifs?|d['’]ia|de fondation)|copilot|mistral|llama|gemini|claude)\b/i;
/** Words that say an alternative does without AI, even if it names AI. */
export const NON_AI_RE = /\bsans\s+(?:l['’]\s*)?(?:ia|intelligence artificielle)\b|\bnon[- ]ia\b|\bwithout (?:ai|artificial intelligence)\b|\bnon[- ]ai\b/i;

/** Whether an alternative's text says it uses AI. */
export function usesAi(alternative: string): boolean {
  return AI_RE.test(alternative) && !NON_AI_RE.test(alternative);
}

const meta = {
  id: 'E01-alternative-sans-ia',
  engagement: 'E01',
  defaultSeverity: 'hint',
  title: { fr: 'Une alternative sans IA a été étudiée', en: 'A non-AI alternative was studied' },
  description: {
    fr: 'Parmi les alternatives étudiées, au moins une se passe d’IA (traitement manuel, outil classique, recrutement, statu quo…). Cadre IA le suggère quand toutes les alternatives listées parlent d’IA (IA, LLM, modèle génératif, agent conversationnel…) ; ce n’est qu’une suggestion.',
    en: 'Among the alternatives studied, at least one does without AI (manual handling, a conventional tool, hiring, the status quo…). Cadre IA suggests it when every alternative listed speaks of AI (AI, LLM, generative model, chatbot…); it is only a hint.',
  },
  howToFix: {
    fr: 'Ajoutez à `interet_general.alternatives_etudiees` une alternative sans IA et la raison pour laquelle elle n’a pas été retenue (« Traitement manuel par deux agents, écarté pour… »).',
    en: "Add a non-AI alternative to `interet_general.alternatives_etudiees` and the reason it was not chosen ('Traitement manuel par deux agents, écarté pour…').",
  },
  messages: {
    onlyAi: {
      fr: 'Toutes les alternatives étudiées utilisent l’IA : étudiez aussi une solution sans IA (traitement manuel, outil classique…).',
      en: 'Every alternative studied uses AI: also study a non-AI option (manual handling, a conventional tool…).',
    },
  },
  fields: ['interet_general.alternatives_etudiees'],
  references: ['Eurocities Algorithmic Transparency Standard v0.3.1 (alternatives_considered)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    const alternatives = ctx.get(['interet_general', 'alternatives_etudiees']);
    // No list at all is E01-alternatives' finding.
    if (!Array.isArray(alternatives) || !alternatives.some(filled)) return;
    const texts = alternatives.filter((a): a is string => typeof a === 'string' && filled(a));
    if (texts.length > 0 && texts.every(usesAi)) {
      ctx.report({ messageId: 'onlyAi', path: ['interet_general', 'alternatives_etudiees'], at: 'key', outcome: 'none' });
    }
  },
});
