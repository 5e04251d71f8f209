/**
 * The public register as CSV, for open-data portals: UTF-8 without BOM, comma-separated,
 * RFC 4180 quoting, LF line ends, one header row of stable snake_case names, raw declaration
 * codes as values (the same in every language). The columns are documented in docs/report.md
 * (a test keeps the two in step).
 */
import type { Localized } from '../types';
import type { ReportModel, ReportProject } from './model';

export interface CsvColumn {
  name: string;
  description: Localized;
  value: (p: ReportProject, model: ReportModel) => string | number | boolean | undefined;
}

const join = (xs: string[]) => (xs.length ? xs.join('; ') : undefined);

/** The fixed columns; one column per engagement of the catalogue follows `modeles` … see csvColumns(). */
const BEFORE: CsvColumn[] = [
  { name: 'annee', description: { fr: 'Année du bilan.', en: 'Year of the report.' }, value: (_, m) => m.year },
  { name: 'id', description: { fr: 'Identifiant du projet (`projet.id`).', en: 'Project id (`projet.id`).' }, value: (p) => p.id },
  { name: 'nom', description: { fr: 'Nom du projet.', en: 'Project name.' }, value: (p) => p.nom },
  { name: 'description', description: { fr: 'Description en langage simple.', en: 'Plain-language description.' }, value: (p) => p.description },
  { name: 'direction', description: { fr: 'Direction ou service responsable.', en: 'Responsible department.' }, value: (p) => p.direction },
  { name: 'statut', description: { fr: 'idee, conception, experimentation, production ou retire.', en: 'idee, conception, experimentation, production or retire.' }, value: (p) => p.statut },
  { name: 'date_mise_en_service', description: { fr: 'Date de mise en service (AAAA-MM-JJ).', en: 'Go-live date (YYYY-MM-DD).' }, value: (p) => p.dateMiseEnService },
  { name: 'date_revue', description: { fr: 'Date de la prochaine revue (AAAA-MM-JJ).', en: 'Next review date (YYYY-MM-DD).' }, value: (p) => p.dateRevue },
  { name: 'finalite', description: { fr: 'Finalité d’intérêt général (E01).', en: 'Public-interest purpose (E01).' }, value: (p) => p.finalite },
  { name: 'public_concerne', description: { fr: 'agents, usagers ou mixte (E02).', en: 'agents, usagers or mixte (E02).' }, value: (p) => p.publicConcerne },
  {
    name: 'controle_humain',
    description: { fr: 'aide_a_la_decision, decision_partielle ou decision_automatisee (E04).', en: 'aide_a_la_decision, decision_partielle or decision_automatisee (E04).' },
    value: (p) => p.niveauControle,
  },
  {
    name: 'categorie_ai_act',
    description: { fr: 'interdit, haut_risque, transparence ou minimal (E06).', en: 'interdit, haut_risque, transparence or minimal (E06).' },
    value: (p) => p.aiActCategorie,
  },
  {
    name: 'decisions_individuelles',
    description: { fr: 'true si le système concourt à des décisions individuelles (CRPA L311-3-1).', en: 'true when the system contributes to individual decisions (CRPA L311-3-1).' },
    value: (p) => p.decisionsIndividuelles,
  },
  {
    name: 'donnees_personnelles',
    description: { fr: 'true si des données personnelles sont traitées (E05).', en: 'true when personal data is processed (E05).' },
    value: (p) => p.donnees.personnelles,
  },
  {
    name: 'donnees_sensibles',
    description: { fr: 'true si des données sensibles (RGPD art. 9) sont traitées.', en: 'true when sensitive data (GDPR art. 9) is processed.' },
    value: (p) => p.donnees.sensibles,
  },
  { name: 'base_legale', description: { fr: 'Base légale RGPD art. 6 (code de la déclaration).', en: 'GDPR art. 6 legal basis (declaration code).' }, value: (p) => p.donnees.baseLegale },
  { name: 'hebergement_fournisseur', description: { fr: 'Hébergeur (E12).', en: 'Hosting provider (E12).' }, value: (p) => p.hebergement.fournisseur },
  { name: 'hebergement_pays', description: { fr: 'Pays d’hébergement (ISO 3166-1 alpha-2).', en: 'Hosting country (ISO 3166-1 alpha-2).' }, value: (p) => p.hebergement.pays },
  { name: 'hebergement_qualification', description: { fr: 'secnumcloud, hds, iso27001 ou aucune.', en: 'secnumcloud, hds, iso27001 or aucune.' }, value: (p) => p.hebergement.qualification },
  {
    name: 'droit_extraterritorial',
    description: { fr: 'true si l’hébergeur est soumis à un droit extraterritorial.', en: 'true when the provider is subject to extraterritorial law.' },
    value: (p) => p.extraterritorial,
  },
  {
    name: 'modeles',
    description: { fr: 'Modèles utilisés (« nom version »), séparés par « ; ».', en: 'Models used ("name version"), separated by "; ".' },
    value: (p) => join(p.modeles.map((m) => (m.version ? `${m.nom} ${m.version}` : m.nom))),
  },
  { name: 'plan_sortie', description: { fr: 'true s’il existe un plan de sortie (E11).', en: 'true when an exit plan exists (E11).' }, value: (p) => p.reversibilite.planSortie },
  {
    name: 'delai_bascule_jours',
    description: { fr: 'Délai de bascule vers la solution de repli, en jours.', en: 'Switch-over time to the fallback, in days.' },
    value: (p) => p.reversibilite.delaiJours,
  },
  { name: 'formats_export', description: { fr: 'Formats d’export, séparés par « ; ».', en: 'Export formats, separated by "; ".' }, value: (p) => join(p.reversibilite.formats) },
  { name: 'energie_kwh_an', description: { fr: 'Énergie annuelle estimée, en kWh (E14).', en: 'Estimated annual energy, in kWh (E14).' }, value: (p) => p.energieKwh },
  { name: 'co2e_kg_an', description: { fr: 'Émissions annuelles estimées, en kg CO2e (E14).', en: 'Estimated annual emissions, in kg CO2e (E14).' }, value: (p) => p.co2eKg },
  { name: 'methode_mesure', description: { fr: 'codecarbon, ecologits, fournisseur ou estimation.', en: 'codecarbon, ecologits, fournisseur or estimation.' }, value: (p) => p.mesure.methode },
  {
    name: 'perimetre_mesure',
    description: { fr: 'inference, entrainement, entrainement_et_inference ou cycle_de_vie.', en: 'inference, entrainement, entrainement_et_inference or cycle_de_vie.' },
    value: (p) => p.mesure.perimetre,
  },
  { name: 'utilisateurs_actifs', description: { fr: 'Utilisateurs actifs sur l’année (E03).', en: 'Active users over the year (E03).' }, value: (p) => p.usage.utilisateursActifs },
  { name: 'requetes_an', description: { fr: 'Requêtes sur l’année (E03).', en: 'Requests over the year (E03).' }, value: (p) => p.usage.requetesAn },
  {
    name: 'contact_email',
    description: { fr: 'Adresse de contact du responsable (pas son nom).', en: 'Contact address of the person in charge (not their name).' },
    value: (p) => p.responsable.email,
  },
];

