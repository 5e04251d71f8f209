/**
 * Words of the transparency notice, French and English. The legal mentions (AI Act art. 50,
 * CRPA L311-3-1) are fixed sentences filled only with facts from the declaration; their wording
 * is explained in docs/notice.md.
 */
import { t } from '../i18n';
import type { Locale, Localized } from '../types';

export const NOTICE_TEXT = {
  title: { fr: 'Notice d’information : {name}', en: 'Information notice: {name}' },
  intro: {
    fr: '{org} utilise un système d’intelligence artificielle (IA) pour ce service. Cette notice dit ce qu’il fait et pourquoi, qui en répond, comment un agent garde la main, quelles données il utilise et comment faire valoir vos droits.',
    en: '{org} uses an artificial intelligence (AI) system for this service. This notice says what it does and why, who is responsible for it, how a member of staff stays in control, which data it uses and how to exercise your rights.',
  },
  // Section titles.
  what: { fr: 'Ce que fait le système, et pourquoi', en: 'What the system does, and why' },
  who: { fr: 'Qui en est responsable', en: 'Who is responsible' },
  control: { fr: 'Comment un agent garde la main', en: 'How a member of staff stays in control' },
  data: { fr: 'Les données utilisées', en: 'The data used' },
  rights: { fr: 'Vos droits et vos recours', en: 'Your rights and how to appeal' },
  mentions: { fr: 'Mentions à reprendre', en: 'Mentions to reuse' },
  mentionsIntro: {
    fr: 'Textes à afficher tels quels là où le système est utilisé ; ils sont aussi proposés comme extraits dans l’éditeur.',
    en: 'Texts to show as they are where the system is used; the editor also offers them as snippets.',
  },
  highRisk: { fr: 'Système à haut risque (règlement européen sur l’IA)', en: 'High-risk system (EU AI Act)' },
  derogations: { fr: 'Écarts au cadre, validés', en: 'Approved departures from the framework' },
  about: { fr: 'À propos de cette notice', en: 'About this notice' },
  // What.
  purpose: { fr: 'Objectif : {v}', en: 'Purpose: {v}' },
  status: { fr: 'Étape du projet : {v}', en: 'Project stage: {v}' },
  since: { fr: '{status}, mise en service le {date}', en: '{status}, in use since {date}' },
  audience: { fr: 'Utilisé par ou pour : {v}', en: 'Used by or for: {v}' },
  aiActClass: { fr: 'Catégorie au titre du règlement européen sur l’IA : {v}', en: 'Category under the EU AI Act: {v}' },
  // Who.
  service: { fr: 'Service responsable : {v}', en: 'Responsible department: {v}' },
  role: { fr: 'Responsable du projet : {v}', en: 'Project lead: {v}' },
  contact: { fr: 'Contact : {v}', en: 'Contact: {v}' },
  // Control.
  level: { fr: 'Place du système dans la décision : {v}', en: 'Role of the system in the decision: {v}' },
  check: { fr: 'Vérification par un agent : {v}', en: 'Check by a member of staff: {v}' },
  // Data.
  personalYes: { fr: 'Le système traite des données personnelles.', en: 'The system processes personal data.' },
  sensitiveYes: { fr: 'Parmi elles, des données sensibles (article 9 du RGPD).', en: 'Among them, special categories of data (GDPR article 9).' },
  personalNo: { fr: 'Le système ne traite pas de données personnelles.', en: 'The system does not process personal data.' },
  legalBasis: { fr: 'Base légale du traitement : {v}', en: 'Legal basis of the processing: {v}' },
  retention: { fr: 'Durée de conservation : {v} jours', en: 'Retention period: {v} days' },
  reuseNo: { fr: 'Le fournisseur ne peut pas réutiliser ces données.', en: 'The vendor may not reuse this data.' },
  reuseYes: { fr: 'Le fournisseur peut réutiliser ces données.', en: 'The vendor may reuse this data.' },
  hosting: { fr: 'Hébergement : {v}', en: 'Hosting: {v}' },
  // Rights.
  gdprRights: {
    fr: 'Vous pouvez accéder aux données qui vous concernent, les faire rectifier ou demander la limitation de leur traitement (articles 15, 16 et 18 du RGPD){more}, en écrivant à : {contact}.',
    en: 'You can access the data about you, have it corrected or ask for its processing to be restricted (GDPR articles 15, 16 and 18){more}, by writing to: {contact}.',
  },
  gdprObject: { fr: ', et vous opposer à leur traitement (article 21)', en: ', and object to its processing (article 21)' },
  gdprWithdraw: { fr: ', et retirer votre consentement à tout moment (article 7)', en: ', and withdraw your consent at any time (article 7)' },
  cnil: {
    fr: 'Vous pouvez aussi adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL, www.cnil.fr).',
    en: 'You can also lodge a complaint with the French data protection authority (CNIL, www.cnil.fr).',
  },
  appeal: { fr: 'Pour contester un résultat ou une décision : {v}', en: 'To contest a result or a decision: {v}' },
  rulesPage: {
    fr: 'Les règles des principaux traitements algorithmiques utilisés par l’administration sont publiées à l’adresse : {v} (article L312-1-3 du code des relations entre le public et l’administration).',
    en: 'The rules of the main algorithmic processing the administration uses are published at: {v} (French code of relations between the public and the administration, article L312-1-3).',
  },
  // Mentions.
  mentionE07: { fr: 'Mention sur les documents et contenus produits avec l’IA', en: 'Mention on documents and content produced with AI' },
  mentionArt50: {
    fr: 'Information des personnes qui échangent avec le système (règlement européen sur l’IA, article 50)',
    en: 'Information for people who interact with the system (EU AI Act, article 50)',
  },
  art50Text: {
    fr: 'Vous échangez avec un système d’intelligence artificielle, pas avec un agent de {org}. {contactSentence}',
    en: 'You are interacting with an artificial intelligence system, not with a member of staff of {org}. {contactSentence}',
  },
  art50Contact: { fr: 'Pour joindre une personne : {v}.', en: 'To reach a person: {v}.' },
  mentionCrpa: {
    fr: 'Mention explicite sur chaque décision individuelle (article L311-3-1 du code des relations entre le public et l’administration)',
    en: 'Explicit mention on each individual decision (French code of relations between the public and the administration, article L311-3-1)',
  },
  crpaText: {
    fr: 'Cette décision a été prise sur le fondement d’un traitement algorithmique. Ce traitement a pour finalité : {purpose}. Vous pouvez obtenir la communication des règles qui le définissent et des principales caractéristiques de sa mise en œuvre (le degré et le mode de contribution du traitement à la décision, les données traitées et leurs sources, les paramètres appliqués à votre situation et leur pondération, les opérations effectuées) en écrivant à : {contact}.',
    en: 'This decision was taken on the basis of an algorithmic processing. The purpose of this processing is: {purpose}. You can obtain the rules that define it and the main features of how it is carried out (how far and how it contributed to the decision, the data processed and their sources, the parameters applied to your situation and their weighting, the operations carried out) by writing to: {contact}.',
  },
  // High risk.
  highRiskText: {
    fr: 'Ce système est classé à haut risque au sens du règlement (UE) 2024/1689{annex}. Les personnes concernées par les décisions qu’il aide à prendre doivent en être informées (article 26, paragraphe 11) : c’est l’objet de cette notice.',
    en: 'This system is classified as high-risk under Regulation (EU) 2024/1689{annex}. People affected by the decisions it helps to take must be informed of it (article 26(11)): this notice does so.',
  },
  annex: { fr: ' (annexe III, point {v})', en: ' (annex III, point {v})' },
  fria: { fr: 'Analyse d’impact sur les droits fondamentaux (article 27) : réalisée{date}', en: 'Fundamental rights impact assessment (article 27): carried out{date}' },
  friaDate: { fr: ' le {v}', en: ' on {v}' },
  euRegistration: { fr: 'Enregistrement dans la base de données de l’Union européenne (article 49) : {v}', en: 'Registration in the EU database (article 49): {v}' },
  // Derogations.
  derogationsIntro: {
    fr: 'Le projet s’écarte de ces engagements du cadre « {framework} », avec une dérogation validée et limitée dans le temps :',
    en: 'The project departs from these engagements of the framework "{framework}", with an approved, time-limited derogation:',
  },
  derogation: { fr: '{engagement} : {why} (jusqu’au {until})', en: '{engagement}: {why} (until {until})' },
  // About.
  review: { fr: 'Prochain réexamen du projet : {v}.', en: 'Next review of the project: {v}.' },
  source: {
    fr: 'Notice établie à partir de la déclaration du projet « {id} » (cadre {cadre}) ; elle ne dit que ce que dit la déclaration.',
    en: 'Notice produced from the declaration of project "{id}" (framework {cadre}); it says only what the declaration says.',
  },
  generatedOn: { fr: 'Établie le {date}.', en: 'Produced on {date}.' },
  gapsSummary: {
    fr: 'Avant publication, {n} élément(s) marqué(s) « à compléter » sont à renseigner dans la déclaration.',
    en: 'Before publication, {n} item(s) marked "to be completed" must be filled in the declaration.',
  },
  // Gap markers.
  gap: { fr: 'à compléter : {v}', en: 'to be completed: {v}' },
  gDescription: { fr: 'ce que fait le système (projet.description)', en: 'what the system does (projet.description)' },
  gPurpose: { fr: 'l’objectif poursuivi (interet_general.finalite)', en: 'the purpose (interet_general.finalite)' },
  gOrg: { fr: 'le nom de la collectivité (--config, ville)', en: 'the name of the public body (--config, ville)' },
  gName: { fr: 'le nom du projet (projet.nom)', en: 'the project name (projet.nom)' },
  gService: { fr: 'le service responsable (projet.direction)', en: 'the responsible department (projet.direction)' },
  gContact: { fr: 'une adresse de contact (projet.responsable.email)', en: 'a contact address (projet.responsable.email)' },
  gLevel: { fr: 'la place du système dans la décision (controle_humain.niveau)', en: 'the role of the system in the decision (controle_humain.niveau)' },
  gCheck: { fr: 'comment un agent vérifie chaque résultat (controle_humain.validation)', en: 'how a member of staff checks each result (controle_humain.validation)' },
  gPersonal: { fr: 'si le système traite des données personnelles (donnees.personnelles)', en: 'whether the system processes personal data (donnees.personnelles)' },
  gLegalBasis: { fr: 'la base légale du traitement (donnees.base_legale)', en: 'the legal basis of the processing (donnees.base_legale)' },
  gRetention: { fr: 'la durée de conservation (donnees.conservation_jours)', en: 'the retention period (donnees.conservation_jours)' },
  gAppeal: { fr: 'comment contester un résultat et obtenir le réexamen par un agent (droits.recours)', en: 'how to contest a result and have a member of staff review it (droits.recours)' },
  gDecisions: {
    fr: 'si le système contribue à des décisions individuelles (droits.decisions_individuelles)',
    en: 'whether the system contributes to individual decisions (droits.decisions_individuelles)',
  },
  gRulesUrl: { fr: 'l’adresse où les règles sont publiées (droits.publication_regles_url)', en: 'the address where the rules are published (droits.publication_regles_url)' },
  gMention: { fr: 'le texte de la mention IA (transparence.texte_mention)', en: 'the text of the AI mention (transparence.texte_mention)' },
  gFria: { fr: 'l’analyse d’impact sur les droits fondamentaux (droits.fria)', en: 'the fundamental rights impact assessment (droits.fria)' },
  gRegistration: { fr: 'la référence de l’enregistrement européen (droits.enregistrement_ue)', en: 'the EU registration reference (droits.enregistrement_ue)' },
  gJustification: { fr: 'la justification de la dérogation', en: 'the justification of the derogation' },
  gUntil: { fr: 'l’échéance de la dérogation', en: 'the end date of the derogation' },
} satisfies Record<string, Localized>;

export type NoticeKey = keyof typeof NOTICE_TEXT;

export function nt(key: NoticeKey, locale: Locale, data?: Record<string, unknown>): string {
  return t(NOTICE_TEXT[key], locale, data);
}
