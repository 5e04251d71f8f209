import { defineRule, type RuleMeta } from './api';
import { inProduction, reportMissing } from './util';

const meta = {
  id: 'E09-homologation',
  engagement: 'E09',
  defaultSeverity: 'error',
  title: { fr: 'Homologation de sécurité avant la production', en: 'Security approval before production' },
  description: {
    fr: 'Un système d’information mis en service par une autorité administrative est homologué : l’autorité accepte formellement les risques résiduels (référentiel général de sécurité, art. 5 ; ANSSI). Un projet en production l’est donc (`prononcee`), sauf si l’homologation n’est pas requise. Avant la production, l’engagement ne porte pas encore sur elle.',
    en: 'An information system put into service by an administrative authority is approved (homologation): the authority formally accepts the residual risks (RGS art. 5; ANSSI). A project in production is therefore approved (`prononcee`), unless approval is not required. Before production, the engagement does not cover it yet.',
  },
  howToFix: {
    fr: 'Faites prononcer l’homologation par l’autorité d’homologation, puis indiquez `securite.homologation.statut: prononcee` et la `date`.',
    en: 'Have the approval authority pronounce the homologation, then set `securite.homologation.statut: prononcee` and the `date`.',
  },
  messages: {
    notApproved: {
      fr: 'Projet en production sans homologation de sécurité prononcée (statut « {statut} »).',
      en: "Project in production without a pronounced security approval (status '{statut}').",
    },
    missing: {
      fr: 'Projet en production : indiquez le statut de l’homologation de sécurité (`securite.homologation.statut`).',
      en: 'Project in production: state the status of the security approval (`securite.homologation.statut`).',
    },
  },
  fields: ['securite.homologation.statut', 'securite.homologation.date', 'projet.statut'],
  references: [
    'Référentiel général de sécurité (RGS) art. 5 (décret 2010-112)',
    'ANSSI, guide « L’homologation de sécurité en neuf étapes simples »',
    'ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024)',
  ],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!inProduction(ctx)) {
      ctx.notApplicable();
      return;
    }
    // A missing section is E09-analyse-risques' finding.
    if (!ctx.has(['securite'])) return;
    const statut = ctx.get(['securite', 'homologation', 'statut']);
    if (statut === 'prononcee' || statut === 'non_requise') return;
    if (typeof statut === 'string') ctx.report({ messageId: 'notApproved', data: { statut }, path: ['securite', 'homologation', 'statut'] });
    else reportMissing(ctx, ['securite', 'homologation', 'statut'], { missing: 'missing' });
  },
});
