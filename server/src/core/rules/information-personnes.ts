import { defineRule, type RuleMeta } from './api';
import { processesPersonalData, requireTrue } from './util';

const meta = {
  id: 'information-personnes',
  defaultSeverity: 'error',
  title: { fr: 'Personnes concernées informées (RGPD art. 13 et 14)', en: 'Data subjects informed (GDPR art. 13 and 14)' },
  description: {
    fr: 'Quand le système traite des données personnelles, les personnes concernées reçoivent les informations prévues par le RGPD : identité du responsable, coordonnées du délégué à la protection des données, finalités et base légale, destinataires, durée de conservation, droits, et l’existence d’une prise de décision automatisée le cas échéant (art. 13 quand les données sont collectées auprès d’elles, art. 14 sinon).',
    en: 'When the system processes personal data, the people concerned receive the information the GDPR requires: identity of the controller, contact of the data protection officer, purposes and legal basis, recipients, retention period, rights, and the existence of automated decision-making where relevant (art. 13 when the data is collected from them, art. 14 otherwise).',
  },
  howToFix: {
    fr: 'Rédigez l’information des personnes (mention sur le formulaire, page « données personnelles ») et indiquez `donnees.information_personnes: true`.',
    en: 'Write the information notice (on the form, a “personal data” page) and set `donnees.information_personnes: true`.',
  },
  messages: {
    notInformedInService: {
      fr: 'Données personnelles traitées sans information des personnes concernées (RGPD art. 13 et 14).',
      en: 'Personal data processed without informing the people concerned (GDPR art. 13 and 14).',
    },
    notInformed: {
      fr: 'Information des personnes concernées (RGPD art. 13 et 14) à prévoir avant de traiter leurs données.',
      en: 'Information of the people concerned (GDPR art. 13 and 14) to provide before processing their data.',
    },
    missing: {
      fr: 'Indiquez si les personnes concernées sont informées du traitement (`donnees.information_personnes`).',
      en: 'State whether the people concerned are informed of the processing (`donnees.information_personnes`).',
    },
  },
  fields: ['donnees.personnelles', 'donnees.information_personnes', 'projet.statut'],
  references: ['RGPD art. 12, 13 et 14', 'RGPD art. 99 (application au 25 mai 2018)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!processesPersonalData(ctx)) return;
    requireTrue(ctx, ['donnees', 'information_personnes'], { missing: 'missing', breach: 'notInformed', breachInService: 'notInformedInService' });
  },
});
