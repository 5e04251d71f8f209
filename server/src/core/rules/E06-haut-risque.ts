import { defineRule, type RuleMeta } from './api';
import { requireFilled } from './util';

const meta = {
  id: 'E06-haut-risque',
  engagement: 'E06',
  defaultSeverity: 'error',
  title: { fr: 'Système à haut risque : FRIA et enregistrement', en: 'High-risk system: FRIA and registration' },
  description: {
    fr: 'Un organisme public qui déploie un système d’IA à haut risque (AI Act annexe III, par exemple l’accès aux prestations sociales, 5(a)) mène une analyse d’impact sur les droits fondamentaux (FRIA, art. 27) et s’enregistre dans la base de données de l’UE (art. 49(3)) avant la mise en service. En production, leur absence est une non-conformité ; avant, ils restent à faire.',
    en: 'A public body deploying a high-risk AI system (AI Act annex III, e.g. access to public benefits, 5(a)) carries out a fundamental rights impact assessment (FRIA, art. 27) and registers in the EU database (art. 49(3)) before putting it into use. In production, their absence is a non-compliance; before, they are still to be done.',
  },
  howToFix: {
    fr: 'Indiquez le point de l’annexe III (`droits.ai_act.annexe_iii`), menez la FRIA (`droits.fria.realisee: true`, avec sa date et sa référence) et renseignez le numéro d’enregistrement UE (`droits.enregistrement_ue`).',
    en: 'State the annex III point (`droits.ai_act.annexe_iii`), carry out the FRIA (`droits.fria.realisee: true`, with its date and reference) and fill in the EU registration number (`droits.enregistrement_ue`).',
  },
  messages: {
    friaProduction: {
      fr: 'Système à haut risque en production sans analyse d’impact sur les droits fondamentaux (FRIA, AI Act art. 27).',
      en: 'High-risk system in production without a fundamental rights impact assessment (FRIA, AI Act art. 27).',
    },
    fria: {
      fr: 'Système à haut risque : analyse d’impact sur les droits fondamentaux (FRIA, AI Act art. 27) à réaliser avant la mise en service.',
      en: 'High-risk system: fundamental rights impact assessment (FRIA, AI Act art. 27) to be carried out before putting it into use.',
    },
    registrationProduction: {
      fr: 'Système à haut risque en production sans enregistrement dans la base de données de l’UE (AI Act art. 49(3)).',
      en: 'High-risk system in production without registration in the EU database (AI Act art. 49(3)).',
    },
    registration: {
      fr: 'Système à haut risque : enregistrement dans la base de données de l’UE (AI Act art. 49(3)) à faire avant la mise en service (`droits.enregistrement_ue`).',
      en: 'High-risk system: registration in the EU database (AI Act art. 49(3)) to be done before putting it into use (`droits.enregistrement_ue`).',
    },
    annex: {
      fr: 'Système à haut risque : indiquez le point de l’annexe III concerné (`droits.ai_act.annexe_iii`, par exemple « 5(a) »).',
      en: "High-risk system: state the annex III point concerned (`droits.ai_act.annexe_iii`, e.g. '5(a)').",
    },
    highRisk: { fr: 'Classé à haut risque ici.', en: 'Classified as high-risk here.' },
  },
  fields: ['droits.ai_act.categorie', 'droits.ai_act.annexe_iii', 'droits.fria.realisee', 'droits.enregistrement_ue', 'projet.statut'],
  references: ['AI Act art. 6 et annexe III (5(a) : prestations et services publics essentiels)', 'AI Act art. 27 (FRIA)', 'AI Act art. 49(3)', 'AI Act art. 26'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (ctx.get(['droits', 'ai_act', 'categorie']) !== 'haut_risque') {
      ctx.notApplicable();
      return;
    }
    const related = [{ path: ['droits', 'ai_act', 'categorie'], messageId: 'highRisk' as const }];
    requireFilled(ctx, ['droits', 'ai_act', 'annexe_iii'], { missing: 'annex' });
    requireFilled(ctx, ['droits', 'fria', 'realisee'], { missing: 'fria', missingInService: 'friaProduction', is: 'true', related });
    requireFilled(ctx, ['droits', 'enregistrement_ue'], { missing: 'registration', missingInService: 'registrationProduction', related });
  },
});
