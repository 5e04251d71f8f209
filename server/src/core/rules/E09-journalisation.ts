import { defineRule, type RuleMeta } from './api';
import { addMissing } from './util';

/** Shortest log retention the framework accepts, in days (six months). */
export const MIN_LOG_DAYS = 180;

const meta = {
  id: 'E09-journalisation',
  engagement: 'E09',
  defaultSeverity: 'error',
  title: { fr: 'Journalisation conservée au moins 6 mois', en: 'Logs kept for at least 6 months' },
  description: {
    fr: `Les usages du système sont journalisés et les journaux conservés au moins six mois (${MIN_LOG_DAYS} jours), comme l’AI Act le demande aux déployeurs de systèmes à haut risque (art. 26(6)) et comme l’ANSSI le recommande pour tout système d’IA générative.`,
    en: `The system's use is logged and the logs kept for at least six months (${MIN_LOG_DAYS} days), as the AI Act requires from deployers of high-risk systems (art. 26(6)) and as ANSSI recommends for every generative AI system.`,
  },
  howToFix: {
    fr: `Activez la journalisation (\`securite.journalisation.active: true\`) et conservez les journaux au moins ${MIN_LOG_DAYS} jours (\`conservation_jours\`).`,
    en: `Turn logging on (\`securite.journalisation.active: true\`) and keep the logs at least ${MIN_LOG_DAYS} days (\`conservation_jours\`).`,
  },
  messages: {
    inactive: {
      fr: 'Journalisation désactivée : les usages du système doivent être tracés (AI Act art. 26(6), ANSSI).',
      en: "Logging turned off: the system's use must be traced (AI Act art. 26(6), ANSSI).",
    },
    tooShort: {
      fr: 'Journaux conservés {jours} jours : {min} jours (6 mois) au moins (AI Act art. 26(6)).',
      en: 'Logs kept {jours} days: at least {min} days (6 months) (AI Act art. 26(6)).',
    },
    activeMissing: {
      fr: 'Indiquez si les usages sont journalisés (`securite.journalisation.active`).',
      en: 'State whether use is logged (`securite.journalisation.active`).',
    },
    daysMissing: {
      fr: 'Indiquez la durée de conservation des journaux (`securite.journalisation.conservation_jours`, {min} jours au moins).',
      en: 'State how long logs are kept (`securite.journalisation.conservation_jours`, {min} days at least).',
    },
    fixTrue: { fr: 'Activer la journalisation (à confirmer)', en: 'Turn logging on (to be confirmed)' },
    fixDays: { fr: `Porter la conservation à ${MIN_LOG_DAYS} jours`, en: `Keep logs ${MIN_LOG_DAYS} days` },
  },
  fields: ['securite.journalisation.active', 'securite.journalisation.conservation_jours'],
  references: ['AI Act art. 26(6)', 'AI Act art. 12', 'ANSSI, Recommandations de sécurité pour un système d’IA générative (29 avril 2024), journalisation'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    if (!ctx.has(['securite'])) return;
    const active = ctx.get(['securite', 'journalisation', 'active']);
    if (active === false) {
      ctx.report({
        messageId: 'inactive',
        path: ['securite', 'journalisation', 'active'],
        fixes: [{ kind: 'set-value', args: { path: ['securite', 'journalisation', 'active'], value: true, comment: 'A CONFIRMER : journaux conservés 180 jours' }, title: meta.messages.fixTrue }],
      });
      return;
    }
    if (active !== true) {
      ctx.report({ messageId: 'activeMissing', path: ['securite', 'journalisation', 'active'], outcome: 'a_completer', fixes: addMissing(ctx, ['securite', 'journalisation', 'active']) });
    }
    const days = ctx.get(['securite', 'journalisation', 'conservation_jours']);
    if (typeof days === 'number') {
      if (days < MIN_LOG_DAYS) {
        ctx.report({
          messageId: 'tooShort',
          data: { jours: days, min: MIN_LOG_DAYS },
          path: ['securite', 'journalisation', 'conservation_jours'],
          fixes: [{ kind: 'replace-value', args: { path: ['securite', 'journalisation', 'conservation_jours'], to: MIN_LOG_DAYS }, title: meta.messages.fixDays, preferred: true }],
        });
      }
    } else if (active === true) {
      ctx.report({
        messageId: 'daysMissing',
        data: { min: MIN_LOG_DAYS },
        path: ['securite', 'journalisation', 'conservation_jours'],
        outcome: 'a_completer',
        fixes: addMissing(ctx, ['securite', 'journalisation', 'conservation_jours']),
      });
    }
  },
});
