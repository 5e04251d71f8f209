/** Plain-text cells shared by the Markdown and HTML renderers (they escape them, each its own way). */
import { ioMessage } from '../fileResult';
import type { Locale } from '../types';
import { enumLabel, formatDate, formatNumber, listSep, ui } from './labels';
import type { ReportModel, ReportProject, UnreadableFile } from './model';

export function statutLabel(p: ReportProject, locale: Locale): string {
  return p.statut ? enumLabel(['projet', 'statut'], p.statut, locale) : ui('notStated', locale);
}

export function oversightLabel(p: ReportProject, locale: Locale): string {
  return p.niveauControle ? enumLabel(['controle_humain', 'niveau'], p.niveauControle, locale) : ui('notStated', locale);
}

export function aiActLabel(p: ReportProject, locale: Locale): string {
  return p.aiActCategorie ? enumLabel(['droits', 'ai_act', 'categorie'], p.aiActCategorie, locale) : ui('notStated', locale);
}

export function hostingLabel(p: ReportProject, locale: Locale): string {
  const h = p.hebergement;
  const parts: string[] = [];
  if (h.pays) parts.push(enumLabel(['souverainete', 'hebergement', 'pays'], h.pays, locale));
  if (h.qualification === 'aucune') parts.push(ui('noQualification', locale));
  else if (h.qualification) parts.push(enumLabel(['souverainete', 'hebergement', 'qualification'], h.qualification, locale));
  if (!h.fournisseur && !parts.length) return ui('notStated', locale);
  if (!h.fournisseur) return parts.join(', ');
  return parts.length ? `${h.fournisseur} (${parts.join(', ')})` : h.fournisseur;
}

export function reversibilityLabel(p: ReportProject, locale: Locale): string {
  const r = p.reversibilite;
  const parts: string[] = [];
  if (r.planSortie === true) parts.push(r.dateTest ? ui('exitPlanTested', locale, { date: formatDate(r.dateTest, locale) }) : ui('exitPlan', locale));
  else if (r.planSortie === false) parts.push(ui('noExitPlan', locale));
  if (r.delaiJours !== undefined) parts.push(ui(r.delaiJours === 1 ? 'switchDay' : 'switchDays', locale, { n: formatNumber(r.delaiJours, locale) }));
  if (r.formats.length) parts.push(ui('exportFormats', locale, { formats: r.formats.join(', ') }));
  if (r.clause === true) parts.push(ui('contractClause', locale));
  return parts.length ? parts.join(listSep(locale)).replace(/^./, (c) => c.toUpperCase()) : ui('notStated', locale);
}

export function quantity(v: number | undefined, locale: Locale): string {
  return v === undefined ? ui('notStated', locale) : formatNumber(v, locale);
}

export function exclusionLabel(p: ReportProject, model: ReportModel): string {
  const { locale, year } = model;
  const c = p.classification;
  const d = c.date ? formatDate(c.date, locale) : '';
  if (c.reason === 'future') return ui('reasonFuture', locale, { date: d, year });
  if (c.reason === 'retired_before') return ui('reasonRetired', locale, { date: d, year });
  return ui('reasonRetiredNoDate', locale);
}

export function unreadableLabel(u: UnreadableFile, locale: Locale): string {
  if (u.reason === '') return ui('notADeclaration', locale);
  if (/^E[A-Z]+$/.test(u.reason)) return ioMessage(u.reason, locale);
  if (!u.line) return u.reason;
  return `${ui('line', locale, { n: u.line })}${locale === 'fr' ? ' : ' : ': '}${u.reason}`;
}

/** The counted projects grouped by department, in the model's order. */
export function byService(projects: ReportProject[], locale: Locale): { service: string; projects: ReportProject[] }[] {
  const groups: { service: string; projects: ReportProject[] }[] = [];
  for (const p of projects) {
    const service = p.direction ?? ui('unknownService', locale);
    const last = groups[groups.length - 1];
    if (last && last.service === service) last.projects.push(p);
    else groups.push({ service, projects: [p] });
  }
  return groups;
}

/** The rows of the summary table: [label, value, whether it details the row above]. */
export function summaryRows(model: ReportModel, internal = false): [string, string, boolean?][] {
  const { locale, totals, year } = model;
  const rows: [string, string, boolean?][] = [[ui('inUse', locale, { year }), formatNumber(totals.projects, locale)]];
  for (const s of ['production', 'experimentation', 'retire']) {
    const n = totals.byStatut[s];
    if (!n) continue;
    const label = s === 'retire' ? ui('retiredDuring', locale) : enumLabel(['projet', 'statut'], s, locale).toLowerCase();
    rows.push([ui('ofWhich', locale, { label }), formatNumber(n, locale), true]);
  }
  const other = Object.entries(totals.byStatut).filter(([s]) => !['production', 'experimentation', 'retire'].includes(s));
  for (const [s, n] of other) rows.push([ui('ofWhich', locale, { label: s ? s : ui('notStated', locale) }), formatNumber(n, locale), true]);
  rows.push([ui('studied', locale), formatNumber(totals.studied, locale)]);
  if (internal) {
    rows.push([ui('flaggedCount', locale), formatNumber(totals.flagged, locale)]);
    rows.push([ui('unreadableCount', locale), formatNumber(model.unreadable.length, locale)]);
  }
  rows.push([ui('energyTotal', locale), ui('onProjects', locale, { value: `${formatNumber(totals.energyKwh, locale)} kWh`, n: totals.withEnergy, total: totals.projects })]);
  rows.push([ui('co2Total', locale), ui('onProjects', locale, { value: `${formatNumber(totals.co2eKg, locale)} kg CO2e`, n: totals.withCo2e, total: totals.projects })]);
  return rows;
}

/** Projects with an energy estimate, highest first (then by name). */
export function energyOrder(projects: ReportProject[]): ReportProject[] {
  return projects.filter((p) => p.energieKwh !== undefined).sort((a, b) => (b.energieKwh ?? 0) - (a.energieKwh ?? 0) || (a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0) || (a.file < b.file ? -1 : 1));
}

/** The standard introduction, when the report configuration gives none. */
export function introText(model: ReportModel): string {
  return model.header.introduction ?? ui('intro', model.locale, { city: model.header.city, year: model.year, catalogue: model.catalogue.name });
}

/** The internal review's warnings about the data, as sentences. */
export function dataWarningTexts(model: ReportModel): string[] {
  const { locale, year } = model;
  return model.dataWarnings.map((w) =>
    w.kind === 'noGoLive'
      ? ui('warnNoGoLive', locale, { year, list: w.projects.map((p) => `${p.nom} (${p.file})`).join(listSep(locale)) })
      : ui('warnYearBeforeAny', locale, { year, first: w.firstYear }),
  );
}

/** `mailto:` for an e-mail address, the URL itself for a web page, nothing otherwise. */
export function contactHref(contact: string): string | undefined {
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(contact)) return `mailto:${contact}`;
  if (/^https?:\/\/[^\s<>"]+$/.test(contact)) return contact;
  return undefined;
}
