/**
 * The annual report's model: what the declarations say, for one year. Pure: it reads lint
 * results (see fileResult.ts) and never the disk. Renderers (Markdown, HTML, CSV, Eurocities JSON)
 * only format this model, so every output says the same thing.
 */
import type { Catalogue } from '../catalogue';
import { isoDate, statementOf } from '../derogations';
import { t } from '../i18n';
import type { FileResult } from '../fileResult';
import { filled } from '../rules/api';
import { fold } from '../text';
import type { Locale, Verdict } from '../types';
import { VERDICTS } from '../types';

/** Where a declaration stands for the report's year. */
export type Scope = 'en_service' | 'a_l_etude' | 'hors_periode';
export type ExclusionReason = 'future' | 'retired_before' | 'retired_no_date';

export interface Classification {
  scope: Scope;
  reason?: ExclusionReason;
  /** The date behind the reason (go-live or last review). */
  date?: string;
}

export const STUDY_STATUTS = ['idee', 'conception'];
export const IN_USE_STATUTS = ['experimentation', 'production'];

/**
 * The year rule (documented in docs/report.md):
 * - `idee`, `conception`: listed apart, as projects under study;
 * - `experimentation`, `production` (or a missing/unknown status, then flagged): counted for Y
 *   when `date_mise_en_service` is absent or falls on or before Y-12-31;
 * - `retire`: counted for Y when it went live on or before Y-12-31 (or the date is absent) and
 *   its `date_revue`, the last known date of the project, falls in Y or later; left out otherwise,
 *   and when it has no `date_revue` at all.
 */
export function classify(statut: string | undefined, dateMiseEnService: string | undefined, dateRevue: string | undefined, year: number): Classification {
  if (statut && STUDY_STATUTS.includes(statut)) return { scope: 'a_l_etude' };
  const start = yearOf(dateMiseEnService);
  if (start !== undefined && start > year) return { scope: 'hors_periode', reason: 'future', date: dateMiseEnService };
  if (statut === 'retire') {
    const end = yearOf(dateRevue);
    if (end === undefined) return { scope: 'hors_periode', reason: 'retired_no_date' };
    if (end < year) return { scope: 'hors_periode', reason: 'retired_before', date: dateRevue };
  }
  return { scope: 'en_service' };
}

function yearOf(date: string | undefined): number | undefined {
  const m = date ? /^(\d{4})/.exec(date) : null;
  return m ? Number(m[1]) : undefined;
}

export interface ReportDerogation {
  engagement: string;
  projectId: string;
  projectName: string;
  file: string;
  justification?: string;
  approvedBy?: string;
  endDate?: string;
  state: 'en_vigueur' | 'expiree' | 'incomplete' | 'interdite';
}

export interface ReportFinding {
  /** 1-based line. */
  line: number;
  code: string;
  message: string;
}

export interface ReportProject {
  file: string;
  /** The framework the declaration names (`cadre:`), e.g. `lyon-ia/v1`; a report may group by it. */
  framework?: string;
  /** `projet.id`, or the file name without its extension when absent. */
  id: string;
  nom: string;
  description?: string;
  direction?: string;
  statut?: string;
  dateMiseEnService?: string;
  dateRevue?: string;
  responsable: { fonction?: string; email?: string };
  finalite?: string;
  benefices: string[];
  alternatives: string[];
  indicateurs: { nom: string; cible?: string }[];
  publicConcerne?: string;
  niveauControle?: string;
  validation?: string;
  mentionIa?: boolean;
  usage: { utilisateursActifs?: number; requetesAn?: number };
  donnees: { personnelles?: boolean; sensibles?: boolean; baseLegale?: string; aipdRealisee?: boolean; aipdReference?: string; classification?: string };
  aiActCategorie?: string;
  decisionsIndividuelles?: boolean;
  publicationUrl?: string;
  biais: { evalue?: boolean; methode?: string; resultats?: string };
  recours?: string;
  analyseRisques?: string;
  risques: { risque: string; mesure?: string }[];
  hebergement: { fournisseur?: string; pays?: string; qualification?: string };
  extraterritorial?: boolean;
  modeles: { nom: string; version?: string; fournisseur?: string; licence?: string; poidsOuverts?: boolean }[];
  reversibilite: { planSortie?: boolean; reference?: string; dateTest?: string; formats: string[]; repli?: string; clause?: boolean; delaiJours?: number };
  sobriete?: string;
  mesure: { methode?: string; perimetre?: string };
  energieKwh?: number;
  co2eKg?: number;
  verdicts: Record<string, Verdict>;
  derogations: ReportDerogation[];
  /** The first error messages (see ModelOptions.maxFindings). */
  errors: ReportFinding[];
  errorCount: number;
  warnings: number;
  classification: Classification;
}

