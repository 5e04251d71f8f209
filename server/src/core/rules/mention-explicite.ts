import { defineRule, type RuleMeta } from './api';
import { applicableIf, requireTrue } from './util';

const meta = {
  id: 'mention-explicite',
  defaultSeverity: 'error',
  title: { fr: 'Mention explicite dans les décisions individuelles (CRPA L311-3-1)', en: 'Explicit notice in individual decisions (CRPA L311-3-1)' },
  description: {
    fr: 'Une décision individuelle prise sur le fondement d’un traitement algorithmique comporte une mention explicite qui en informe l’intéressé (CRPA art. L311-3-1) : la finalité du traitement, le droit d’obtenir la communication de ses règles et de ses principales caractéristiques, et les modalités d’exercice de ce droit (art. R311-3-1-1). Sur demande, l’administration communique le degré et le mode de contribution du traitement à la décision, les données traitées et leurs sources, les paramètres appliqués à la situation de l’intéressé et les opérations effectuées (art. R311-3-1-2).',
    en: 'An individual decision taken on the basis of algorithmic processing carries an explicit notice informing the person (CRPA art. L311-3-1): the purpose of the processing, the right to obtain its rules and main characteristics, and how to exercise that right (art. R311-3-1-1). On request, the administration communicates how much and how the processing contributed to the decision, the data processed and its sources, the parameters applied to the person’s situation and the operations carried out (art. R311-3-1-2).',
  },
  howToFix: {
    fr: 'Ajoutez la mention aux modèles de décision et indiquez `droits.mention_explicite: true`.',
    en: 'Add the notice to the decision templates and set `droits.mention_explicite: true`.',
  },
  messages: {
    absentInService: {
      fr: 'Décisions individuelles en service sans la mention explicite du traitement algorithmique (CRPA L311-3-1).',
      en: 'Individual decisions in service without the explicit notice of the algorithmic processing (CRPA L311-3-1).',
    },
    absent: {
      fr: 'Décisions individuelles : mention explicite du traitement algorithmique (CRPA L311-3-1) à ajouter avant la mise en service.',
      en: 'Individual decisions: explicit notice of the algorithmic processing (CRPA L311-3-1) to add before going into service.',
    },
    missing: {
      fr: 'Décisions individuelles : indiquez si elles portent la mention explicite du traitement (`droits.mention_explicite`).',
      en: 'Individual decisions: state whether they carry the explicit notice of the processing (`droits.mention_explicite`).',
    },
    decisionsMissing: {
      fr: 'Indiquez si le système fonde des décisions individuelles (`droits.decisions_individuelles`).',
      en: 'State whether the system grounds individual decisions (`droits.decisions_individuelles`).',
    },
    decisions: { fr: 'Décisions individuelles déclarées ici.', en: 'Individual decisions declared here.' },
  },
  fields: ['droits.decisions_individuelles', 'droits.mention_explicite', 'projet.statut'],
  references: ['CRPA art. L311-3-1', 'CRPA art. R311-3-1-1', 'CRPA art. R311-3-1-2', 'Décret n° 2017-330 du 14 mars 2017 (en vigueur le 1er septembre 2017)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!applicableIf(ctx, ['droits', 'decisions_individuelles'], 'decisionsMissing')) return;
    const related = [{ path: ['droits', 'decisions_individuelles'], messageId: 'decisions' as const }];
    requireTrue(ctx, ['droits', 'mention_explicite'], { missing: 'missing', breach: 'absent', breachInService: 'absentInService', related });
  },
});
