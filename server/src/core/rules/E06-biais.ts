import { defineRule, type RuleMeta } from './api';
import { inProduction, requireFilled, requireTrue } from './util';

const meta = {
  id: 'E06-biais',
  engagement: 'E06',
  defaultSeverity: 'warning',
  title: { fr: 'Évaluation des biais et de la non-discrimination', en: 'Bias and non-discrimination assessment' },
  description: {
    fr: 'Le système est évalué pour ses biais (performances comparées selon les publics, effets discriminatoires) avec une méthode décrite. Pour un système à haut risque ou qui fonde des décisions individuelles, une évaluation non faite en production est une non-conformité.',
    en: 'The system is assessed for bias (performance compared across groups, discriminatory effects) with a described method. For a high-risk system or one that grounds individual decisions, an assessment not done in production is a non-compliance.',
  },
  howToFix: {
    fr: 'Évaluez les biais, puis indiquez `droits.biais.evalue: true` avec la `methode` et les `resultats`.',
    en: 'Assess the bias, then set `droits.biais.evalue: true` with the `methode` and the `resultats`.',
  },
  messages: {
    missing: {
      fr: 'Indiquez si les biais du système ont été évalués (`droits.biais.evalue`).',
      en: 'State whether the bias of the system was assessed (`droits.biais.evalue`).',
    },
    notDoneProduction: {
      fr: 'Système en production qui touche aux droits des personnes (haut risque ou décisions individuelles) sans évaluation des biais.',
      en: "System in production affecting people's rights (high risk or individual decisions) without a bias assessment.",
    },
    notDone: {
      fr: 'Évaluation des biais à mener (`droits.biais.evalue: false`).',
      en: 'Bias assessment still to be done (`droits.biais.evalue: false`).',
    },
    method: {
      fr: 'Évaluation des biais sans méthode décrite (`droits.biais.methode`).',
      en: 'Bias assessment without a described method (`droits.biais.methode`).',
    },
  },
  fields: ['droits.biais.evalue', 'droits.biais.methode', 'droits.biais.resultats', 'droits.ai_act.categorie', 'droits.decisions_individuelles'],
  references: [
    'AI Act art. 10(2)(f)',
    'AI Act art. 27(1)(d)',
    'Code pénal art. 225-1 (discriminations)',
    'Défenseur des droits et CNIL, « Algorithmes : prévenir l’automatisation des discriminations » (2020)',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['droits'])) return;
    // Not assessing bias is a breach once in service for a system touching rights (high risk or individual decisions).
    const rights = ctx.get(['droits', 'ai_act', 'categorie']) === 'haut_risque' || ctx.get(['droits', 'decisions_individuelles']) === true;
    const evalue = requireTrue(ctx, ['droits', 'biais', 'evalue'], { missing: 'missing', breach: 'notDone', breachInService: 'notDoneProduction', inService: rights && inProduction(ctx) });
    if (evalue === true) requireFilled(ctx, ['droits', 'biais', 'methode'], { missing: 'method' });
  },
});
