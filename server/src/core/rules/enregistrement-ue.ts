import { defineRule, type RuleMeta } from './api';
import { highRiskDeployer, requireFilled } from './util';

const meta = {
  id: 'enregistrement-ue',
  defaultSeverity: 'error',
  title: { fr: 'Enregistrement dans la base de données de l’UE', en: 'Registration in the EU database' },
  description: {
    fr: 'Avant de mettre en service ou d’utiliser un système d’IA à haut risque de l’annexe III (hors infrastructures critiques, point 2), un déployeur qui est une autorité publique s’enregistre, sélectionne le système et enregistre son utilisation dans la base de données de l’UE (règlement sur l’IA, art. 49(3) et art. 71).',
    en: 'Before putting into service or using a high-risk AI system of annex III (except critical infrastructure, point 2), a deployer that is a public authority registers, selects the system and registers its use in the EU database (AI Act art. 49(3) and art. 71).',
  },
  howToFix: {
    fr: 'Enregistrez l’utilisation du système dans la base de données de l’UE et indiquez la référence (`droits.enregistrement_ue`).',
    en: 'Register the use of the system in the EU database and give the reference (`droits.enregistrement_ue`).',
  },
  messages: {
    missingInService: {
      fr: 'Système à haut risque en service sans enregistrement dans la base de données de l’UE (règlement sur l’IA, art. 49(3)).',
      en: 'High-risk system in service without registration in the EU database (AI Act art. 49(3)).',
    },
    missing: {
      fr: 'Système à haut risque : enregistrement dans la base de données de l’UE à faire avant la mise en service (`droits.enregistrement_ue`, art. 49(3)).',
      en: 'High-risk system: registration in the EU database to do before putting it into service (`droits.enregistrement_ue`, art. 49(3)).',
    },
    highRisk: { fr: 'Classé à haut risque ici.', en: 'Classified as high-risk here.' },
  },
  fields: ['droits.ai_act.categorie', 'droits.ai_act.annexe_iii', 'droits.ai_act.role', 'droits.enregistrement_ue', 'projet.statut'],
  references: ['AI Act art. 49(3)', 'AI Act art. 71', 'AI Act annexe VIII, section C', 'AI Act art. 113'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!highRiskDeployer(ctx)) {
      ctx.notApplicable();
      return;
    }
    const related = [{ path: ['droits', 'ai_act', 'categorie'], messageId: 'highRisk' as const }];
    requireFilled(ctx, ['droits', 'enregistrement_ue'], { missing: 'missing', missingInService: 'missingInService', related });
  },
});
