import { defineRule, type RuleMeta } from './api';
import { processesPersonalData, reportMissing, requireTrue } from './util';

const meta = {
  id: 'E05-aipd',
  engagement: 'E05',
  defaultSeverity: 'error',
  title: { fr: 'Analyse d’impact (AIPD) réalisée', en: 'Data protection impact assessment (DPIA) carried out' },
  description: {
    fr: 'Un traitement susceptible d’engendrer un risque élevé pour les personnes exige une analyse d’impact relative à la protection des données (AIPD) avant sa mise en œuvre (RGPD art. 35). C’est toujours le cas pour des données sensibles (RGPD art. 9) traitées par une IA. En production, une AIPD requise et non réalisée est une non-conformité ; avant, elle reste à faire.',
    en: 'Processing likely to result in a high risk to people requires a data protection impact assessment (DPIA) before it starts (GDPR art. 35). It is always the case for sensitive data (GDPR art. 9) processed by an AI. In production, a required DPIA not carried out is a non-compliance; before, it is still to be done.',
  },
  howToFix: {
    fr: 'Indiquez `donnees.aipd.requise` ; si l’AIPD est requise (ou les données sensibles), menez-la avec le DPO puis indiquez `donnees.aipd.realisee: true` et sa `reference`.',
    en: 'State `donnees.aipd.requise`; when the DPIA is required (or the data sensitive), carry it out with the DPO, then set `donnees.aipd.realisee: true` and its `reference`.',
  },
  messages: {
    notDoneProduction: {
      fr: 'AIPD requise mais non réalisée alors que le projet est en production (RGPD art. 35).',
      en: 'DPIA required but not carried out while the project is in production (GDPR art. 35).',
    },
    notDone: {
      fr: 'AIPD requise, à réaliser avant la mise en production (RGPD art. 35).',
      en: 'DPIA required, to be carried out before going into production (GDPR art. 35).',
    },
    sensitiveRequired: {
      fr: 'Données sensibles (RGPD art. 9) : une AIPD est requise.',
      en: 'Sensitive data (GDPR art. 9): a DPIA is required.',
    },
    sensitiveHere: { fr: 'Données sensibles déclarées ici.', en: 'Sensitive data declared here.' },
    realiseeMissing: {
      fr: 'AIPD requise : indiquez si elle est réalisée (`donnees.aipd.realisee`).',
      en: 'DPIA required: state whether it was carried out (`donnees.aipd.realisee`).',
    },
    requiseMissing: {
      fr: 'Indiquez si une analyse d’impact (AIPD) est requise (`donnees.aipd.requise`).',
      en: 'State whether a data protection impact assessment (DPIA) is required (`donnees.aipd.requise`).',
    },
  },
  fields: ['donnees.personnelles', 'donnees.aipd.requise', 'donnees.aipd.realisee', 'donnees.sensibles', 'projet.statut'],
  references: ['RGPD art. 35', 'RGPD art. 9', 'CNIL, liste des traitements soumis à AIPD (délibération 2018-327)', 'CNIL, recommandations IA (juillet 2025)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!processesPersonalData(ctx)) return;
    const sensibles = ctx.get(['donnees', 'sensibles']) === true;
    const requise = ctx.get(['donnees', 'aipd', 'requise']);
    if (sensibles && requise === false) {
      ctx.report({
        messageId: 'sensitiveRequired',
        path: ['donnees', 'aipd', 'requise'],
        related: [{ path: ['donnees', 'sensibles'], messageId: 'sensitiveHere' }],
        fixes: [{ kind: 'replace-value', args: { path: ['donnees', 'aipd', 'requise'], to: true }, title: { fr: 'Mettre `requise: true`', en: 'Set `requise: true`' } }],
      });
    }
    if (requise === undefined && !sensibles) {
      reportMissing(ctx, ['donnees', 'aipd', 'requise'], { missing: 'requiseMissing' });
      return;
    }
    if (requise !== true && !sensibles) return;
    requireTrue(ctx, ['donnees', 'aipd', 'realisee'], { missing: 'realiseeMissing', breach: 'notDone', breachInService: 'notDoneProduction' });
  },
});
