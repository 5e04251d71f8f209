import { defineRule, type RuleMeta } from './api';
import { inProduction, reportMissing, requireFilled } from './util';

const meta = {
  id: 'E14-empreinte',
  engagement: 'E14',
  defaultSeverity: 'warning',
  title: { fr: 'Empreinte environnementale mesurée', en: 'Environmental footprint measured' },
  description: {
    fr: 'Un projet en production mesure son empreinte : une méthode (CodeCarbon, EcoLogits, données du fournisseur ou estimation) sur un périmètre donné, et une estimation annuelle en kWh et en kg CO2e, reprise au bilan annuel. Avant la production, l’engagement ne s’applique pas encore ; ce que la déclaration en documente déjà (une mesure ou une estimation) est toutefois jugé.',
    en: 'A project in production measures its footprint: a method (CodeCarbon, EcoLogits, vendor data or an estimate) on a given scope, and a yearly estimate in kWh and kg CO2e, reported in the annual report. Before production, the engagement does not apply yet; what the declaration already documents of it (a measurement or an estimate) is judged all the same.',
  },
  howToFix: {
    fr: 'Renseignez `environnement.mesure.methode` (et `perimetre`), puis `environnement.estimation_annuelle.energie_kwh` et `co2e_kg`.',
    en: 'Fill in `environnement.mesure.methode` (and `perimetre`), then `environnement.estimation_annuelle.energie_kwh` and `co2e_kg`.',
  },
  messages: {
    method: {
      fr: 'Projet en production : indiquez la méthode de mesure de l’empreinte (`environnement.mesure.methode`).',
      en: 'Project in production: state the footprint measurement method (`environnement.mesure.methode`).',
    },
    estimate: {
      fr: 'Projet en production : donnez l’estimation annuelle « {field} ».',
      en: "Project in production: give the yearly estimate '{field}'.",
    },
    methodDocumented: {
      fr: 'Mesure de l’empreinte documentée sans sa méthode : indiquez-la (`environnement.mesure.methode`).',
      en: 'Footprint measurement documented without its method: state it (`environnement.mesure.methode`).',
    },
    estimateDocumented: {
      fr: 'Estimation annuelle documentée sans « {field} » : donnez-la.',
      en: "Yearly estimate documented without '{field}': give it.",
    },
  },
  fields: ['environnement.mesure.methode', 'environnement.mesure.perimetre', 'environnement.estimation_annuelle.energie_kwh', 'environnement.estimation_annuelle.co2e_kg', 'projet.statut'],
  references: ['AFNOR Spec 2314 « IA frugale » (2024)', 'EcoLogits (GenAI Impact)', 'CodeCarbon', 'ADEME, Base Empreinte (facteurs d’émission)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // Before going into service the footprint is not yet due; what the file documents of it is
    // still judged (a documented measurement is never "not applicable").
    const inService = inProduction(ctx);
    const measured = ctx.has(['environnement', 'mesure']);
    const estimated = ctx.has(['environnement', 'estimation_annuelle']);
    if (!inService && !measured && !estimated) {
      ctx.notApplicable();
      return;
    }
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['environnement'])) return;
    if (inService || measured) requireFilled(ctx, ['environnement', 'mesure', 'methode'], { missing: inService ? 'method' : 'methodDocumented', is: 'string' });
    if (!estimated) {
      if (inService) reportMissing(ctx, ['environnement', 'estimation_annuelle'], { missing: 'estimate', data: { field: 'environnement.estimation_annuelle' } });
      return;
    }
    for (const field of ['energie_kwh', 'co2e_kg']) {
      const path = ['environnement', 'estimation_annuelle', field];
      requireFilled(ctx, path, { missing: inService ? 'estimate' : 'estimateDocumented', is: 'number', data: { field: path.join('.') } });
    }
  },
});
