import { defineRule, type RuleMeta } from './api';
import { applicableIf, requireFilled } from './util';

const meta = {
  id: 'publication-regles',
  defaultSeverity: 'error',
  title: { fr: 'Règles des traitements algorithmiques publiées (CRPA L312-1-3)', en: 'Rules of algorithmic processing published (CRPA L312-1-3)' },
  description: {
    fr: 'Les administrations publient en ligne les règles qui définissent les principaux traitements algorithmiques qu’elles utilisent pour accomplir leurs missions lorsqu’ils fondent des décisions individuelles, sous réserve des secrets protégés (CRPA art. L312-1-3). Les personnes morales de moins de 50 agents ou salariés en sont dispensées (seuil fixé par décret) : elles le déclarent sous `engagements`.',
    en: 'Administrations publish online the rules defining the main algorithmic processing they use to carry out their missions when it grounds individual decisions, subject to protected secrets (CRPA art. L312-1-3). Legal persons with fewer than 50 staff are exempt (threshold set by decree): they say so under `engagements`.',
  },
  howToFix: {
    fr: 'Publiez les règles du traitement et indiquez l’adresse de la page (`droits.publication_regles_url`).',
    en: 'Publish the rules of the processing and give the page’s address (`droits.publication_regles_url`).',
  },
  messages: {
    unpublishedInService: {
      fr: 'Décisions individuelles en service sans publication en ligne des règles du traitement (CRPA L312-1-3).',
      en: 'Individual decisions in service without publishing the rules of the processing online (CRPA L312-1-3).',
    },
    unpublished: {
      fr: 'Décisions individuelles : publiez en ligne les règles du traitement (`droits.publication_regles_url`, CRPA L312-1-3).',
      en: 'Individual decisions: publish the rules of the processing online (`droits.publication_regles_url`, CRPA L312-1-3).',
    },
    decisionsMissing: {
      fr: 'Indiquez si le système fonde des décisions individuelles (`droits.decisions_individuelles`).',
      en: 'State whether the system grounds individual decisions (`droits.decisions_individuelles`).',
    },
    decisions: { fr: 'Décisions individuelles déclarées ici.', en: 'Individual decisions declared here.' },
  },
  fields: ['droits.decisions_individuelles', 'droits.publication_regles_url', 'projet.statut'],
  references: ['CRPA art. L312-1-3', 'Loi n° 2016-1321 du 7 octobre 2016 pour une République numérique'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!applicableIf(ctx, ['droits', 'decisions_individuelles'], 'decisionsMissing')) return;
    const related = [{ path: ['droits', 'decisions_individuelles'], messageId: 'decisions' as const }];
    requireFilled(ctx, ['droits', 'publication_regles_url'], { missing: 'unpublished', missingInService: 'unpublishedInService', related });
  },
});
