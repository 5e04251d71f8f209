import { defineRule, type RuleMeta } from './api';
import { EU_EEA_COUNTRIES, requireFilled } from './util';

const meta = {
  id: 'E12-hebergement-ue',
  engagement: 'E12',
  defaultSeverity: 'warning',
  title: { fr: 'Hébergement dans l’Union européenne', en: 'Hosting in the European Union' },
  description: {
    fr: 'Le cadre pèse l’indépendance vis-à-vis des technologies extra-européennes : le système est hébergé dans un État de l’Union européenne ou de l’Espace économique européen (Islande, Liechtenstein, Norvège). Un hébergement ailleurs n’est pas interdit en soi, mais il rend l’engagement non conforme et doit être justifié (dérogation).',
    en: 'The framework weighs independence from non-European technology: the system is hosted in a member state of the European Union or of the European Economic Area (Iceland, Liechtenstein, Norway). Hosting elsewhere is not forbidden as such, but it makes the engagement non-compliant and must be justified (derogation).',
  },
  howToFix: {
    fr: 'Choisissez un hébergement dans l’UE ou l’EEE et indiquez son pays (`souverainete.hebergement.pays`, code ISO à deux lettres, par exemple `FR`), ou déclarez une dérogation motivée.',
    en: 'Choose hosting in the EU or the EEA and give its country (`souverainete.hebergement.pays`, two-letter ISO code, e.g. `FR`), or declare a justified derogation.',
  },
  messages: {
    outside: {
      fr: 'Hébergement hors de l’Union européenne et de l’EEE (pays : {pays}) : indépendance technologique non assurée ({engagement}).',
      en: 'Hosting outside the European Union and the EEA (country: {pays}): technological independence not ensured ({engagement}).',
    },
    missing: {
      fr: 'Indiquez le pays d’hébergement (`souverainete.hebergement.pays`, code ISO, par exemple FR).',
      en: 'State the hosting country (`souverainete.hebergement.pays`, ISO code, e.g. FR).',
    },
  },
  fields: ['souverainete.hebergement.pays'],
  references: ['RGPD chapitre V (transferts hors UE)', 'Loi n° 2024-449 du 21 mai 2024 (SREN) art. 31'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['souverainete'])) return;
    if (!requireFilled(ctx, ['souverainete', 'hebergement', 'pays'], { missing: 'missing', is: 'text' })) return;
    const pays = ctx.get(['souverainete', 'hebergement', 'pays']) as string;
    if (!EU_EEA_COUNTRIES.has(pays.toUpperCase())) ctx.report({ messageId: 'outside', data: { pays }, path: ['souverainete', 'hebergement', 'pays'] });
  },
});
