import { defineRule, type RuleMeta } from './api';
import { requireFilled, requireTrue } from './util';

const meta = {
  id: 'E07-mention-ia',
  engagement: 'E07',
  defaultSeverity: 'error',
  title: { fr: 'Mention de l’usage de l’IA', en: 'Disclosure of the use of AI' },
  description: {
    fr: 'Les productions et documents faits avec l’IA le disent, de façon claire et systématique, à ceux qui les lisent (agents ou usagers). L’AI Act impose de signaler les contenus générés ou manipulés (art. 50) ; le guide de la DINUM en fait un principe.',
    en: 'Outputs and documents made with AI say so, clearly and systematically, to those who read them (agents or citizens). The AI Act requires generated or manipulated content to be disclosed (art. 50); the DINUM guide makes it a principle.',
  },
  howToFix: {
    fr: 'Indiquez `transparence.mention_ia: true` et le texte de la mention affichée (`transparence.texte_mention`), par exemple « Document produit avec l’aide d’une IA et relu par un agent ».',
    en: "Set `transparence.mention_ia: true` and the text of the notice shown (`transparence.texte_mention`), for instance 'Document produit avec l’aide d’une IA et relu par un agent'.",
  },
  messages: {
    noMention: {
      fr: 'Les productions de l’IA ne sont pas signalées comme telles : la mention de l’IA est obligatoire ({engagement}, AI Act art. 50).',
      en: 'The outputs of the AI are not marked as such: disclosing AI is mandatory ({engagement}, AI Act art. 50).',
    },
    missing: {
      fr: 'Indiquez si les productions de l’IA portent une mention (`transparence.mention_ia`).',
      en: 'State whether the outputs of the AI carry a notice (`transparence.mention_ia`).',
    },
    text: {
      fr: 'Donnez le texte de la mention affichée (`transparence.texte_mention`).',
      en: 'Give the text of the notice shown (`transparence.texte_mention`).',
    },
    fixTrue: { fr: 'Mettre `mention_ia: true`', en: 'Set `mention_ia: true`' },
  },
  fields: ['transparence.mention_ia', 'transparence.texte_mention'],
  references: ['AI Act art. 50(2) et 50(4)', 'DINUM, Guide d’usage de l’IA pour les agents publics, principe 3'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['transparence'])) return;
    const mention = requireTrue(ctx, ['transparence', 'mention_ia'], {
      missing: 'missing',
      breach: 'noMention',
      breachFixes: [{ kind: 'replace-value', args: { path: ['transparence', 'mention_ia'], to: true }, title: meta.messages.fixTrue }],
    });
    if (mention === true) requireFilled(ctx, ['transparence', 'texte_mention'], { missing: 'text' });
  },
});
