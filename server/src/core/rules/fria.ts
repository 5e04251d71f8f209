import { defineRule, type RuleMeta } from './api';
import { highRiskDeployer, requireTrue } from './util';

const meta = {
  id: 'fria',
  defaultSeverity: 'error',
  title: { fr: 'Analyse d’impact sur les droits fondamentaux (FRIA)', en: 'Fundamental rights impact assessment (FRIA)' },
  description: {
    fr: 'Avant de déployer un système d’IA à haut risque de l’annexe III (hors infrastructures critiques, point 2), un déployeur qui est un organisme de droit public évalue l’incidence de son utilisation sur les droits fondamentaux : processus, durée et fréquence d’usage, personnes touchées, risques, mesures de contrôle humain et de réparation (règlement sur l’IA, art. 27(1)), puis notifie les résultats à l’autorité de surveillance du marché (art. 27(3)).',
    en: 'Before deploying a high-risk AI system of annex III (except critical infrastructure, point 2), a deployer that is a body governed by public law assesses the impact of its use on fundamental rights: process, period and frequency of use, people affected, risks, human oversight and redress measures (AI Act art. 27(1)), then notifies the market surveillance authority of the results (art. 27(3)).',
  },
  howToFix: {
    fr: 'Menez l’analyse d’impact avant la première utilisation, puis indiquez `droits.fria.realisee: true`, sa `date` et sa `reference`.',
    en: 'Carry out the assessment before the first use, then set `droits.fria.realisee: true`, its `date` and its `reference`.',
  },
  messages: {
    notDoneInService: {
      fr: 'Système à haut risque en service sans analyse d’impact sur les droits fondamentaux (règlement sur l’IA, art. 27).',
      en: 'High-risk system in service without a fundamental rights impact assessment (AI Act art. 27).',
    },
    notDone: {
      fr: 'Système à haut risque : analyse d’impact sur les droits fondamentaux (art. 27) à mener avant la première utilisation.',
      en: 'High-risk system: fundamental rights impact assessment (art. 27) to carry out before the first use.',
    },
    missing: {
      fr: 'Système à haut risque : indiquez si l’analyse d’impact sur les droits fondamentaux est réalisée (`droits.fria.realisee`).',
      en: 'High-risk system: state whether the fundamental rights impact assessment was carried out (`droits.fria.realisee`).',
    },
    highRisk: { fr: 'Classé à haut risque ici.', en: 'Classified as high-risk here.' },
  },
  fields: ['droits.ai_act.categorie', 'droits.ai_act.annexe_iii', 'droits.ai_act.role', 'droits.fria.realisee', 'projet.statut'],
  references: ['AI Act art. 27(1) et 27(3)', 'AI Act art. 6(2) et annexe III', 'AI Act art. 113'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!highRiskDeployer(ctx)) {
      ctx.notApplicable();
      return;
    }
    const related = [{ path: ['droits', 'ai_act', 'categorie'], messageId: 'highRisk' as const }];
    requireTrue(ctx, ['droits', 'fria', 'realisee'], { missing: 'missing', breach: 'notDone', breachInService: 'notDoneInService', related });
  },
});
