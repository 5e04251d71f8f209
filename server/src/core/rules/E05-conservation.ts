import { defineRule, type RuleMeta } from './api';
import { processesPersonalData, requireFilled } from './util';

const meta = {
  id: 'E05-conservation',
  engagement: 'E05',
  defaultSeverity: 'warning',
  title: { fr: 'Durée de conservation des données', en: 'Data retention period' },
  description: {
    fr: 'Les données personnelles ne sont gardées que le temps nécessaire à la finalité (RGPD art. 5(1)(e)) : la déclaration indique cette durée, en jours.',
    en: 'Personal data are kept no longer than the purpose requires (GDPR art. 5(1)(e)): the declaration states that period, in days.',
  },
  howToFix: {
    fr: 'Renseignez `donnees.conservation_jours` (par exemple 365), en accord avec le DPO et la politique d’archivage.',
    en: 'Fill in `donnees.conservation_jours` (365, for instance), in agreement with the DPO and the records policy.',
  },
  messages: {
    missing: {
      fr: 'Durée de conservation des données personnelles non indiquée (`donnees.conservation_jours`, RGPD art. 5(1)(e)).',
      en: 'Retention period of the personal data not stated (`donnees.conservation_jours`, GDPR art. 5(1)(e)).',
    },
  },
  fields: ['donnees.conservation_jours', 'donnees.personnelles'],
  references: ['RGPD art. 5(1)(e)', 'RGPD art. 13(2)(a)', 'CNIL, recommandations IA (juillet 2025)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!processesPersonalData(ctx)) return;
    requireFilled(ctx, ['donnees', 'conservation_jours'], { missing: 'missing', is: 'number' });
  },
});
