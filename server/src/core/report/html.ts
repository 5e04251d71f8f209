/**
 * The annual report as one self-contained HTML file: no script, no external resource (no CDN,
 * font or stylesheet link; the logo, when configured, is embedded as a data: URL), printable
 * (@media print, A4), accessible (RGAA 4.1 / WCAG 2.1 AA: lang, headings, tables with <caption>
 * and <th scope> in focusable scrolling regions, cards under 640 px, SVG charts with
 * <title>/<desc>). Every user string is escaped. The public bilan and the internal review are two
 * pages: nothing internal (files, lines, rule codes, error counts) is in the public one.
 */
import { VERDICT_LABELS, t } from '../i18n';
import { VERDICTS } from '../types';
import { DEROGATION_STATES, formatDate, formatNumber, ui, type UiKey } from './labels';
import type { ReportModel, ReportProject } from './model';
import { ENERGY_COLOR, TEXT_COLOR, VERDICT_COLORS, energyChart, esc, verdictChart } from './svg';
import {
  aiActLabel,
  byService,
  contactHref,
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

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: ${TEXT_COLOR}; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; hyphens: manual; overflow-wrap: normal; word-break: normal; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; padding-bottom: 16px; border-bottom: 4px solid ${ENERGY_COLOR}; }
.brand { display: flex; align-items: center; gap: 16px; margin: 0 0 12px; }
.brand img { max-height: 64px; max-width: 200px; width: auto; height: auto; }
.brand p { margin: 0; font-size: 1.15rem; font-weight: 600; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 1.35rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #c9ced6; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
p { max-width: 80ch; }
.meta { color: #3d4450; }
a { color: #0b4f9c; }
nav ol { columns: 2 16em; padding-left: 1.4em; }
.table-wrap { width: 100%; overflow-x: auto; margin: 8px 0 16px; }
.table-wrap:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #c9ced6; padding: 6px 8px; text-align: left; vertical-align: top; }
td, tbody th { hyphens: auto; -webkit-hyphens: auto; }
table.summary { width: auto; min-width: 50%; }
table.projects { min-width: 960px; }
table.verdicts { min-width: 640px; }
thead th { background: #e8ecf1; }
tbody th { font-weight: 600; background: #f7f8fa; }
tbody th.sub { font-weight: 400; padding-left: 28px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.desc { display: block; font-weight: 400; color: #3d4450; margin-top: 2px; }
.muted { color: #4a515c; }
figure { margin: 12px 0 20px; }
svg.chart { max-width: 100%; height: auto; display: block; }
.verdict { display: inline-block; padding: 0 6px; border-radius: 3px; color: #ffffff; font-weight: 600; white-space: nowrap; }
footer { margin-top: 40px; padding-top: 12px; padding-bottom: 24px; border-top: 1px solid #c9ced6; font-size: 0.85rem; color: #4a515c; }
@media (max-width: 640px) {
  header, main, footer { padding-left: 14px; padding-right: 14px; }
  h1 { font-size: 1.45rem; }
  h2 { font-size: 1.2rem; }
  table.summary { width: 100%; min-width: 0; }
  /* The projects become cards: one block per project, each value under its column's name. */
  table.projects { min-width: 0; border: 0; }
  table.projects thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
  table.projects tr { display: block; border: 1px solid #c9ced6; border-radius: 4px; margin: 0 0 14px; }
  table.projects th, table.projects td { display: block; border: 0; border-top: 1px solid #e3e6ea; }
  table.projects tbody th { border-top: 0; }
  table.projects td::before { content: attr(data-label); display: block; font-weight: 600; font-size: 0.8rem; color: #3d4450; }
  table.projects td.num { text-align: left; }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  /* A table moves to the next page whole rather than leave its header alone at the bottom (a longer one still breaks, between rows). */
  .table-wrap { overflow: visible; break-inside: avoid; page-break-inside: avoid; }
  table.projects, table.verdicts { min-width: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure, .brand { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; overflow-wrap: anywhere; }
  .verdict, svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Most bars in the energy chart (the heaviest projects); every figure is in the tables and the CSV. */
const MAX_ENERGY_BARS = 40;

/** Opens a table inside its own scrolling container (a focusable region named by the caption). */
function openTable(o: string[], id: string, caption: string, cls = '', srOnlyCaption = false): void {
  o.push(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="cap-${id}">`);
  o.push(`<table${cls ? ` class="${cls}"` : ''}><caption id="cap-${id}"${srOnlyCaption ? ' class="sr-only"' : ''}>${esc(caption)}</caption>`);
}

function closeTable(o: string[]): void {
  o.push('</tbody></table></div>');
}

function head(model: ReportModel, title: string): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${model.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  ];
}

/**
 * The public bilan: what the declarations say and the verdicts in plain words. Nothing internal:
 * no file name, line, rule code or error count (those are in renderReviewHtml).
 */
export function renderHtml(model: ReportModel): string {
  const { locale, year, header } = model;
  const L = locale;
  const title = `${ui('title', L, { year })} — ${header.city}`;
  const o: string[] = head(model, title);
  const num = (s: string, label?: string) => `<td class="num"${label ? ` data-label="${esc(label)}"` : ''}>${esc(s)}</td>`;

  o.push('<header>');
  o.push('<div class="brand">');
  if (header.logo) o.push(`<img src="${esc(header.logo.dataUrl)}" alt="${esc(header.logo.alt)}">`);
  o.push(`<p>${esc(header.city)}</p></div>`);
  o.push(`<h1>${esc(ui('title', L, { year }))}</h1>`);
  for (const para of introText(model).split(/\n\s*\n/)) if (para.trim()) o.push(`<p>${esc(para.trim())}</p>`);
  const meta = [esc(ui('publishedOn', L, { date: formatDate(header.publicationDate, L) }))];
  if (header.contact) {
    const href = contactHref(header.contact);
    meta.push(`${esc(ui('contact', L))}${L === 'fr' ? ' : ' : ': '}${href ? `<a href="${esc(href)}">${esc(header.contact)}</a>` : esc(header.contact)}`);
  }
  o.push(`<p class="meta">${meta.join(' · ')}</p>`);
  o.push('</header>');
  o.push('<main>');

  const sections: [string, string][] = [
    ['synthese', ui('summary', L)],
    ['projets', ui('inUse', L, { year })],
    ['engagements', ui('engagements', L, { n: model.engagements.length })],
    ['energie', ui('energyHeading', L)],
    ['derogations', ui('derogations', L)],
    ['etude', ui('studied', L)],
    ['methode', ui('method', L)],
  ];
  o.push(`<nav aria-label="${esc(ui('toc', L))}"><h2>${esc(ui('toc', L))}</h2><ol>`);
  for (const [id, label] of sections) o.push(`<li><a href="#${id}">${esc(label)}</a></li>`);
  o.push('</ol></nav>');

  // Summary.
  o.push(`<section id="synthese" aria-labelledby="h-synthese"><h2 id="h-synthese">${esc(ui('summary', L))}</h2>`);
  openTable(o, 'synthese', ui('summaryCaption', L, { year }), 'summary');
  o.push(`<thead><tr><th scope="col">${esc(ui('indicator', L))}</th><th scope="col" class="num">${esc(ui('value', L))}</th></tr></thead><tbody>`);
  for (const [k, v, sub] of summaryRows(model)) o.push(`<tr><th scope="row"${sub ? ' class="sub"' : ''}>${esc(k)}</th>${num(v)}</tr>`);
  closeTable(o);
  o.push('</section>');

  // Projects by department.
  o.push(`<section id="projets" aria-labelledby="h-projets"><h2 id="h-projets">${esc(ui('inUse', L, { year }))}</h2>`);
  if (!model.projects.length) o.push(`<p>${esc(ui('noProject', L))}</p>`);
  const cols = ['project', 'purpose', 'status', 'oversight', 'aiAct', 'hosting', 'reversibility', 'energy', 'co2'] as const;
  byService(model.projects, L).forEach((group, i) => {
    o.push(`<h3>${esc(group.service)}</h3>`);
    // The heading above says the department: the caption is for screen readers only.
    openTable(o, `projets-${i + 1}`, ui('projectsOf', L, { service: group.service }), 'projects', true);
    o.push('<thead><tr>');
    for (const c of cols) o.push(`<th scope="col"${c === 'energy' || c === 'co2' ? ' class="num"' : ''}>${esc(ui(c, L))}</th>`);
    o.push('</tr></thead><tbody>');
    for (const p of group.projects) o.push(projectRow(p, model));
    closeTable(o);
  });
  o.push('</section>');

  // Engagements.
  o.push(`<section id="engagements" aria-labelledby="h-engagements"><h2 id="h-engagements">${esc(ui('engagements', L, { n: model.engagements.length }))}</h2>`);
  o.push(`<p>${esc(ui('engagementsIntro', L, { n: model.totals.projects }))}</p>`);
  // Several frameworks (a city, its métropole, the legal baseline): one chart and table each.
  const groups = model.frameworks.length > 1 ? model.frameworks : [{ cadre: '', name: '', projects: model.totals.projects, engagements: model.engagements }];
  groups.forEach((g, k) => {
    const suffix = g.cadre ? `-${k + 1}` : '';
    if (g.cadre) o.push(`<h3 id="h-cadre${suffix}">${esc(ui('frameworkGroup', L, { name: g.name, cadre: g.cadre, n: g.projects }))}</h3>`);
    if (g.projects) {
      o.push(`<figure>${verdictChart(g.engagements, g.projects, L, `chart-verdicts${suffix}`)}</figure>`);
    }
    openTable(o, `engagements${suffix}`, ui('engagementsCaption', L, { year }) + (g.cadre ? ` — ${g.cadre}` : ''), 'verdicts');
    o.push(`<thead><tr><th scope="col">${esc(ui('engagement', L))}</th>`);
    for (const v of VERDICTS) o.push(`<th scope="col" class="num"><span class="verdict" style="background:${VERDICT_COLORS[v]}">${esc(t(VERDICT_LABELS[v], L))}</span></th>`);
    o.push('</tr></thead><tbody>');
    for (const e of g.engagements) {
      o.push(`<tr><th scope="row">${esc(e.id)} — ${esc(e.title)}</th>${VERDICTS.map((v) => num(formatNumber(e.counts[v], L))).join('')}</tr>`);
    }
    closeTable(o);
  });
  o.push('</section>');

  // Energy.
  o.push(`<section id="energie" aria-labelledby="h-energie"><h2 id="h-energie">${esc(ui('energyHeading', L))}</h2>`);
  const measured = energyOrder(model.projects);
  if (!measured.length) o.push(`<p>${esc(ui('energyEmpty', L))}</p>`);
  else {
    o.push(`<figure>${energyChart(measured.slice(0, MAX_ENERGY_BARS), L)}</figure>`);
    if (measured.length > MAX_ENERGY_BARS) o.push(`<p>${esc(ui('energyTop', L, { n: MAX_ENERGY_BARS, total: measured.length }))}</p>`);
  }
  const unmeasured = model.projects.filter((p) => p.energieKwh === undefined);
  if (unmeasured.length) o.push(`<p>${esc(ui('energyNone', L, { list: unmeasured.map((p) => p.nom).join(', ') }))}</p>`);
  o.push('</section>');

  // Derogations.
  o.push(`<section id="derogations" aria-labelledby="h-derogations"><h2 id="h-derogations">${esc(ui('derogations', L))}</h2>`);
  if (!model.derogations.length) o.push(`<p>${esc(ui('derogationsNone', L))}</p>`);
  else {
    openTable(o, 'derogations', ui('derogationsCaption', L, { year }));
    o.push('<thead><tr>');
    for (const k of ['engagement', 'project', 'justification', 'approvedBy', 'endDate', 'state'] as const) o.push(`<th scope="col">${esc(ui(k, L))}</th>`);
    o.push('</tr></thead><tbody>');
    const ns = ui('notStated', L);
    for (const d of model.derogations) {
      o.push(
        `<tr><th scope="row">${esc(d.engagement)}</th><td>${esc(d.projectName)}</td><td>${esc(d.justification ?? ns)}</td><td>${esc(d.approvedBy ?? ns)}</td>` +
          `<td>${esc(d.endDate ? formatDate(d.endDate, L) : ns)}</td><td>${esc(t(DEROGATION_STATES[d.state], L))}</td></tr>`,
      );
    }
    closeTable(o);
  }
  o.push('</section>');

  // Projects under study.
  o.push(`<section id="etude" aria-labelledby="h-etude"><h2 id="h-etude">${esc(ui('studied', L))}</h2><p>${esc(ui('studiedIntro', L))}</p>`);
  if (model.studied.length) {
    openTable(o, 'etude', ui('studied', L));
    o.push('<thead><tr>');
    for (const k of ['project', 'service', 'status', 'purpose'] as const) o.push(`<th scope="col">${esc(ui(k, L))}</th>`);
    o.push('</tr></thead><tbody>');
    const ns = ui('notStated', L);
    for (const p of model.studied) {
      o.push(`<tr><th scope="row">${esc(p.nom)}</th><td>${esc(p.direction ?? ns)}</td><td>${esc(statutLabel(p, L))}</td><td>${esc(p.finalite ?? ns)}</td></tr>`);
    }
    closeTable(o);
  }
  o.push('</section>');

  // Method.
  o.push(`<section id="methode" aria-labelledby="h-methode"><h2 id="h-methode">${esc(ui('method', L))}</h2>`);
  o.push(`<p>${esc(ui('methodYear', L, { year }))}</p><p>${esc(ui('methodVerdicts', L))}</p></section>`);

  o.push('</main>');
  o.push(`<footer><p>${esc(`Cadre IA — ${model.catalogue.name} (${model.catalogue.id}/${model.catalogue.version})`)}</p></footer>`);
  o.push('</body>');
  o.push('</html>');
  return o.join('\n') + '\n';
}

/**
 * The internal review that goes with the bilan (never published): declarations to correct with
 * file, line, rule code and message; duplicate identifiers; declarations outside the year;
 * unreadable files; warnings about the data.
 */
export function renderReviewHtml(model: ReportModel): string {
  const { locale: L, year, header } = model;
  const title = ui('reviewTitle', L, { year, city: header.city });
  const o: string[] = head(model, title);
  o.push('<header>');
  o.push(`<h1>${esc(title)}</h1>`);
  o.push(`<p>${esc(ui('reviewIntro', L, { count: model.filesRead, cadre: `${model.catalogue.id}/${model.catalogue.version}` }))}</p>`);
  o.push('</header>');
  o.push('<main>');

  o.push(`<section id="synthese" aria-labelledby="h-synthese"><h2 id="h-synthese">${esc(ui('summary', L))}</h2>`);
  openTable(o, 'synthese', ui('summaryCaption', L, { year }), 'summary');
  o.push(`<thead><tr><th scope="col">${esc(ui('indicator', L))}</th><th scope="col" class="num">${esc(ui('value', L))}</th></tr></thead><tbody>`);
  for (const [k, v, sub] of summaryRows(model, true)) o.push(`<tr><th scope="row"${sub ? ' class="sub"' : ''}>${esc(k)}</th><td class="num">${esc(v)}</td></tr>`);
  closeTable(o);
  o.push('</section>');

  o.push(`<section id="avertissements" aria-labelledby="h-avertissements"><h2 id="h-avertissements">${esc(ui('dataWarnings', L))}</h2>`);
  const warnings = dataWarningTexts(model);
  if (!warnings.length) o.push(`<p>${esc(ui('dataWarningsNone', L))}</p>`);
  else o.push(`<ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  o.push('</section>');

  o.push(`<section id="doublons" aria-labelledby="h-doublons"><h2 id="h-doublons">${esc(ui('duplicates', L))}</h2>`);
  if (!model.duplicates.length) o.push('<p>—</p>');
  else {
    o.push(`<p>${esc(ui('duplicatesIntro', L))}</p><ul>`);
    for (const d of model.duplicates) o.push(`<li>${esc(ui('duplicateOf', L, { id: d.id, files: d.files.join(', ') }))}</li>`);
    o.push('</ul>');
  }
  o.push('</section>');

  o.push(`<section id="a-corriger" aria-labelledby="h-a-corriger"><h2 id="h-a-corriger">${esc(ui('toCorrect', L))}</h2>`);
  const flagged = [...model.projects, ...model.studied].filter((p) => p.errorCount > 0);
  if (!flagged.length) o.push(`<p>${esc(ui('toCorrectNone', L))}</p>`);
  else {
    o.push(`<p>${esc(ui('toCorrectIntro', L))}</p><ul>`);
    for (const p of flagged) {
      o.push(`<li><strong>${esc(p.nom)}</strong> <span class="muted">(${esc(p.file)})</span> : ${esc(ui('flagErrors', L, { n: p.errorCount }))}<ul>`);
      for (const f of p.errors) o.push(`<li>${esc(ui('line', L, { n: f.line }))} — <code>${esc(f.code)}</code> — ${esc(f.message)}</li>`);
      if (p.errorCount > p.errors.length) o.push(`<li>${esc(ui('more', L, { n: p.errorCount - p.errors.length }))}</li>`);
      o.push('</ul></li>');
    }
    o.push('</ul>');
  }
  o.push('</section>');

  if (model.excluded.length) {
    o.push(`<section id="hors-periode" aria-labelledby="h-hors-periode"><h2 id="h-hors-periode">${esc(ui('outOfPeriod', L))}</h2>`);
    o.push(`<p>${esc(ui('outOfPeriodIntro', L, { year }))}</p><ul>`);
    for (const p of model.excluded) o.push(`<li><strong>${esc(p.nom)}</strong> <span class="muted">(${esc(p.file)})</span> : ${esc(exclusionLabel(p, model))}</li>`);
    o.push('</ul></section>');
  }

  o.push(`<section id="illisibles" aria-labelledby="h-illisibles"><h2 id="h-illisibles">${esc(ui('unreadable', L))}</h2>`);
  if (!model.unreadable.length) o.push('<p>—</p>');
  else {
    o.push(`<p>${esc(ui('unreadableIntro', L))}</p><ul>`);
    for (const u of model.unreadable) o.push(`<li><code>${esc(u.file)}</code> : ${esc(unreadableLabel(u, L))}</li>`);
    o.push('</ul>');
  }
  o.push('</section>');
  o.push('</main>');
  o.push('</body>');
  o.push('</html>');
  return o.join('\n') + '\n';
}

function projectRow(p: ReportProject, model: ReportModel): string {
  const L = model.locale;
  const ns = ui('notStated', L);
  const desc = p.description ? `<span class="desc">${esc(p.description)}</span>` : '';
  const goLive = p.dateMiseEnService ? `<span class="desc">${esc(ui('goLive', L, { date: formatDate(p.dateMiseEnService, L) }))}</span>` : '';
  const td = (key: UiKey, value: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''} data-label="${esc(ui(key, L))}">${value}</td>`;
  return (
    `<tr><th scope="row">${esc(p.nom)}${desc}</th>` +
    td('purpose', esc(p.finalite ?? ns)) +
    td('status', esc(statutLabel(p, L)) + goLive) +
    td('oversight', esc(oversightLabel(p, L))) +
    td('aiAct', esc(aiActLabel(p, L))) +
    td('hosting', esc(hostingLabel(p, L))) +
    td('reversibility', esc(reversibilityLabel(p, L))) +
    td('energy', esc(quantity(p.energieKwh, L)), 'num') +
    td('co2', esc(quantity(p.co2eKg, L)), 'num') +
    '</tr>'
  );
}