export interface ReportEngagement {
  id: string;
  title: string;
  principle: string;
  derogable: boolean;
  counts: Record<Verdict, number>;
}

/** One framework of the report's projects (a workspace may mix them: a city, its métropole, the legal baseline). */
export interface ReportFramework {
  /** `cadre:` value, e.g. `lyon-ia/v1`. */
  cadre: string;
  name: string;
  /** Projects in use or in experiment judged by this framework. */
  projects: number;
  engagements: ReportEngagement[];
}

export interface UnreadableFile {
  file: string;
  reason: string;
  line?: number;
}

/** The page header a city sets in its report configuration (see config.ts); defaults filled. */
export interface ReportHeader {
  /** The publishing organisation (the configuration's `ville`, else the catalogue's city or name). */
  city: string;
  /** The logo as a data: URL (embedded: the page loads nothing), with its text alternative. */
  logo?: { dataUrl: string; alt: string };
  /** The introduction paragraph(s), when the city wrote one; a standard sentence otherwise. */
  introduction?: string;
  /** Where residents can write: an e-mail address or a web page. */
  contact?: string;
  /** Publication date (YYYY-MM-DD): the configuration's, else the injected date, else today. */
  publicationDate: string;
}

/** What the internal review warns about the data itself (not about one declaration's errors). */
export type DataWarning = { kind: 'noGoLive'; projects: { nom: string; file: string }[] } | { kind: 'yearBeforeAny'; firstYear: number };

/** Declarations that share one `projet.id`: none of them is put in the register. */
export interface DuplicateId {
  id: string;
  files: string[];
}

export interface ReportModel {
  year: number;
  header: ReportHeader;
  /** Warnings about the data, for the internal review. */
  dataWarnings: DataWarning[];
  /** Identifiers declared by more than one file (left out of the bilan and the register). */
  duplicates: DuplicateId[];
  locale: Locale;
  catalogue: { id: string; version: string; name: string; city?: string };
  /** The organisation the register is published by (the catalogue's city, else its name). */
  organization: string;
  /** A generation date (YYYY-MM-DD), only when the caller injected one (outputs stay reproducible). */
  generatedOn?: string;
  /** Files read (declarations found, readable or not). */
  filesRead: number;
  /** Projects in use or in experiment in the year, sorted by department then name. */
  projects: ReportProject[];
  /** Projects under study (idee, conception), same order. */
  studied: ReportProject[];
  /** Declarations left out of the year, with the reason. */
  excluded: ReportProject[];
  unreadable: UnreadableFile[];
  /** The engagements of the report's catalogue (the first framework), with counts. */
  engagements: ReportEngagement[];
  /**
   * Every framework the counted projects are judged by (each project follows its `cadre:`), the
   * report's catalogue first; renderers group the engagements by framework when there are several.
   */
  frameworks: ReportFramework[];
  /** Every derogation stated by a counted project, by engagement then project. */
  derogations: ReportDerogation[];
  totals: {
    projects: number;
    byStatut: Record<string, number>;
    studied: number;
    flagged: number;
    energyKwh: number;
    co2eKg: number;
    withEnergy: number;
    withCo2e: number;
  };
}

export interface ModelOptions {
  year: number;
  locale: Locale;
  catalogue: Catalogue;
  /** Today, for derogation end dates (defaults to now). */
  now?: Date;
  generatedOn?: string;
  /** The page header from the report configuration (city, logo, introduction, contact, date). */
  header?: Partial<ReportHeader>;
  /** Most error messages kept per flagged declaration. */
  maxFindings?: number;
}

