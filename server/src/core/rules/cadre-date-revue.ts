import { defineRule, type RuleMeta } from './api';
import { isIsoDate } from './util';

const meta = {
  id: 'cadre-date-revue',
  defaultSeverity: 'warning',
  title: { fr: 'Date de revue dépassée', en: 'Review date passed' },
  description: {
    fr: 'Chaque déclaration fixe la date de sa prochaine revue (`projet.date_revue`). Passé cette date, la déclaration est peut-être périmée : le projet a pu changer, la réglementation aussi. Un projet retiré (`projet.statut: retire`) n’a plus de revue : sa déclaration reste l’archive de ce qu’il a été, conservée pour l’historique et le bilan annuel des années où il a servi ; elle doit seulement rester exacte.',
    en: 'Every declaration sets the date of its next review (`projet.date_revue`). After that date the declaration may be out of date: the project may have changed, and so may the law. A retired project (`projet.statut: retire`) has no more reviews: its declaration remains the record of what it was, kept for the history and the annual report of the years it served; it only has to stay accurate.',
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
  fields: ['projet.date_revue', 'projet.statut'],
  references: ['Schéma de la déclaration Cadre IA (schemas/declaration.schema.json), champ « projet.date_revue »'],
} satisfies RuleMeta;

export default defineRule({
  meta,
  check(ctx) {
    // A retired project is no longer reviewed (its declaration is kept for the record).
    if (ctx.statut === 'retire') return;
    const date = ctx.get(['projet', 'date_revue']);
    if (isIsoDate(date) && date < ctx.today) ctx.report({ messageId: 'passed', data: { date }, path: ['projet', 'date_revue'] });
  },
});
