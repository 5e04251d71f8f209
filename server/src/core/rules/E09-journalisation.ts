import { defineRule, type RuleMeta } from './api';
import { reportMissing, requireTrue } from './util';

/** Shortest log retention by default, in days (six months); a catalogue sets its own (`min_jours`). */
export const MIN_LOG_DAYS = 180;

const meta = {
  id: 'E09-journalisation',
  engagement: 'E09',
  defaultSeverity: 'error',
  title: { fr: 'Journalisation conservée au moins {min_jours} jours', en: 'Logs kept for at least {min_jours} days' },
  description: {
    fr: 'Les usages du système sont journalisés et les journaux conservés au moins {min_jours} jours, durée que fixe le cadre (option `min_jours`, six mois par défaut). Le règlement sur l’IA demande au moins six mois aux déployeurs de systèmes à haut risque (art. 26(6)) ; l’ANSSI recommande de journaliser tout système d’IA générative.',
    en: "The system's use is logged and the logs kept for at least {min_jours} days, the period the framework sets (option `min_jours`, six months by default). The AI Act requires at least six months from deployers of high-risk systems (art. 26(6)); ANSSI recommends logging every generative AI system.",
  },
  howToFix: {
    fr: 'Activez la journalisation (`securite.journalisation.active: true`) et conservez les journaux au moins {min_jours} jours (`conservation_jours`).',
    en: 'Turn logging on (`securite.journalisation.active: true`) and keep the logs at least {min_jours} days (`conservation_jours`).',
  },
  messages: {
    inactive: {
      fr: 'Journalisation désactivée : le cadre demande que les usages du système soient tracés.',
      en: "Logging turned off: the framework requires the system's use to be traced.",
    },
    tooShort: {
      fr: 'Journaux conservés {jours} jours : le cadre en demande {min_jours} au moins.',
      en: 'Logs kept {jours} days: the framework requires at least {min_jours}.',
    },
    activeMissing: {
      fr: 'Indiquez si les usages sont journalisés (`securite.journalisation.active`).',
      en: 'State whether use is logged (`securite.journalisation.active`).',
    },
    daysMissing: {
      fr: 'Indiquez la durée de conservation des journaux (`securite.journalisation.conservation_jours`, {min_jours} jours au moins).',
      en: 'State how long logs are kept (`securite.journalisation.conservation_jours`, {min_jours} days at least).',
    },
    fixTrue: { fr: 'Activer la journalisation (à confirmer)', en: 'Turn logging on (to be confirmed)' },
    fixDays: { fr: 'Porter la conservation à {min_jours} jours', en: 'Keep logs {min_jours} days' },
  },
  fields: ['securite.journalisation.active', 'securite.journalisation.conservation_jours'],
  references: ['AI Act art. 26(6)', 'AI Act art. 12', 'ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024), journalisation'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min_jours: {
          type: 'integer',
          minimum: 1,
          maximum: 3650,
          description: 'Durée minimale de conservation des journaux, en jours.',
          'x-description-en': 'Shortest log retention, in days.',
        },
      },
    },
    defaults: { min_jours: MIN_LOG_DAYS },
  },
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['securite'])) return;
    const min = Number(ctx.options.min_jours ?? MIN_LOG_DAYS);
    const active = requireTrue(ctx, ['securite', 'journalisation', 'active'], {
      missing: 'activeMissing',
      breach: 'inactive',
      breachFixes: [
        { kind: 'set-value', args: { path: ['securite', 'journalisation', 'active'], value: true, comment: `A CONFIRMER : journaux conservés ${min} jours` }, title: meta.messages.fixTrue },
      ],
    });
    if (active === false) return;
    const days = ctx.get(['securite', 'journalisation', 'conservation_jours']);
    if (typeof days === 'number') {
      if (days < min) {
        ctx.report({
          messageId: 'tooShort',
          data: { jours: days },
          path: ['securite', 'journalisation', 'conservation_jours'],
          fixes: [{ kind: 'replace-value', args: { path: ['securite', 'journalisation', 'conservation_jours'], to: min }, title: meta.messages.fixDays, preferred: true }],
        });
      }
    } else if (active === true) reportMissing(ctx, ['securite', 'journalisation', 'conservation_jours'], { missing: 'daysMissing' });
  },
});
