/** The annual report as Markdown (CommonMark + GitHub tables). Every user string is escaped. */
import { VERDICT_LABELS, t } from '../i18n';
import { VERDICTS } from '../types';
import { DEROGATION_STATES, formatDate, formatNumber, ui } from './labels';
import type { ReportModel, ReportProject } from './model';
import {
  aiActLabel,
  byService,
  dataWarningTexts,
  energyOrder,
  exclusionLabel,
  hostingLabel,
  introText,
  oversightLabel,
  quantity,
  reversibilityLabel,
  statutLabel,
  summaryRows,
  unreadableLabel,
} from './view';

/**
 * Escapes text for Markdown: the punctuation that can open inline markup anywhere in a line
 * (emphasis, code, links and images, raw HTML and autolinks, table pipes, strikethrough) is
 * backslash-escaped, `&` becomes `&amp;` (no entity can be smuggled in), and line breaks become
 * spaces (a cell stays a cell, a list item stays one item). User strings never start a line in
 * the report, so block markers (`#`, `-`, `>`) need no escape.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** A text cell: escaped, and never empty (an empty cell reads as a missing column). */
function cell(s: string | undefined, fallback = '—'): string {
  return s === undefined || s === '' ? fallback : mdEscape(s);
}

function table(head: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const sep = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [head, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function renderMarkdown(model: ReportModel): string {
  const { locale, year } = model;
  const out: string[] = [];
  const h = (level: number, text: string) => out.push(`${'#'.repeat(level)} ${text}`, '');
  const p = (text: string) => out.push(text, '');

  h(1, `${mdEscape(ui('title', locale, { year }))} — ${mdEscape(model.header.city)}`);
  for (const para of introText(model).split(/\n\s*\n/)) if (para.trim()) p(mdEscape(para.trim()));
  const meta = [mdEscape(ui('publishedOn', locale, { date: formatDate(model.header.publicationDate, locale) }))];
  if (model.header.contact) meta.push(`${mdEscape(ui('contact', locale))}${locale === 'fr' ? ' : ' : ': '}${mdEscape(model.header.contact)}`);
  p(meta.join(' · '));

  h(2, mdEscape(ui('summary', locale)));
  p(
    table(
      [ui('indicator', locale), ui('value', locale)].map(mdEscape),
      summaryRows(model).map(([k, v]) => [mdEscape(k), mdEscape(v)]),
      ['l', 'r'],
    ),
  );

  h(2, mdEscape(ui('inUse', locale, { year })));
  if (!model.projects.length) p(mdEscape(ui('noProject', locale)));
  const head = ['project', 'purpose', 'status', 'oversight', 'aiAct', 'hosting', 'reversibility', 'energy', 'co2'] as const;
  for (const group of byService(model.projects, locale)) {
    h(3, mdEscape(group.service));
    p(
      table(
        head.map((k) => mdEscape(ui(k, locale))),
        group.projects.map((pr) => projectRow(pr, model)),
        ['l', 'l', 'l', 'l', 'l', 'l', 'l', 'r', 'r'],
      ),
    );
  }

  const groups = model.frameworks.length > 1 ? model.frameworks : [{ cadre: '', name: '', projects: model.totals.projects, engagements: model.engagements }];
  h(2, mdEscape(ui('engagements', locale, { n: groups.reduce((n, g) => n + g.engagements.length, 0) })));
  p(mdEscape(ui('engagementsIntro', locale, { n: model.totals.projects })));
  for (const g of groups) {
    // Several frameworks (a city, its métropole, the legal baseline): one table each.
    if (g.cadre) h(3, mdEscape(ui('frameworkGroup', locale, { name: g.name, cadre: g.cadre, n: g.projects })));
    p(
      table(
        [ui('engagement', locale), ...VERDICTS.map((v) => t(VERDICT_LABELS[v], locale))].map(mdEscape),
        g.engagements.map((e) => [`${mdEscape(e.id)} — ${mdEscape(e.title)}`, ...VERDICTS.map((v) => formatNumber(e.counts[v], locale))]),
        ['l', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
  }

  h(2, mdEscape(ui('energyHeading', locale)));
  const measured = energyOrder(model.projects);
  if (!measured.length) p(mdEscape(ui('energyEmpty', locale)));
  else
    p(
      table(
        [ui('project', locale), ui('energy', locale), ui('co2', locale)].map(mdEscape),
        measured.map((pr) => [cell(pr.nom), mdEscape(quantity(pr.energieKwh, locale)), mdEscape(quantity(pr.co2eKg, locale))]),
        ['l', 'r', 'r'],
      ),
    );
  const unmeasured = model.projects.filter((pr) => pr.energieKwh === undefined);
  if (unmeasured.length) p(mdEscape(ui('energyNone', locale, { list: unmeasured.map((pr) => pr.nom).join(', ') })));

  h(2, mdEscape(ui('derogations', locale)));
  if (!model.derogations.length) p(mdEscape(ui('derogationsNone', locale)));
  else
    p(
      table(
        ['engagement', 'project', 'justification', 'approvedBy', 'endDate', 'state'].map((k) => mdEscape(ui(k as 'engagement', locale))),
        model.derogations.map((d) => [
          mdEscape(d.engagement),
          cell(d.projectName),
          cell(d.justification, mdEscape(ui('notStated', locale))),
          cell(d.approvedBy, mdEscape(ui('notStated', locale))),
          d.endDate ? mdEscape(formatDate(d.endDate, locale)) : mdEscape(ui('notStated', locale)),
          mdEscape(t(DEROGATION_STATES[d.state], locale)),
        ]),
      ),
    );

  h(2, mdEscape(ui('studied', locale)));
  p(mdEscape(ui('studiedIntro', locale)));
  if (model.studied.length)
    p(
      table(
        ['project', 'service', 'status', 'purpose'].map((k) => mdEscape(ui(k as 'project', locale))),
        model.studied.map((pr) => [cell(pr.nom), cell(pr.direction, mdEscape(ui('notStated', locale))), mdEscape(statutLabel(pr, locale)), cell(pr.finalite, mdEscape(ui('notStated', locale)))]),
      ),
    );

  h(2, mdEscape(ui('method', locale)));
  p(mdEscape(ui('methodYear', locale, { year })));
  p(mdEscape(ui('methodVerdicts', locale)));

  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function projectRow(pr: ReportProject, model: ReportModel): string[] {
  const { locale } = model;
  let name = `**${mdEscape(pr.nom)}**`;
  if (pr.description) name += ` — ${mdEscape(pr.description)}`;
  return [
    name,
    cell(pr.finalite, mdEscape(ui('notStated', locale))),
    mdEscape(statutLabel(pr, locale)) + (pr.dateMiseEnService ? ` (${mdEscape(ui('goLive', locale, { date: formatDate(pr.dateMiseEnService, locale) }))})` : ''),
    mdEscape(oversightLabel(pr, locale)),
    mdEscape(aiActLabel(pr, locale)),
    mdEscape(hostingLabel(pr, locale)),
    mdEscape(reversibilityLabel(pr, locale)),
    mdEscape(quantity(pr.energieKwh, locale)),
    mdEscape(quantity(pr.co2eKg, locale)),
  ];
}

/** The internal review as Markdown (never published): see renderReviewHtml. */
export function renderReviewMarkdown(model: ReportModel): string {
  const { locale, year } = model;
  const out: string[] = [];
  const h = (level: number, text: string) => out.push(`${'#'.repeat(level)} ${text}`, '');
  const p = (text: string) => out.push(text, '');
  h(1, mdEscape(ui('reviewTitle', locale, { year, city: model.header.city })));
  p(mdEscape(ui('reviewIntro', locale, { count: model.filesRead, cadre: `${model.catalogue.id}/${model.catalogue.version}` })));

  h(2, mdEscape(ui('summary', locale)));
  p(
    table(
      [ui('indicator', locale), ui('value', locale)].map(mdEscape),
      summaryRows(model, true).map(([k, v]) => [mdEscape(k), mdEscape(v)]),
      ['l', 'r'],
    ),
  );

  h(2, mdEscape(ui('dataWarnings', locale)));
  const warnings = dataWarningTexts(model);
  p(warnings.length ? warnings.map((w) => `- ${mdEscape(w)}`).join('\n') : mdEscape(ui('dataWarningsNone', locale)));

  h(2, mdEscape(ui('duplicates', locale)));
  if (!model.duplicates.length) p('—');
  else {
    p(mdEscape(ui('duplicatesIntro', locale)));
    p(model.duplicates.map((d) => `- ${mdEscape(ui('duplicateOf', locale, { id: d.id, files: d.files.join(', ') }))}`).join('\n'));
  }

  h(2, mdEscape(ui('toCorrect', locale)));
  const flagged = [...model.projects, ...model.studied].filter((pr) => pr.errorCount > 0);
  if (!flagged.length) p(mdEscape(ui('toCorrectNone', locale)));
  else {
    p(mdEscape(ui('toCorrectIntro', locale)));
    const lines: string[] = [];
    for (const pr of flagged) {
      lines.push(`- **${mdEscape(pr.nom)}** (${mdEscape(pr.file)}) : ${mdEscape(ui('flagErrors', locale, { n: pr.errorCount }))}`);
      for (const f of pr.errors) lines.push(`  - ${mdEscape(ui('line', locale, { n: f.line }))} — ${mdEscape(f.code)} — ${mdEscape(f.message)}`);
      if (pr.errorCount > pr.errors.length) lines.push(`  - ${mdEscape(ui('more', locale, { n: pr.errorCount - pr.errors.length }))}`);
    }
    p(lines.join('\n'));
  }

  if (model.excluded.length) {
    h(2, mdEscape(ui('outOfPeriod', locale)));
    p(mdEscape(ui('outOfPeriodIntro', locale, { year })));
    p(model.excluded.map((pr) => `- **${mdEscape(pr.nom)}** (${mdEscape(pr.file)}) : ${mdEscape(exclusionLabel(pr, model))}`).join('\n'));
  }

  h(2, mdEscape(ui('unreadable', locale)));
  if (!model.unreadable.length) p('—');
  else {
    p(mdEscape(ui('unreadableIntro', locale)));
    p(model.unreadable.map((u) => `- ${mdEscape(u.file)} : ${mdEscape(unreadableLabel(u, locale))}`).join('\n'));
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
