import { defineRule, type RuleMeta } from './api';
import { requireFalse } from './util';

const meta = {
  id: 'E02-interaction-directe',
  engagement: 'E02',
  defaultSeverity: 'error',
  title: { fr: 'Pas d’IA en interaction directe avec les usagers', en: 'No AI in direct interaction with citizens' },
  description: {
    fr: 'Le cadre exclut toute IA en interaction directe avec les usagers externes (par exemple un agent conversationnel public) : un agent reste entre l’IA et l’usager, pour garder le lien humain. Une dérogation n’est possible que si le cadre l’admet pour cet engagement.',
    en: 'The framework rules out any AI in direct interaction with external users (a public chatbot, for instance): an agent stays between the AI and the citizen, to keep the human link. A derogation is possible only if the framework admits one for this engagement.',
  },
  howToFix: {
    fr: 'Placez un agent entre l’IA et l’usager (l’IA assiste l’agent), puis indiquez `usagers.interaction_directe: false`.',
    en: 'Put an agent between the AI and the citizen (the AI assists the agent), then set `usagers.interaction_directe: false`.',
  },
  messages: {
    direct: {
      fr: 'Interaction directe avec les usagers : interdite par le cadre (engagement {engagement}, sans dérogation possible).',
      en: 'Direct interaction with citizens: forbidden by the framework (engagement {engagement}, no derogation possible).',
    },
    directAgents: {
      fr: 'Interaction directe avec des usagers externes (`interaction_directe: true`) alors que le public déclaré est les agents (`public_concerne: agents`) : si seuls des agents utilisent le système, indiquez `false` ; sinon, le cadre l’interdit (engagement {engagement}, sans dérogation possible).',
      en: 'Direct interaction with external users (`interaction_directe: true`) although the declared audience is staff (`public_concerne: agents`): if only staff use the system, set `false`; otherwise the framework forbids it (engagement {engagement}, no derogation possible).',
    },
    missing: {
      fr: 'Précisez si l’IA interagit directement avec les usagers (`usagers.interaction_directe`).',
      en: 'State whether the AI interacts directly with citizens (`usagers.interaction_directe`).',
    },
    fixFalse: { fr: 'Mettre `interaction_directe: false` (à confirmer)', en: 'Set `interaction_directe: false` (to be confirmed)' },
  },
  fields: ['usagers.interaction_directe', 'usagers.public_concerne'],
  references: ['AI Act art. 50(1)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    requireFalse(ctx, ['usagers', 'interaction_directe'], {
      missing: 'missing',
      breach: ctx.get(['usagers', 'public_concerne']) === 'agents' ? 'directAgents' : 'direct',
      breachFixes: [
        {
          kind: 'set-value',
          args: { path: ['usagers', 'interaction_directe'], value: false, comment: 'A CONFIRMER : un agent valide chaque réponse avant l’usager' },
          title: meta.messages.fixFalse,
        },
      ],
      preferredFix: !ctx.has(['usagers']),
    });
  },
});