/** Builds the report's model from lint results. Never throws on odd declarations. */
export function buildModel(results: FileResult[], options: ModelOptions): ReportModel {
  const { year, locale, catalogue } = options;
  const today = isoDate(options.now ?? new Date());
  const projects: ReportProject[] = [];
  const studied: ReportProject[] = [];
  const excluded: ReportProject[] = [];
  const unreadable: UnreadableFile[] = [];
  const all: ReportProject[] = [];
  const catalogueOf = new Map<string, Catalogue>();

  for (const r of results) {
    if (r.ioError || !r.result) {
      unreadable.push({ file: r.file, reason: r.ioError ?? 'EIO' });
      continue;
    }
    const res = r.result;
    const syntax = res.diagnostics.find((d) => d.code === 'syntax');
    if (syntax) {
      unreadable.push({ file: r.file, reason: syntax.message, line: syntax.range.start.line + 1 });
      continue;
    }
    const data = res.parsed.value;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      unreadable.push({ file: r.file, reason: '' });
      continue;
    }
    // A `cadre:` no known framework answers: nothing was judged, the file cannot be counted.
    const unknown = res.diagnostics.find((d) => d.code === 'cadre-inconnu');
    if (unknown) {
      unreadable.push({ file: r.file, reason: unknown.message, line: unknown.range.start.line + 1 });
      continue;
    }
    // Each project is judged by its own framework (its `cadre:`).
    const own = res.catalogue ?? catalogue;
    catalogueOf.set(r.file, own);
    const p = extractProject(r.file, data as Record<string, unknown>, res.verdicts, own, today, year);
    const errors = res.diagnostics.filter((d) => d.severity === 'error');
    p.errors = errors.slice(0, options.maxFindings ?? 5).map((d) => ({ line: d.range.start.line + 1, code: d.code, message: d.message }));
    p.errorCount = errors.length;
    p.warnings = res.diagnostics.filter((d) => d.severity === 'warning').length;
    all.push(p);
  }

  // One identifier, one entry: declarations sharing a `projet.id` are all left out, and named.
  const filesById = new Map<string, string[]>();
  for (const p of all) filesById.set(p.id, [...(filesById.get(p.id) ?? []), p.file]);
  const duplicates: DuplicateId[] = [...filesById]
    .filter(([, files]) => files.length > 1)
    .map(([id, files]) => ({ id, files: [...files].sort(cmp) }))
    .sort((a, b) => cmp(a.id, b.id));
  const duplicated = new Set(duplicates.map((d) => d.id));
  for (const p of all) {
    if (duplicated.has(p.id)) continue;
    if (p.classification.scope === 'en_service') projects.push(p);
    else if (p.classification.scope === 'a_l_etude') studied.push(p);
    else excluded.push(p);
  }

  const byProject = (a: ReportProject, b: ReportProject) => cmp(fold(a.direction ?? '\uffff'), fold(b.direction ?? '\uffff')) || cmp(fold(a.nom), fold(b.nom)) || cmp(a.file, b.file);
  projects.sort(byProject);
  studied.sort(byProject);
  excluded.sort(byProject);
  unreadable.sort((a, b) => cmp(a.file, b.file));

  const countsFor = (c: Catalogue, among: ReportProject[]): ReportEngagement[] =>
    c.engagements.map((e) => {
      const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
      for (const p of among) {
        const v = p.verdicts[e.id];
        if (v) counts[v]++;
      }
      return { id: e.id, title: t(e.title, locale), principle: e.principle, derogable: e.derogable, counts };
    });
  const cadreOf = (c: Catalogue) => `${c.id}/${c.version}`;
  const used: Catalogue[] = [catalogue];
  for (const p of projects) {
    const c = catalogueOf.get(p.file);
    if (c && !used.some((u) => cadreOf(u) === cadreOf(c))) used.push(c);
  }
  const frameworks: ReportFramework[] = used.map((c) => {
    const mine = projects.filter((p) => cadreOf(catalogueOf.get(p.file) ?? catalogue) === cadreOf(c));
    return { cadre: cadreOf(c), name: t(c.name, locale), projects: mine.length, engagements: countsFor(c, mine) };
  });
  // The report's own framework keeps counting every project, as before (the others only count under their own framework).
  const engagements: ReportEngagement[] = countsFor(catalogue, projects);
  // Drop the report's framework when no project uses it and others do.
  if (frameworks.length > 1 && frameworks[0].projects === 0) frameworks.shift();

  const order = new Map(used.flatMap((c) => c.engagements.map((e) => e.id)).map((id, i) => [id, i]));
  const derogations = projects
    .flatMap((p) => p.derogations)
    .sort((a, b) => (order.get(a.engagement) ?? 99) - (order.get(b.engagement) ?? 99) || cmp(a.engagement, b.engagement) || cmp(fold(a.projectName), fold(b.projectName)) || cmp(a.file, b.file));

  const byStatut: Record<string, number> = {};
  let energyKwh = 0;
  let co2eKg = 0;
  let withEnergy = 0;
  let withCo2e = 0;
  for (const p of projects) {
    const s = p.statut ?? '';
    byStatut[s] = (byStatut[s] ?? 0) + 1;
    if (p.energieKwh !== undefined) {
      energyKwh += p.energieKwh;
      withEnergy++;
    }
    if (p.co2eKg !== undefined) {
      co2eKg += p.co2eKg;
      withCo2e++;
    }
  }

  const dataWarnings: DataWarning[] = [];
  const noGoLive = projects.filter((p) => p.dateMiseEnService === undefined && p.statut !== 'retire');
  if (noGoLive.length) dataWarnings.push({ kind: 'noGoLive', projects: noGoLive.map((p) => ({ nom: p.nom, file: p.file })) });
  const starts = all.map((p) => yearOf(p.dateMiseEnService)).filter((y): y is number => y !== undefined);
  if (starts.length && year < Math.min(...starts)) dataWarnings.push({ kind: 'yearBeforeAny', firstYear: Math.min(...starts) });

  const city = catalogue.city ? t(catalogue.city, locale) : t(catalogue.name, locale);
  const h = options.header ?? {};
  const header: ReportHeader = {
    city: h.city ?? city,
    logo: h.logo,
    introduction: h.introduction,
    contact: h.contact,
    publicationDate: h.publicationDate ?? options.generatedOn ?? today,
  };

  return {
    year,
    header,
    dataWarnings,
    duplicates,
    locale,
    catalogue: { id: catalogue.id, version: catalogue.version, name: t(catalogue.name, locale), city: catalogue.city ? t(catalogue.city, locale) : undefined },
    organization: header.city,
    generatedOn: options.generatedOn,
    filesRead: results.length,
    projects,
    studied,
    excluded,
    unreadable,
    engagements,
    frameworks,
    derogations,
    totals: {
      projects: projects.length,
      byStatut,
      studied: studied.length,
      flagged: [...projects, ...studied].filter((p) => p.errorCount > 0).length,
      energyKwh: round3(energyKwh),
      co2eKg: round3(co2eKg),
      withEnergy,
      withCo2e,
    },
  };
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Reading the declaration's data defensively: a declaration with errors still gives what it can.

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A filled text (placeholders "A COMPLETER…" and blanks are absent). Numbers are kept as text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return isoDate(v);
  if (typeof v !== 'string' || !filled(v)) return undefined;
  return v.trim();
}

