import type { Rule } from './api';
import E01AlternativeSansIa from './E01-alternative-sans-ia';
import E01Alternatives from './E01-alternatives';
import E01Finalite from './E01-finalite';
import E01Indicateurs from './E01-indicateurs';
import E02InteractionDirecte from './E02-interaction-directe';
import E03BilanAnnuel from './E03-bilan-annuel';
import E03ChiffresUsage from './E03-chiffres-usage';
import E04DecisionAutomatisee from './E04-decision-automatisee';
import E04ValidationHumaine from './E04-validation-humaine';
import E05Aipd from './E05-aipd';
import E05BaseLegale from './E05-base-legale';
import E05Conservation from './E05-conservation';
import E05DpoConsulte from './E05-dpo-consulte';
import E06Biais from './E06-biais';
import E06DecisionsIndividuelles from './E06-decisions-individuelles';
import E06HautRisque from './E06-haut-risque';
import E06PratiqueInterdite from './E06-pratique-interdite';
import E07MentionIa from './E07-mention-ia';
import E08DialogueSocial from './E08-dialogue-social';
import E08Formation from './E08-formation';
import E09AnalyseRisques from './E09-analyse-risques';
import E09Homologation from './E09-homologation';
import E09Journalisation from './E09-journalisation';
import E09RisquesIa from './E09-risques-ia';
import E10DonneesSensiblesSecnumcloud from './E10-donnees-sensibles-secnumcloud';
import E10ReutilisationFournisseur from './E10-reutilisation-fournisseur';
import E11Reversibilite from './E11-reversibilite';
import E12DroitExtraterritorial from './E12-droit-extraterritorial';
import E12HebergementUe from './E12-hebergement-ue';
import E12ModelesOuverts from './E12-modeles-ouverts';
import E13Sobriete from './E13-sobriete';
import E14Empreinte from './E14-empreinte';
import CadreDateRevue from './cadre-date-revue';
import CadreDerogationExpiree from './cadre-derogation-expiree';
import CadreDerogationIncomplete from './cadre-derogation-incomplete';
import CadreDerogationInterdite from './cadre-derogation-interdite';
import CadreEngagementInconnu from './cadre-engagement-inconnu';
import CadreNonApplicableJustification from './cadre-non-applicable-justification';
import DecisionExclusivementAutomatisee from './decision-exclusivement-automatisee';
import EnregistrementUe from './enregistrement-ue';
import Fria from './fria';
import InformationInteraction from './information-interaction';
import InformationPersonnes from './information-personnes';
import MentionExplicite from './mention-explicite';
import PublicationRegles from './publication-regles';
import SousTraitance from './sous-traitance';

/**
 * Every rule the code knows: the rules first written for the engagements E01…E14 of the first bundled framework, those
 * first written for the legal baseline (named after what they check), then framework-wide ones
 * (`cadre-*`). A catalogue selects, re-grades, configures or disables them by id or name.
 */
export const ALL_RULES: readonly Rule[] = [
  E01AlternativeSansIa,
  E01Alternatives,
  E01Finalite,
  E01Indicateurs,
  E02InteractionDirecte,
  E03BilanAnnuel,
  E03ChiffresUsage,
  E04DecisionAutomatisee,
  E04ValidationHumaine,
  E05Aipd,
  E05BaseLegale,
  E05Conservation,
  E05DpoConsulte,
  E06Biais,
  E06DecisionsIndividuelles,
  E06HautRisque,
  E06PratiqueInterdite,
  E07MentionIa,
  E08DialogueSocial,
  E08Formation,
  E09AnalyseRisques,
  E09Homologation,
  E09Journalisation,
  E09RisquesIa,
  E10DonneesSensiblesSecnumcloud,
  E10ReutilisationFournisseur,
  E11Reversibilite,
  E12DroitExtraterritorial,
  E12HebergementUe,
  E12ModelesOuverts,
  E13Sobriete,
  E14Empreinte,
  DecisionExclusivementAutomatisee,
  EnregistrementUe,
  Fria,
  InformationInteraction,
  InformationPersonnes,
  MentionExplicite,
  PublicationRegles,
  SousTraitance,
  CadreDateRevue,
  CadreDerogationExpiree,
  CadreDerogationIncomplete,
  CadreDerogationInterdite,
  CadreEngagementInconnu,
  CadreNonApplicableJustification,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
