import { defineRule, type RuleMeta } from './api';
import { reportMissing, requireFilled } from './util';

/** Classifications whose data must stay on a SecNumCloud-qualified hosting. */
export const PROTECTED_CLASSIFICATIONS: readonly string[] = ['sensible', 'diffusion_restreinte'];

const meta = {
  id: 'E10-donnees-sensibles-secnumcloud',
  engagement: 'E10',
  defaultSeverity: 'error',
  title: { fr: 'Données sensibles sur un hébergement qualifié SecNumCloud', en: 'Sensitive data on SecNumCloud-qualified hosting' },
  description: {
    fr: 'Les données confidentielles restent dans des outils approuvés : des données classées `sensible` ou `diffusion_restreinte` ne sont traitées que sur un hébergement qualifié SecNumCloud par l’ANSSI, comme la doctrine « cloud au centre » de l’État l’exige pour les données sensibles. La déclaration indique donc la classification des données traitées.',
    en: "Confidential data stay in approved tools: data classified `sensible` or `diffusion_restreinte` are processed only on a hosting qualified SecNumCloud by ANSSI, as the French state's 'cloud au centre' doctrine requires for sensitive data. The declaration therefore states the classification of the data processed.",
  },
  howToFix: {
    fr: 'Indiquez `donnees.classification` ; pour des données sensibles ou en diffusion restreinte, choisissez un hébergement qualifié et indiquez `souverainete.hebergement.qualification: secnumcloud`.',
    en: 'State `donnees.classification`; for sensitive or restricted data, choose a qualified hosting and set `souverainete.hebergement.qualification: secnumcloud`.',
  },
  messages: {
    notQualified: {
      fr: 'Données « {classification} » hébergées sans qualification SecNumCloud (qualification : « {qualification} »).',
      en: "'{classification}' data hosted without SecNumCloud qualification (qualification: '{qualification}').",
    },
    qualificationMissing: {
      fr: 'Données « {classification} » : indiquez la qualification de l’hébergement, SecNumCloud exigée (`souverainete.hebergement.qualification`).',
      en: "'{classification}' data: state the hosting qualification, SecNumCloud required (`souverainete.hebergement.qualification`).",
    },
    classification: { fr: 'Classification des données : « {classification} ».', en: "Data classification: '{classification}'." },
    hosting: { fr: 'Qualification de l’hébergement déclarée ici.', en: 'Hosting qualification declared here.' },
    missing: {
      fr: 'Indiquez la classification des données traitées (`donnees.classification` : publique, interne, diffusion_restreinte ou sensible).',
      en: 'State the classification of the data processed (`donnees.classification`: publique, interne, diffusion_restreinte or sensible).',
    },
  },
  fields: ['donnees.classification', 'souverainete.hebergement.qualification'],
  references: [
    'Circulaire n° 6282/SG du 5 juillet 2021 (doctrine « cloud au centre »)',
    'ANSSI, référentiel SecNumCloud 3.2',
    'Loi n° 2024-449 du 21 mai 2024 (SREN) art. 31',
    'DINUM, Guide d’usage de l’IA pour les agents publics, principe 2',
    'ANSSI, instruction interministérielle II 901 (systèmes d’information sensibles, diffusion restreinte)',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!requireFilled(ctx, ['donnees', 'classification'], { missing: 'missing', is: 'string' })) return;
    const classification = ctx.get(['donnees', 'classification']) as string;
    if (!PROTECTED_CLASSIFICATIONS.includes(classification)) return;
    const qualification = ctx.get(['souverainete', 'hebergement', 'qualification']);
    if (qualification === 'secnumcloud') return;
    const related = [{ path: ['donnees', 'classification'], messageId: 'classification' as const, data: { classification } }];
    if (typeof qualification === 'string') {
      ctx.report({ messageId: 'notQualified', data: { classification, qualification }, path: ['souverainete', 'hebergement', 'qualification'], related });
    } else reportMissing(ctx, ['souverainete', 'hebergement', 'qualification'], { missing: 'qualificationMissing', data: { classification }, related });
  },
});
