import { defineRule, type RuleMeta } from './api';
import { applicableIf, processesPersonalData, requireTrue } from './util';

const meta = {
  id: 'sous-traitance',
  defaultSeverity: 'error',
  title: { fr: 'Contrat de sous-traitance (RGPD art. 28)', en: 'Processing contract (GDPR art. 28)' },
  description: {
    fr: 'Quand un prestataire (éditeur, hébergeur, fournisseur du modèle) traite des données personnelles pour le compte de la collectivité, le traitement est régi par un contrat qui fixe son objet, sa durée, les instructions, la confidentialité, la sécurité, le recours à d’autres sous-traitants, l’assistance, la restitution ou la suppression des données et les audits (RGPD art. 28(3)).',
    en: 'When a vendor (software publisher, host, model provider) processes personal data on the public body’s behalf, the processing is governed by a contract setting its subject matter, duration, instructions, confidentiality, security, use of other processors, assistance, return or deletion of the data and audits (GDPR art. 28(3)).',
  },
  howToFix: {
    fr: 'Indiquez `donnees.sous_traitance.sous_traitant` ; s’il y a un sous-traitant, signez un contrat conforme à l’article 28 et indiquez `contrat_article_28: true`.',
    en: 'State `donnees.sous_traitance.sous_traitant`; when there is a processor, sign a contract meeting article 28 and set `contrat_article_28: true`.',
  },
  messages: {
    noContractInService: {
      fr: 'Un sous-traitant traite des données personnelles sans contrat conforme à l’article 28 du RGPD.',
      en: 'A processor handles personal data without a contract meeting GDPR article 28.',
    },
    noContract: {
      fr: 'Sous-traitant : contrat conforme à l’article 28 du RGPD à signer avant qu’il traite des données.',
      en: 'Processor: a contract meeting GDPR article 28 to sign before it processes data.',
    },
    contractMissing: {
      fr: 'Sous-traitant : indiquez si le contrat comporte les clauses de l’article 28 du RGPD (`donnees.sous_traitance.contrat_article_28`).',
      en: 'Processor: state whether the contract holds the terms of GDPR article 28 (`donnees.sous_traitance.contrat_article_28`).',
    },
    processorMissing: {
      fr: 'Indiquez si un prestataire traite des données personnelles pour le compte de la collectivité (`donnees.sous_traitance.sous_traitant`).',
      en: 'State whether a vendor processes personal data on the public body’s behalf (`donnees.sous_traitance.sous_traitant`).',
    },
    processor: { fr: 'Sous-traitant déclaré ici.', en: 'Processor declared here.' },
  },
  fields: ['donnees.personnelles', 'donnees.sous_traitance.sous_traitant', 'donnees.sous_traitance.contrat_article_28', 'projet.statut'],
  references: ['RGPD art. 28', 'RGPD art. 99 (application au 25 mai 2018)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!processesPersonalData(ctx)) return;
    if (!applicableIf(ctx, ['donnees', 'sous_traitance', 'sous_traitant'], 'processorMissing')) return;
    const related = [{ path: ['donnees', 'sous_traitance', 'sous_traitant'], messageId: 'processor' as const }];
    requireTrue(ctx, ['donnees', 'sous_traitance', 'contrat_article_28'], { missing: 'contractMissing', breach: 'noContract', breachInService: 'noContractInService', related });
  },
});
