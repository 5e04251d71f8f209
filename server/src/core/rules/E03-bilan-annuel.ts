import { defineRule, type RuleMeta } from './api';
import { reportMissing } from './util';

const meta = {
  id: 'E03-bilan-annuel',
  engagement: 'E03',
  defaultSeverity: 'error',
  title: { fr: 'Inscrit au bilan annuel public', en: 'Listed in the public annual report' },
  description: {
    fr: 'La Ville publie chaque année un bilan des usages de l’IA dans ses services. Chaque projet y figure : la déclaration le dit avec `bilan_annuel.inclus: true`.',
    en: 'The city publishes every year a report of the uses of AI in its services. Every project is in it: the declaration says so with `bilan_annuel.inclus: true`.',
  },
  howToFix: {
    fr: 'Indiquez `bilan_annuel.inclus: true`. Un projet ne peut pas être tenu hors du bilan annuel.',
    en: 'Set `bilan_annuel.inclus: true`. A project cannot be kept out of the annual report.',
  },
  messages: {
    excluded: {
      fr: 'Projet exclu du bilan annuel : tous les usages de l’IA de la Ville y sont publiés ({engagement}).',
      en: 'Project left out of the annual report: every use of AI by the city is published in it ({engagement}).',
    },
    missing: {
      fr: 'Indiquez si le projet figure au bilan annuel public (`bilan_annuel.inclus`).',
      en: 'State whether the project is in the public annual report (`bilan_annuel.inclus`).',
    },
    fixTrue: { fr: 'Inscrire le projet au bilan annuel (`inclus: true`)', en: 'List the project in the annual report (`inclus: true`)' },
  },
  fields: ['bilan_annuel.inclus'],
  references: ['CRPA art. L312-1-3 (publication des règles des traitements algorithmiques)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    const inclus = ctx.get(['bilan_annuel', 'inclus']);
    if (inclus === false) {
      ctx.report({
        messageId: 'excluded',
        path: ['bilan_annuel', 'inclus'],
        fixes: [{ kind: 'replace-value', args: { path: ['bilan_annuel', 'inclus'], to: true }, title: meta.messages.fixTrue }],
      });
    } else if (inclus === undefined) {
      // Only when absent: a value of another type is the schema's finding alone.
      reportMissing(ctx, ['bilan_annuel', 'inclus'], { missing: 'missing', preferredFix: true });
    }
  },
});
