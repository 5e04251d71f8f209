import { defineRule, type RuleMeta } from './api';
import { applicableIf, requireFilled } from './util';

const meta = {
  id: 'E05-base-legale',
  engagement: 'E05',
  defaultSeverity: 'error',
  title: { fr: 'Base légale des données personnelles', en: 'Legal basis for personal data' },
  description: {
    fr: 'Un traitement de données personnelles repose sur une base légale (RGPD art. 6). Pour une collectivité, c’est le plus souvent la mission d’intérêt public ou une obligation légale ; l’intérêt légitime ne peut pas fonder les traitements qu’une autorité publique mène dans l’exécution de ses missions (art. 6(1), dernier alinéa). Sans données personnelles, l’engagement E05 ne s’applique pas.',
    en: 'Processing personal data rests on a legal basis (GDPR art. 6). For a city it is most often a task in the public interest or a legal obligation; legitimate interests cannot ground processing carried out by public authorities in the performance of their tasks (art. 6(1), last subparagraph). Without personal data, engagement E05 does not apply.',
  },
  howToFix: {
    fr: 'Indiquez `donnees.personnelles` ; si c’est `true`, renseignez `donnees.base_legale` avec le délégué à la protection des données (DPO).',
    en: 'State `donnees.personnelles`; when it is `true`, fill in `donnees.base_legale` with the data protection officer (DPO).',
  },
  messages: {
    personnelles: {
      fr: 'Indiquez si l’IA traite des données personnelles (`donnees.personnelles`).',
      en: 'State whether the AI processes personal data (`donnees.personnelles`).',
    },
    missing: {
      fr: 'Données personnelles sans base légale : indiquez-la (`donnees.base_legale`, RGPD art. 6).',
      en: 'Personal data without a legal basis: state it (`donnees.base_legale`, GDPR art. 6).',
    },
    legitimate: {
      fr: 'L’intérêt légitime ne peut pas fonder un traitement mené par une autorité publique dans l’exécution de ses missions (RGPD art. 6(1), dernier alinéa) : retenez la mission d’intérêt public ou une obligation légale.',
      en: 'Legitimate interests cannot ground processing carried out by a public authority in the performance of its tasks (GDPR art. 6(1), last subparagraph): use a task in the public interest or a legal obligation.',
    },
    fixMission: { fr: 'Retenir la mission d’intérêt public (à confirmer avec le DPO)', en: 'Use a task in the public interest (to be confirmed with the DPO)' },
  },
  fields: ['donnees.personnelles', 'donnees.base_legale'],
  references: ['RGPD art. 6', 'RGPD art. 6(1)(e)', 'CNIL, recommandations IA (juillet 2025)'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A missing section is the engine's finding (cadre-section-manquante).
    if (!ctx.has(['donnees'])) return;
    if (!applicableIf(ctx, ['donnees', 'personnelles'], 'personnelles')) return;
    // Stated: any value but null or an empty string (what the value is, the schema checks).
    if (!requireFilled(ctx, ['donnees', 'base_legale'], { missing: 'missing', is: (v) => v !== undefined && v !== null && v !== '' })) return;
    if (ctx.get(['donnees', 'base_legale']) === 'interets_legitimes') {
      ctx.report({
        messageId: 'legitimate',
        path: ['donnees', 'base_legale'],
        fixes: [{ kind: 'set-value', args: { path: ['donnees', 'base_legale'], value: 'mission_interet_public', comment: 'A CONFIRMER avec le DPO' }, title: meta.messages.fixMission }],
      });
    }
  },
});
