import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'decision-exclusivement-automatisee',
  defaultSeverity: 'error',
  title: { fr: 'Décision fondée exclusivement sur un traitement automatisé (RGPD art. 22)', en: 'Decision based solely on automated processing (GDPR art. 22)' },
  description: {
    fr: 'Une personne a le droit de ne pas faire l’objet d’une décision fondée exclusivement sur un traitement automatisé qui produit des effets juridiques à son égard ou l’affecte de manière significative, sauf exceptions (RGPD art. 22(2)). Quand une exception s’applique, des garanties sont dues, au moins le droit d’obtenir une intervention humaine, d’exprimer son point de vue et de contester la décision (art. 22(3)) ; et la décision ne peut reposer sur des données sensibles que dans les cas de l’article 22(4). Pour une décision administrative individuelle, la loi Informatique et libertés (art. 47) exclut les données sensibles.',
    en: 'A person has the right not to be subject to a decision based solely on automated processing that produces legal effects concerning them or similarly significantly affects them, save for exceptions (GDPR art. 22(2)). Where an exception applies, safeguards are due, at least the right to obtain human intervention, to express one’s point of view and to contest the decision (art. 22(3)); and the decision may rest on sensitive data only in the cases of article 22(4). For an individual administrative decision, the French data protection act (art. 47) rules sensitive data out.',
  },
  howToFix: {
    fr: 'Décrivez comment une personne obtient qu’un agent réexamine la décision (`droits.recours`) ; sans exception applicable, faites valider chaque décision par un agent (`controle_humain.niveau: aide_a_la_decision`). Retirez les données sensibles du traitement.',
    en: 'Describe how a person gets a member of staff to review the decision (`droits.recours`); without an applicable exception, have an agent validate every decision (`controle_humain.niveau: aide_a_la_decision`). Remove sensitive data from the processing.',
  },
  messages: {
    sensitive: {
      fr: 'Décision entièrement automatisée fondée sur des données sensibles : exclu pour une décision administrative individuelle (RGPD art. 22(4), loi Informatique et libertés art. 47).',
      en: 'Fully automated decision based on sensitive data: ruled out for an individual administrative decision (GDPR art. 22(4), French data protection act art. 47).',
    },
    noRemedyInService: {
      fr: 'Décision entièrement automatisée en service sans moyen décrit d’obtenir une intervention humaine et de contester (RGPD art. 22(3), `droits.recours`).',
      en: 'Fully automated decision in service without a described way to obtain human intervention and contest it (GDPR art. 22(3), `droits.recours`).',
    },
    noRemedy: {
      fr: 'Décision entièrement automatisée : décrivez comment obtenir une intervention humaine et contester la décision (RGPD art. 22(3), `droits.recours`).',
      en: 'Fully automated decision: describe how to obtain human intervention and contest the decision (GDPR art. 22(3), `droits.recours`).',
    },
    levelMissing: {
      fr: 'Indiquez la place du système dans la décision (`controle_humain.niveau`).',
      en: 'State the system’s place in the decision (`controle_humain.niveau`).',
    },
    automated: { fr: 'Décision entièrement automatisée déclarée ici.', en: 'Fully automated decision declared here.' },
  },
  fields: ['controle_humain.niveau', 'donnees.personnelles', 'donnees.sensibles', 'droits.recours', 'projet.statut'],
  references: ['RGPD art. 22', 'Loi n° 78-17 du 6 janvier 1978, art. 47', 'RGPD art. 99 (application au 25 mai 2018)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!requireFilled(ctx, ['controle_humain', 'niveau'], { missing: 'levelMissing', is: 'present' })) return;
    // Only decisions about people: without personal data, no one is the subject of the decision.
    if (ctx.get(['controle_humain', 'niveau']) !== 'decision_automatisee' || ctx.get(['donnees', 'personnelles']) === false) {
      ctx.notApplicable();
      return;
    }
    const related = [{ path: ['controle_humain', 'niveau'], messageId: 'automated' as const }];
    if (ctx.get(['donnees', 'sensibles']) === true) ctx.report({ messageId: 'sensitive', path: ['donnees', 'sensibles'], related });
    requireFilled(ctx, ['droits', 'recours'], { missing: 'noRemedy', missingInService: 'noRemedyInService', related });
  },
});
