import { defineRule, type RuleMeta } from './api';
import { processesPersonalData, requireTrue } from './util';

const meta = {
  id: 'E05-dpo-consulte',
  engagement: 'E05',
  defaultSeverity: 'error',
  title: { fr: 'Délégué à la protection des données consulté', en: 'Data protection officer consulted' },
  description: {
    fr: 'Le délégué à la protection des données (DPO) de la Ville est associé à toute question de protection des données (RGPD art. 38(1)) et son avis est recueilli pour une analyse d’impact (art. 35(2)). Un projet en production qui traite des données personnelles sans l’avoir consulté n’est pas conforme ; avant la production, la consultation reste à faire.',
    en: "The city's data protection officer (DPO) is involved in every data protection issue (GDPR art. 38(1)) and their advice is sought for an impact assessment (art. 35(2)). A project in production that processes personal data without consulting them is non-compliant; before production, the consultation is still to be done.",
  },
  howToFix: {
    fr: 'Consultez le DPO, puis indiquez `donnees.dpo_consulte: true`.',
    en: 'Consult the DPO, then set `donnees.dpo_consulte: true`.',
  },
  messages: {
    notConsultedProduction: {
      fr: 'Projet en production traitant des données personnelles sans consultation du DPO (RGPD art. 38(1)).',
      en: 'Project in production processing personal data without consulting the DPO (GDPR art. 38(1)).',
    },
    notConsulted: {
      fr: 'DPO à consulter avant la mise en production (RGPD art. 38(1), 35(2)).',
      en: 'The DPO is to be consulted before going into production (GDPR art. 38(1), 35(2)).',
    },
    missing: {
      fr: 'Indiquez si le DPO a été consulté (`donnees.dpo_consulte`).',
      en: 'State whether the DPO was consulted (`donnees.dpo_consulte`).',
    },
  },
  fields: ['donnees.dpo_consulte', 'donnees.personnelles', 'projet.statut'],
  references: ['RGPD art. 38(1)', 'RGPD art. 35(2)', 'RGPD art. 39'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!processesPersonalData(ctx)) return;
    requireTrue(ctx, ['donnees', 'dpo_consulte'], { missing: 'missing', breach: 'notConsulted', breachInService: 'notConsultedProduction' });
  },
});
