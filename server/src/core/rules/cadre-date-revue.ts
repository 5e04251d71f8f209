import { defineRule, type RuleMeta } from './api';
import { isIsoDate } from './util';

const meta = {
  id: 'cadre-date-revue',
  defaultSeverity: 'warning',
  title: { fr: 'Date de revue dépassée', en: 'Review date passed' },
  description: {
    fr: 'Chaque déclaration fixe la date de sa prochaine revue (`projet.date_revue`). Passé cette date, la déclaration est peut-être périmée : le projet a pu changer, la réglementation aussi.',
    en: 'Every declaration sets the date of its next review (`projet.date_revue`). After that date the declaration may be out of date: the project may have changed, and so may the law.',
  },
  howToFix: {
    fr: 'Relisez la déclaration avec l’équipe du projet, mettez-la à jour, puis fixez la prochaine `projet.date_revue` (en général dans un an).',
    en: 'Review the declaration with the project team, update it, then set the next `projet.date_revue` (usually a year later).',
  },
  messages: {
    passed: {
      fr: 'Date de revue dépassée ({date}) : relisez et mettez à jour la déclaration.',
      en: 'Review date passed ({date}): review and update the declaration.',
    },
  },
  fields: ['projet.date_revue'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), champ « projet.date_revue »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    const date = ctx.get(['projet', 'date_revue']);
    if (isIsoDate(date) && date < ctx.today) ctx.report({ messageId: 'passed', data: { date }, path: ['projet', 'date_revue'] });
  },
});
