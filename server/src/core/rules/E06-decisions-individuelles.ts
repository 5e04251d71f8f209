import { defineRule, type RuleMeta } from './api';
import { applicableIf, requireFilled } from './util';

const meta = {
  id: 'E06-decisions-individuelles',
  engagement: 'E06',
  defaultSeverity: 'error',
  title: { fr: 'Décisions individuelles : publication des règles et recours', en: 'Individual decisions: published rules and appeal' },
  description: {
    fr: 'Quand un traitement algorithmique fonde des décisions individuelles, l’administration le mentionne dans la décision et communique ses règles à la personne qui le demande (CRPA L311-3-1, R311-3-1-2) ; une administration de plus de 50 agents publie en ligne les règles de ses principaux traitements (L312-1-3). La personne doit aussi savoir comment contester la décision. En production, l’absence de ces garanties est une non-conformité ; avant, elles restent à mettre en place.',
    en: 'When algorithmic processing grounds individual decisions, the administration says so in the decision and gives its rules to whoever asks (CRPA L311-3-1, R311-3-1-2); an administration of more than 50 agents publishes online the rules of its main processing (L312-1-3). People must also know how to challenge the decision. In production, the lack of these safeguards is a non-compliance; before, they are still to be set up.',
  },
  howToFix: {
    fr: 'Publiez les règles du traitement et indiquez l’adresse (`droits.publication_regles_url`), puis décrivez la voie de recours (`droits.recours`). Si l’IA ne fonde aucune décision individuelle, indiquez `droits.decisions_individuelles: false`.',
    en: 'Publish the rules of the processing and give the address (`droits.publication_regles_url`), then describe the way to appeal (`droits.recours`). If the AI grounds no individual decision, set `droits.decisions_individuelles: false`.',
  },
  messages: {
    unknown: {
      fr: 'Indiquez si l’IA fonde des décisions individuelles (`droits.decisions_individuelles`).',
      en: 'State whether the AI grounds individual decisions (`droits.decisions_individuelles`).',
    },
    publicationProduction: {
      fr: 'Décisions individuelles en production sans publication des règles du traitement (CRPA L312-1-3, L311-3-1).',
      en: 'Individual decisions in production without publishing the rules of the processing (CRPA L312-1-3, L311-3-1).',
    },
    publication: {
      fr: 'Décisions individuelles : publiez les règles du traitement avant la mise en service (`droits.publication_regles_url`, CRPA L312-1-3).',
      en: 'Individual decisions: publish the rules of the processing before putting it into use (`droits.publication_regles_url`, CRPA L312-1-3).',
    },
    recoursProduction: {
      fr: 'Décisions individuelles en production sans voie de recours décrite (`droits.recours`).',
      en: 'Individual decisions in production without a described way to appeal (`droits.recours`).',
    },
    recours: {
      fr: 'Décisions individuelles : décrivez comment une personne peut contester la décision (`droits.recours`).',
      en: 'Individual decisions: describe how a person can challenge the decision (`droits.recours`).',
    },
    decisions: { fr: 'Décisions individuelles déclarées ici.', en: 'Individual decisions declared here.' },
  },
  fields: ['droits.decisions_individuelles', 'droits.publication_regles_url', 'droits.recours', 'projet.statut'],
  references: ['CRPA art. L311-3-1', 'CRPA art. R311-3-1-2', 'CRPA art. L312-1-3', 'RGPD art. 22(3)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is E06-pratique-interdite's finding.
    if (!ctx.has(['droits'])) return;
    if (!applicableIf(ctx, ['droits', 'decisions_individuelles'], 'unknown')) return;
    const related = [{ path: ['droits', 'decisions_individuelles'], messageId: 'decisions' as const }];
    requireFilled(ctx, ['droits', 'publication_regles_url'], { missing: 'publication', missingInService: 'publicationProduction', related });
    requireFilled(ctx, ['droits', 'recours'], { missing: 'recours', missingInService: 'recoursProduction', related });
  },
});
