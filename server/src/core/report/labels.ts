/**
 * Words of the annual report, in French and English. Enumerated values (statut, niveau, AI Act
 * class…) take their label from the declaration schema's `x-enum-descriptions` (the one source
 * for what a value means): the part before the first " : " / " — ".
 */
import { derivedResource } from '../resources';
import { t } from '../i18n';
import { schemaAt } from '../schema';
import type { DataPath, Locale, Localized } from '../types';

export const UI = {
  title: { fr: 'Bilan annuel {year} des usages de l’intelligence artificielle', en: 'Annual report {year} on the use of artificial intelligence' },
  intro: {
    fr: 'Ce bilan présente les projets d’intelligence artificielle que les services ont déclarés pour l’année {year}, et leur conformité aux engagements du cadre « {catalogue} ». Il dit ce que disent les déclarations, ni plus ni moins.',
    en: 'This report presents the artificial intelligence projects the departments declared for {year}, and how they meet the engagements of the framework "{catalogue}". It says what the declarations say, no more and no less.',
  },
  publishedOn: { fr: 'Publié le {date}', en: 'Published on {date}' },
  contact: { fr: 'Contact', en: 'Contact' },
  reviewTitle: { fr: 'Revue interne du bilan {year} — {city}', en: 'Internal review of the {year} report — {city}' },
  reviewIntro: {
    fr: 'Document de travail, à ne pas publier : ce qui est à corriger dans les déclarations ({count} fichier(s) lu(s), cadre {cadre}) avant de publier le bilan.',
    en: 'Working document, not for publication: what to correct in the declarations ({count} file(s) read, framework {cadre}) before the report is published.',
  },
  dataWarnings: { fr: 'Avertissements sur les données', en: 'Warnings about the data' },
  dataWarningsNone: { fr: 'Aucun avertissement.', en: 'No warning.' },
  warnNoGoLive: {
    fr: 'Sans date de mise en service, ces projets comptent pour toute année, {year} compris : {list}.',
    en: 'Without a go-live date, these projects count for every year, {year} included: {list}.',
  },
  warnYearBeforeAny: {
    fr: 'L’année {year} précède la première mise en service déclarée ({first}) : vérifiez l’année demandée.',
    en: 'The year {year} comes before the first declared go-live ({first}): check the year asked for.',
  },
  duplicates: { fr: 'Identifiants en double', en: 'Duplicate identifiers' },
  duplicatesIntro: {
    fr: 'Plusieurs déclarations portent le même identifiant (projet.id) : aucune n’est reprise dans le bilan ni dans le registre tant que l’identifiant n’est pas rendu unique.',
    en: 'Several declarations share one identifier (projet.id): none of them is in the report or the register until the identifier is made unique.',
  },
  duplicateOf: { fr: '« {id} » : {files}', en: '"{id}": {files}' },
  generatedOn: { fr: 'Établi le {date}.', en: 'Produced on {date}.' },
  toc: { fr: 'Sommaire', en: 'Contents' },
  summary: { fr: 'Synthèse', en: 'Summary' },
  indicator: { fr: 'Indicateur', en: 'Indicator' },
  value: { fr: 'Valeur', en: 'Value' },
  summaryCaption: { fr: 'Chiffres clés de l’année {year}', en: 'Key figures for {year}' },
  inUse: { fr: 'Projets en service ou en expérimentation en {year}', en: 'Projects in use or in experiment in {year}' },
  inUseShort: { fr: 'Projets en service ou en expérimentation', en: 'Projects in use or in experiment' },
  ofWhich: { fr: 'dont {label}', en: 'of which {label}' },
  retiredDuring: { fr: 'retirés en cours d’année', en: 'retired during the year' },
  studied: { fr: 'Projets à l’étude', en: 'Projects under study' },
  studiedIntro: {
    fr: 'Projets au stade de l’idée ou de la conception : ils ne sont pas en usage et ne comptent pas dans les totaux.',
    en: 'Projects at the idea or design stage: they are not in use and are not counted in the totals.',
  },
  flaggedCount: { fr: 'Déclarations à corriger (au moins une erreur)', en: 'Declarations to correct (at least one error)' },
  unreadableCount: { fr: 'Fichiers illisibles', en: 'Unreadable files' },
  energyTotal: { fr: 'Énergie annuelle estimée', en: 'Estimated annual energy' },
  co2Total: { fr: 'Émissions annuelles estimées', en: 'Estimated annual emissions' },
  onProjects: { fr: '{value} (sur {n} projet(s) sur {total})', en: '{value} ({n} project(s) of {total})' },
  noProject: { fr: 'Aucun projet en service ou en expérimentation cette année d’après les déclarations.', en: 'No project in use or in experiment this year according to the declarations.' },
  service: { fr: 'Service', en: 'Department' },
  unknownService: { fr: 'Service non renseigné', en: 'Department not stated' },
  projectsOf: { fr: 'Projets de : {service}', en: 'Projects of: {service}' },
  project: { fr: 'Projet', en: 'Project' },
  purpose: { fr: 'Finalité', en: 'Purpose' },
  status: { fr: 'Statut', en: 'Status' },
  oversight: { fr: 'Contrôle humain', en: 'Human oversight' },
  aiAct: { fr: 'Classe AI Act', en: 'AI Act class' },
  hosting: { fr: 'Hébergement', en: 'Hosting' },
  reversibility: { fr: 'Réversibilité', en: 'Reversibility' },
  energy: { fr: 'Énergie (kWh/an)', en: 'Energy (kWh/yr)' },
  co2: { fr: 'CO2e (kg/an)', en: 'CO2e (kg/yr)' },
  notStated: { fr: 'non renseigné', en: 'not stated' },
  flagErrors: { fr: 'Déclaration à corriger : {n} erreur(s)', en: 'Declaration to correct: {n} error(s)' },
  flagNote: { fr: 'signalée ci-dessous', en: 'listed below' },
  goLive: { fr: 'mise en service : {date}', en: 'go-live: {date}' },
  exitPlan: { fr: 'plan de sortie', en: 'exit plan' },
  exitPlanTested: { fr: 'plan de sortie testé le {date}', en: 'exit plan tested on {date}' },
  noExitPlan: { fr: 'pas de plan de sortie', en: 'no exit plan' },
  switchDays: { fr: 'bascule en {n} jours', en: 'switch-over in {n} days' },
  switchDay: { fr: 'bascule en {n} jour', en: 'switch-over in {n} day' },
  noQualification: { fr: 'sans qualification', en: 'no certification' },
  exportFormats: { fr: 'export : {formats}', en: 'export: {formats}' },
  contractClause: { fr: 'clause contractuelle', en: 'contract clause' },
  engagements: { fr: 'Les {n} engagements', en: 'The {n} engagements' },
  engagementsIntro: {
    fr: 'Pour chaque engagement, le nombre de projets en service ou en expérimentation selon leur verdict ({n} projet(s)).',
    en: 'For each engagement, the number of projects in use or in experiment by verdict ({n} project(s)).',
  },
  engagement: { fr: 'Engagement', en: 'Engagement' },
  frameworkGroup: { fr: 'Cadre « {name} » ({cadre}) : {n} projet(s)', en: 'Framework "{name}" ({cadre}): {n} project(s)' },
  engagementsCaption: { fr: 'Verdicts par engagement, {year}', en: 'Verdicts per engagement, {year}' },
  chartVerdicts: { fr: 'Verdicts par engagement', en: 'Verdicts per engagement' },
  chartVerdictsDesc: {
    fr: 'Barres empilées, une par engagement ({first} à {last}) : nombre de projets conformes, non conformes, à compléter, non applicables et en dérogation, sur {n} projet(s). Les mêmes chiffres sont dans le tableau qui suit.',
    en: 'Stacked bars, one per engagement ({first} to {last}): number of compliant, non-compliant, incomplete, not applicable and derogating projects, out of {n} project(s). The same figures are in the table below.',
  },
  chartEnergy: { fr: 'Énergie annuelle estimée par projet (kWh)', en: 'Estimated annual energy per project (kWh)' },
  chartEnergyDesc: {
    fr: 'Barres horizontales, une par projet ayant déclaré une estimation, de la plus forte à la plus faible. Total : {total} kWh.',
    en: 'Horizontal bars, one per project with a declared estimate, from highest to lowest. Total: {total} kWh.',
  },
  energyHeading: { fr: 'Empreinte énergétique', en: 'Energy footprint' },
  energyTop: {
    fr: 'Le graphique montre les {n} projets les plus consommateurs sur {total} ; chaque chiffre est dans les tableaux et dans le registre CSV.',
    en: 'The chart shows the {n} most energy-intensive projects out of {total}; every figure is in the tables and in the CSV register.',
  },
  energyNone: { fr: 'Sans estimation : {list}.', en: 'No estimate: {list}.' },
  energyEmpty: { fr: 'Aucun projet n’a déclaré d’estimation énergétique.', en: 'No project declared an energy estimate.' },
  derogations: { fr: 'Dérogations', en: 'Derogations' },
  derogationsNone: { fr: 'Aucune dérogation déclarée.', en: 'No derogation declared.' },
  derogationsCaption: { fr: 'Dérogations aux engagements, {year}', en: 'Derogations from the engagements, {year}' },
  justification: { fr: 'Justification', en: 'Justification' },
  approvedBy: { fr: 'Validée par', en: 'Approved by' },
  endDate: { fr: 'Échéance', en: 'End date' },
  state: { fr: 'État', en: 'State' },
  toCorrect: { fr: 'Déclarations à corriger', en: 'Declarations to correct' },
  toCorrectIntro: {
    fr: 'Ces déclarations comptent dans le bilan mais contiennent des erreurs : leurs chiffres sont à lire avec prudence.',
    en: 'These declarations are counted in the report but contain errors: read their figures with care.',
  },
  toCorrectNone: { fr: 'Aucune déclaration ne contient d’erreur.', en: 'No declaration contains an error.' },
  line: { fr: 'ligne {n}', en: 'line {n}' },
  more: { fr: '… et {n} autre(s)', en: '… and {n} more' },
  unreadable: { fr: 'Fichiers illisibles', en: 'Unreadable files' },
  unreadableIntro: {
    fr: 'Ces fichiers n’ont pas pu être lus comme des déclarations : ils ne sont pas dans le bilan.',
    en: 'These files could not be read as declarations: they are not in the report.',
  },
  notADeclaration: { fr: 'le fichier ne contient pas une déclaration (un dictionnaire YAML)', en: 'the file does not hold a declaration (a YAML mapping)' },
  outOfPeriod: { fr: 'Déclarations hors période', en: 'Declarations outside the year' },
  outOfPeriodIntro: { fr: 'Ces projets ne sont pas comptés pour {year} :', en: 'These projects are not counted for {year}:' },
  reasonFuture: { fr: 'mise en service le {date}, après {year}', en: 'go-live on {date}, after {year}' },
  reasonRetired: { fr: 'retiré, dernière date connue {date}, avant {year}', en: 'retired, last known date {date}, before {year}' },
  reasonRetiredNoDate: { fr: 'retiré, sans date de revue permettant de le situer dans le temps', en: 'retired, with no review date to place it in time' },
  method: { fr: 'Méthode', en: 'Method' },
  methodYear: {
    fr: 'Un projet compte pour {year} si son statut est « expérimentation » ou « production » et que sa date de mise en service (si elle est renseignée) est au plus tard le 31 décembre {year}. Un projet « retiré » compte s’il a été mis en service au plus tard en {year} et que sa date de revue (dernière date connue du projet) est en {year} ou après. Les projets « idée » et « conception » sont listés à part comme projets à l’étude.',
    en: 'A project counts for {year} if its status is "experiment" or "production" and its go-live date (when stated) is on or before 31 December {year}. A "retired" project counts if it went live in {year} or before and its review date (the last known date of the project) is in {year} or later. "Idea" and "design" projects are listed apart as projects under study.',
  },
  methodVerdicts: {
    fr: 'Les verdicts sont ceux que Cadre IA calcule pour chaque déclaration ; les chiffres d’énergie et d’émissions sont les estimations déclarées par les projets (méthode et périmètre dans chaque déclaration).',
    en: 'Verdicts are those Cadre IA computes for each declaration; energy and emission figures are the estimates the projects declare (method and scope in each declaration).',
  },
  legend: { fr: 'Légende', en: 'Legend' },
  total: { fr: 'Total', en: 'Total' },
  description: { fr: 'Description', en: 'Description' },
  file: { fr: 'fichier', en: 'file' },
} satisfies Record<string, Localized>;

