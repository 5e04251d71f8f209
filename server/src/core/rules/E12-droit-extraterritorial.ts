import { defineRule, type RuleMeta } from './api';
import { requireFalse } from './util';

const meta = {
  id: 'E12-droit-extraterritorial',
  engagement: 'E12',
  defaultSeverity: 'warning',
  title: { fr: 'Exposition à un droit extraterritorial', en: 'Exposure to extraterritorial law' },
  description: {
    fr: 'Même hébergé en Europe, un service dont le fournisseur relève d’un droit étranger à portée extraterritoriale (par exemple le CLOUD Act ou la section 702 du FISA américains) peut devoir livrer des données à une autorité étrangère. La qualification SecNumCloud 3.2 exige une immunité à ces droits. L’exposition rend l’engagement non conforme et doit être justifiée (dérogation).',
    en: 'Even hosted in Europe, a service whose vendor is subject to a foreign law with extraterritorial reach (e.g. the US CLOUD Act or FISA section 702) may have to hand data over to a foreign authority. SecNumCloud 3.2 requires immunity from such laws. The exposure makes the engagement non-compliant and must be justified (derogation).',
  },
  howToFix: {
    fr: 'Préférez un fournisseur immunisé contre les droits extraterritoriaux (qualifié SecNumCloud) et indiquez `souverainete.soumis_droit_extraterritorial: false`, ou déclarez une dérogation motivée.',
    en: 'Prefer a vendor immune to extraterritorial laws (SecNumCloud-qualified) and set `souverainete.soumis_droit_extraterritorial: false`, or declare a justified derogation.',
  },
  messages: {
    exposed: {
      fr: 'Fournisseur soumis à un droit extraterritorial (CLOUD Act, FISA…) : les données peuvent être exigées par une autorité étrangère ({engagement}).',
      en: 'Vendor subject to extraterritorial law (CLOUD Act, FISA…): data may be demanded by a foreign authority ({engagement}).',
    },
    missing: {
      fr: 'Indiquez si le fournisseur est soumis à un droit extraterritorial (`souverainete.soumis_droit_extraterritorial`).',
      en: 'State whether the vendor is subject to extraterritorial law (`souverainete.soumis_droit_extraterritorial`).',
    },
  },
  fields: ['souverainete.soumis_droit_extraterritorial'],
  references: [
    'ANSSI, référentiel SecNumCloud 3.2, § 19.6 (protection vis-à-vis du droit extra-européen)',
    'US CLOUD Act (2018)',
    'US FISA section 702',
    'Loi n° 2024-449 du 21 mai 2024 (SREN) art. 31',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is E12-hebergement-ue's finding.
    if (!ctx.has(['souverainete'])) return;
    requireFalse(ctx, ['souverainete', 'soumis_droit_extraterritorial'], { missing: 'missing', breach: 'exposed' });
  },
});