const AFTER: CsvColumn[] = [
  {
    name: 'derogations',
    description: { fr: 'Dérogations « Enn (échéance) », séparées par « ; ».', en: 'Derogations "Enn (end date)", separated by "; ".' },
    value: (p) => join(p.derogations.map((d) => (d.endDate ? `${d.engagement} (${d.endDate})` : d.engagement))),
  },
];

/** Every column, with one `Enn` column per engagement of the model's catalogue (its verdict code). */
export function csvColumns(model: Pick<ReportModel, 'engagements'> & Partial<Pick<ReportModel, 'frameworks'>>): CsvColumn[] {
  // A register mixing frameworks gets the engagements of each (an id once).
  const all = [...model.engagements];
  for (const f of model.frameworks ?? []) for (const e of f.engagements) if (!all.some((x) => x.id === e.id)) all.push(e);
  const verdictColumns: CsvColumn[] = all.map((e) => ({
    name: e.id,
    description: { fr: `Verdict de l’engagement ${e.id}.`, en: `Verdict of engagement ${e.id}.` },
    value: (p) => p.verdicts[e.id],
  }));
  return [...BEFORE, ...verdictColumns, ...AFTER];
}

/** The fixed column names (without the per-engagement ones), for documentation checks. */
export const FIXED_CSV_COLUMNS: readonly CsvColumn[] = [...BEFORE, ...AFTER];

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises for CSV injection; numbers and
 * booleans are written as they are.
 */
export function csvCell(v: string | number | boolean | undefined, dialect: CsvDialect = OPEN_DATA): string {
  if (v === undefined) return '';
  let s = typeof v === 'number' ? String(v).replace('.', dialect.decimal) : String(v);
  if (typeof v === 'string') {
    s = s.replace(/\r\n?/g, '\n');
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  }
  const special = dialect.separator === ';' ? /[";\n\r]|^\s|\s$/ : /[",\n\r]|^\s|\s$/;
  return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** How a CSV is written: separator, decimal mark, byte order mark, line end. */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
  bom: boolean;
  eol: '\n' | '\r\n';
}

/** For open-data portals: RFC 4180 with a comma, decimal point, UTF-8 without BOM. */
export const OPEN_DATA: CsvDialect = { separator: ',', decimal: '.', bom: false, eol: '\n' };
/**
 * For a double-click in a French Excel: the BOM makes it read UTF-8 (accents intact), `;` is the
 * list separator and `,` the decimal mark of a French locale, CRLF line ends.
 */
export const EXCEL_FR: CsvDialect = { separator: ';', decimal: ',', bom: true, eol: '\r\n' };

export function renderCsv(model: ReportModel, dialect: CsvDialect = OPEN_DATA): string {
  const columns = csvColumns(model);
  const rows = [...model.projects, ...model.studied].map((p) => columns.map((c) => csvCell(c.value(p, model), dialect)).join(dialect.separator));
  return (dialect.bom ? '\ufeff' : '') + [columns.map((c) => c.name).join(dialect.separator), ...rows].join(dialect.eol) + dialect.eol;
}

/** The Excel-ready variant of the register (see EXCEL_FR). */
export function renderCsvExcel(model: ReportModel): string {
  return renderCsv(model, EXCEL_FR);
}