/** The mappings of a sequence (other items are skipped). */
function items(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter((x) => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

function texts(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => text(x)).filter((x): x is string => x !== undefined);
}

function date(v: unknown): string | undefined {
  const s = text(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : s;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ia\.ya?ml$/i, '');
}

function extractProject(file: string, data: Record<string, unknown>, verdicts: Record<string, Verdict>, catalogue: Catalogue, today: string, year: number): ReportProject {
  const projet = obj(data.projet);
  const ig = obj(data.interet_general);
  const ch = obj(data.controle_humain);
  const usage = obj(obj(data.bilan_annuel).usage);
  const donnees = obj(data.donnees);
  const aipd = obj(donnees.aipd);
  const droits = obj(data.droits);
  const biais = obj(droits.biais);
  const securite = obj(data.securite);
  const souv = obj(data.souverainete);
  const heb = obj(souv.hebergement);
  const rev = obj(data.reversibilite);
  const plan = obj(rev.plan_sortie);
  const env = obj(data.environnement);
  const est = obj(env.estimation_annuelle);
  const mesure = obj(env.mesure);
  const responsable = obj(projet.responsable);

  const id = text(projet.id) ?? baseName(file);
  const nom = text(projet.nom) ?? id;
  const statut = text(projet.statut);
  const dateMiseEnService = date(projet.date_mise_en_service);
  const dateRevue = date(projet.date_revue);

  const derogations: ReportDerogation[] = [];
  for (const e of catalogue.engagements) {
    const s = statementOf(data, e.id, catalogue, today);
    if (s?.statut !== 'derogation') continue;
    derogations.push({
      engagement: e.id,
      projectId: id,
      projectName: nom,
      file,
      justification: text(s.justification),
      approvedBy: text(s.validee_par),
      endDate: date(s.echeance),
      state: s.forbidden ? 'interdite' : s.missing.length ? 'incomplete' : s.expired ? 'expiree' : 'en_vigueur',
    });
  }

  const analyse = obj(securite.analyse_risques);
  return {
    file,
    framework: text(data.cadre),
    id,
    nom,
    description: text(projet.description),
    direction: text(projet.direction),
    statut,
    dateMiseEnService,
    dateRevue,
    responsable: { fonction: text(responsable.fonction), email: text(responsable.email) },
    finalite: text(ig.finalite),
    benefices: texts(ig.benefices),
    alternatives: texts(ig.alternatives_etudiees),
    indicateurs: items(ig.indicateurs).flatMap((i) => {
      const nom = text(i.nom);
      return nom ? [{ nom, cible: text(i.cible) }] : [];
    }),
    publicConcerne: text(obj(data.usagers).public_concerne),
    niveauControle: text(ch.niveau),
    validation: text(ch.validation),
    mentionIa: bool(obj(data.transparence).mention_ia),
    usage: { utilisateursActifs: num(usage.utilisateurs_actifs), requetesAn: num(usage.requetes_an) },
    donnees: {
      personnelles: bool(donnees.personnelles),
      sensibles: bool(donnees.sensibles),
      baseLegale: text(donnees.base_legale),
      aipdRealisee: bool(aipd.realisee),
      aipdReference: text(aipd.reference),
      classification: text(donnees.classification),
    },
    aiActCategorie: text(obj(droits.ai_act).categorie),
    decisionsIndividuelles: bool(droits.decisions_individuelles),
    publicationUrl: text(droits.publication_regles_url),
    biais: { evalue: bool(biais.evalue), methode: text(biais.methode), resultats: text(biais.resultats) },
    recours: text(droits.recours),
    analyseRisques: text(analyse.methode),
    risques: items(securite.risques_specifiques).flatMap((r) => {
      const risque = text(r.risque);
      return risque ? [{ risque, mesure: text(r.mesure) }] : [];
    }),
    hebergement: { fournisseur: text(heb.fournisseur), pays: text(heb.pays), qualification: text(heb.qualification) },
    extraterritorial: bool(souv.soumis_droit_extraterritorial),
    modeles: items(souv.modeles).flatMap((m) => {
      const nom = text(m.nom);
      return nom ? [{ nom, version: text(m.version), fournisseur: text(m.fournisseur), licence: text(m.licence), poidsOuverts: bool(m.poids_ouverts) }] : [];
    }),
    reversibilite: {
      planSortie: bool(plan.existe),
      reference: text(plan.reference),
      dateTest: date(plan.date_test),
      formats: texts(rev.formats_export),
      repli: text(rev.solution_de_repli),
      clause: bool(rev.clause_contractuelle),
      delaiJours: num(rev.delai_bascule_jours),
    },
    sobriete: text(env.justification_sobriete),
    mesure: { methode: text(mesure.methode), perimetre: text(mesure.perimetre) },
    energieKwh: num(est.energie_kwh),
    co2eKg: num(est.co2e_kg),
    verdicts: { ...verdicts },
    derogations,
    errors: [],
    errorCount: 0,
    warnings: 0,
    classification: classify(statut, dateMiseEnService, dateRevue, year),
  };
}