export type UiKey = keyof typeof UI;

export function ui(key: UiKey, locale: Locale, data?: Record<string, unknown>): string {
  return t(UI[key], locale, data);
}

export const DEROGATION_STATES: Record<string, Localized> = {
  en_vigueur: { fr: 'en vigueur', en: 'in force' },
  expiree: { fr: 'expirée', en: 'expired' },
  incomplete: { fr: 'incomplète', en: 'incomplete' },
  interdite: { fr: 'interdite (engagement non dérogeable)', en: 'not allowed (non-derogable engagement)' },
};

const MONTHS: Record<Locale, string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2026-03-01` → `1er mars 2026` / `1 March 2026`; anything else is returned as is. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[locale][Number(m[2]) - 1];
  if (!month) return iso;
  const day = Number(m[3]);
  return `${locale === 'fr' && day === 1 ? '1er' : String(day)} ${month} ${m[1]}`;
}

/** Numbers for reading: at most one decimal; `1 234,5` (narrow no-break space) or `1,234.5`. */
export function formatNumber(n: number, locale: Locale): string {
  const rounded = Math.round(n * 10) / 10;
  const negative = rounded < 0;
  const [int, dec] = Math.abs(rounded).toFixed(1).split('.');
  const group = locale === 'fr' ? '\u202f' : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = dec === '0' ? grouped : `${grouped}${locale === 'fr' ? ',' : '.'}${dec}`;
  return negative ? `-${body}` : body;
}

/** Separator between items of a list in running text: " ; " in French, "; " in English. */
export function listSep(locale: Locale): string {
  return locale === 'fr' ? ' ; ' : '; ';
}

/** Labels already computed, by path, value and locale; kept per resource reader, as the schema they come from. */
const labelCache = () => derivedResource('report/labels:enum-labels', () => new Map<string, string>());

/**
 * The short label of an enumerated value, from the schema (`x-enum-descriptions`), e.g.
 * `controle_humain.niveau = aide_a_la_decision` → "Aide à la décision". The raw value when the
 * schema has no description for it.
 */
export function enumLabel(path: DataPath, value: string, locale: Locale): string {
  const key = `${path.join('.')}\u0000${value}\u0000${locale}`;
  const cached = labelCache().get(key);
  if (cached !== undefined) return cached;
  let label = value;
  try {
    const descriptions = schemaAt(path)?.['x-enum-descriptions'];
    const d = descriptions?.[value];
    if (d) label = shortLabel(t(d, locale));
  } catch {
    // A schema that cannot be read: the raw value is still meaningful.
  }
  labelCache().set(key, label);
  return label;
}

/** "Aide à la décision : le système propose…" → "Aide à la décision". */
export function shortLabel(description: string): string {
  const m = /^(.+?)(?:\s[:—–]\s|:\s)/u.exec(description);
  const head = (m ? m[1] : description).trim();
  return head.replace(/[.;]$/, '');
}
