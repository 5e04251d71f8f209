import { defineRule, type RuleMeta } from './api';
import { applicableIf, requireTrue } from './util';

const meta = {
  id: 'information-interaction',
  defaultSeverity: 'error',
  title: { fr: 'Personnes informées qu’elles échangent avec une IA', en: 'People told they are interacting with an AI' },
  description: {
    fr: 'Un système d’IA destiné à interagir directement avec des personnes leur fait savoir qu’elles échangent avec une IA, clairement et au plus tard lors du premier échange, sauf si c’est évident (règlement sur l’IA, art. 50(1) et 50(5)). L’obligation pèse sur le fournisseur du système ; une collectivité qui met en service un agent conversationnel sous son propre nom en est le fournisseur (art. 3(3)), et celle qui en déploie un vérifie qu’il le fait.',
    en: 'An AI system intended to interact directly with people tells them they are dealing with an AI, clearly and at the latest at the first interaction, unless it is obvious (AI Act art. 50(1) and 50(5)). The duty lies with the system’s provider; a public body that puts a chatbot into service under its own name is its provider (art. 3(3)), and one that deploys a chatbot checks that it does so.',
  },
  howToFix: {
    fr: 'Affichez dès le premier échange que la personne s’adresse à une IA, puis indiquez `usagers.information_ia: true`.',
    en: 'Show from the first interaction that the person is dealing with an AI, then set `usagers.information_ia: true`.',
  },
  messages: {
    notInformed: {
      fr: 'Des personnes échangent directement avec le système sans être informées qu’il s’agit d’une IA (règlement sur l’IA, art. 50(1)).',
      en: 'People interact directly with the system without being told it is an AI (AI Act art. 50(1)).',
    },
    informationMissing: {
      fr: 'Interaction directe : indiquez si les personnes sont informées qu’elles échangent avec une IA (`usagers.information_ia`).',
      en: 'Direct interaction: state whether people are told they are interacting with an AI (`usagers.information_ia`).',
    },
    interactionMissing: {
      fr: 'Indiquez si des personnes échangent directement avec le système (`usagers.interaction_directe`).',
      en: 'State whether people interact directly with the system (`usagers.interaction_directe`).',
    },
    direct: { fr: 'Interaction directe déclarée ici.', en: 'Direct interaction declared here.' },
  },
  fields: ['usagers.interaction_directe', 'usagers.information_ia'],
  references: ['AI Act art. 50(1)', 'AI Act art. 50(5)', 'AI Act art. 3(3) (fournisseur)', 'AI Act art. 113 (application au 2 août 2026)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!applicableIf(ctx, ['usagers', 'interaction_directe'], 'interactionMissing')) return;
    const related = [{ path: ['usagers', 'interaction_directe'], messageId: 'direct' as const }];
    requireTrue(ctx, ['usagers', 'information_ia'], { missing: 'informationMissing', breach: 'notInformed', related });
  },
});
