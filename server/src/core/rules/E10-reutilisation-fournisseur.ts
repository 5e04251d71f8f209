import { defineRule, type RuleMeta } from './api';
import { requireFalse } from './util';

const meta = {
  id: 'E10-reutilisation-fournisseur',
  engagement: 'E10',
  defaultSeverity: 'error',
  title: { fr: 'Pas de réutilisation des données par le fournisseur', en: 'No reuse of data by the vendor' },
  description: {
    fr: 'Les données de la Ville et des usagers (requêtes, documents, réponses) ne servent pas au fournisseur, par exemple pour entraîner ses modèles. Le contrat l’exclut et la déclaration le dit (`reutilisation_par_fournisseur: false`).',
    en: 'The data of the city and its citizens (prompts, documents, answers) are not used by the vendor, for instance to train its models. The contract rules it out and the declaration says so (`reutilisation_par_fournisseur: false`).',
  },
  howToFix: {
    fr: 'Obtenez une clause contractuelle qui exclut toute réutilisation (ou désactivez-la dans l’offre), puis indiquez `donnees.reutilisation_par_fournisseur: false`.',
    en: 'Obtain a contract clause excluding any reuse (or turn it off in the offer), then set `donnees.reutilisation_par_fournisseur: false`.',
  },
  messages: {
    reuse: {
      fr: 'Le fournisseur peut réutiliser les données de la Ville (entraînement…) : c’est exclu par le cadre ({engagement}).',
      en: "The vendor may reuse the city's data (training…): the framework rules it out ({engagement}).",
    },
    missing: {
      fr: 'Indiquez si le fournisseur peut réutiliser les données (`donnees.reutilisation_par_fournisseur`).',
      en: 'State whether the vendor may reuse the data (`donnees.reutilisation_par_fournisseur`).',
    },
    fixFalse: { fr: 'Mettre `reutilisation_par_fournisseur: false` (à confirmer)', en: 'Set `reutilisation_par_fournisseur: false` (to be confirmed)' },
  },
  fields: ['donnees.reutilisation_par_fournisseur'],
  references: ['DINUM, Guide d’usage de l’IA pour les agents publics, principe 2', 'ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024)', 'RGPD art. 28(3)(a)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is E05-base-legale's and E10-donnees-sensibles-secnumcloud's finding.
    if (!ctx.has(['donnees'])) return;
    requireFalse(ctx, ['donnees', 'reutilisation_par_fournisseur'], {
      missing: 'missing',
      breach: 'reuse',
      breachFixes: [
        {
          kind: 'set-value',
          args: { path: ['donnees', 'reutilisation_par_fournisseur'], value: false, comment: 'A CONFIRMER : clause de non-réutilisation au contrat' },
          title: meta.messages.fixFalse,
        },
      ],
    });
  },
});
