/**
 * The annual report as one self-contained HTML file: no script, no external resource (no CDN,
 * font, image or stylesheet link), printable (@media print), accessible (lang, headings, tables
 * with <caption> and <th scope>, SVG charts with <title>/<desc>). Every user string is escaped.
 */
import { VERDICT_LABELS, t } from '../i18n';
import { VERDICTS } from '../types';
import { DEROGATION_STATES, formatDate, formatNumber, ui } from './labels';
import type { ReportModel, ReportProject } from './model';
import { ENERGY_COLOR, TEXT_COLOR, VERDICT_COLORS, energyChart, esc, verdictChart } from './svg';
import { aiActLabel, byService, energyOrder, exclusionLabel, hostingLabel, oversightLabel, quantity, reversibilityLabel, statutLabel, summaryRows, unreadableLabel } from './view';

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: ${TEXT_COLOR}; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 4px solid ${ENERGY_COLOR}; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 8px; }
h2 { font-size: 1.35rem; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #c9ced6; }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
p { max-width: 80ch; }
a { color: #0b4f9c; }
nav ol { columns: 2; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #c9ced6; padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table.projects { table-layout: fixed; }
table.summary { width: auto; min-width: 50%; }
thead th { background: #e8ecf1; }
tbody th { font-weight: 600; background: #f7f8fa; }
tbody th.sub { font-weight: 400; padding-left: 28px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.desc { display: block; font-weight: 400; color: #3d4450; margin-top: 2px; }
.flag { display: block; margin-top: 4px; color: #8a1c1c; font-weight: 600; }
.muted { color: #4a515c; }
figure { margin: 12px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart { max-width: 100%; height: auto; display: block; }
.verdict { display: inline-block; padding: 0 6px; border-radius: 3px; color: #ffffff; font-weight: 600; }
ul.findings { margin: 4px 0 12px; }
footer { margin-top: 40px; padding-top: 12px; padding-bottom: 24px; border-top: 1px solid #c9ced6; font-size: 0.85rem; color: #4a515c; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .verdict, svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Most bars in the energy chart (the heaviest projects); every figure is in the tables and the CSV. */
const MAX_ENERGY_BARS = 40;

/** Widths (%) of the project table's columns: Projet … CO2e. */
const PROJECT_COLUMN_WIDTHS = [18, 15, 11, 9, 9, 11, 11, 8, 8];

export function renderHtml(model: ReportModel): string {
  const { locale, year } = model;
  const L = locale;
  const title = `${ui('title', L, { year })} — ${model.organization}`;
  const o: string[] = [];
  const num = (s: string) => `<td class="num">${esc(s)}</td>`;

  o.push('<!DOCTYPE html>');
  o.push(`<html lang="${L}">`);
  o.push('<head>');
  o.push('<meta charset="utf-8">');
  o.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  o.push(`<title>${esc(title)}</title>`);
  o.push(`<style>${CSS}</style>`);
  o.push('</head>');
  o.push('<body>');
  o.push('<header>');
  o.push(`<h1>${esc(title)}</h1>`);
  o.push(`<p>${esc(ui('intro', L, { count: model.filesRead, catalogue: model.catalogue.name, cadre: `${model.catalogue.id}/${model.catalogue.version}` }))}</p>`);
  if (model.generatedOn) o.push(`<p class="muted">${esc(ui('generatedOn', L, { date: formatDate(model.generatedOn, L) }))}</p>`);
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
    ['a-corriger', ui('toCorrect', L)],
    ...(model.excluded.length ? ([['hors-periode', ui('outOfPeriod', L)]] as [string, string][]) : []),
    ['illisibles', ui('unreadable', L)],
  ];
  o.push(`<nav aria-label="${esc(ui('toc', L))}"><h2>${esc(ui('toc', L))}</h2><ol>`);
  for (const [id, label] of sections) o.push(`<li><a href="#${id}">${esc(label)}</a></li>`);
  o.push('</ol></nav>');

  // Summary.
  o.push(`<section id="synthese" aria-labelledby="h-synthese"><h2 id="h-synthese">${esc(ui('summary', L))}</h2>`);
  o.push(`<table class="summary"><caption>${esc(ui('summaryCaption', L, { year }))}</caption>`);
  o.push(`<thead><tr><th scope="col">${esc(ui('indicator', L))}</th><th scope="col" class="num">${esc(ui('value', L))}</th></tr></thead><tbody>`);
  for (const [k, v, sub] of summaryRows(model)) o.push(`<tr><th scope="row"${sub ? ' class="sub"' : ''}>${esc(k)}</th>${num(v)}</tr>`);
  o.push('</tbody></table></section>');

  // Projects by department.
  o.push(`<section id="projets" aria-labelledby="h-projets"><h2 id="h-projets">${esc(ui('inUse', L, { year }))}</h2>`);
  if (!model.projects.length) o.push(`<p>${esc(ui('noProject', L))}</p>`);
  const cols = ['project', 'purpose', 'status', 'oversight', 'aiAct', 'hosting', 'reversibility', 'energy', 'co2'] as const;
  for (const group of byService(model.projects, L)) {
    o.push(`<h3>${esc(group.service)}</h3>`);
    // The heading above says the department: the caption is for screen readers only.
    o.push(`<table class="projects"><caption class="sr-only">${esc(ui('projectsOf', L, { service: group.service }))}</caption>`);
    o.push(`<colgroup>${PROJECT_COLUMN_WIDTHS.map((w) => `<col style="width:${w}%">`).join('')}</colgroup><thead><tr>`);
    for (const c of cols) o.push(`<th scope="col"${c === 'energy' || c === 'co2' ? ' class="num"' : ''}>${esc(ui(c, L))}</th>`);
    o.push('</tr></thead><tbody>');
    for (const p of group.projects) o.push(projectRow(p, model));
    o.push('</tbody></table>');
  }
  o.push('</section>');

  // Engagements.
  o.push(`<section id="engagements" aria-labelledby="h-engagements"><h2 id="h-engagements">${esc(ui('engagements', L, { n: model.engagements.length }))}</h2>`);
  o.push(`<p>${esc(ui('engagementsIntro', L, { n: model.totals.projects }))}</p>`);
  if (model.projects.length) {
    o.push(`<figure>${verdictChart(model.engagements, model.totals.projects, L)}</figure>`);
  }
  o.push(`<table><caption>${esc(ui('engagementsCaption', L, { year }))}</caption><thead><tr><th scope="col">${esc(ui('engagement', L))}</th>`);
  for (const v of VERDICTS) o.push(`<th scope="col" class="num"><span class="verdict" style="background:${VERDICT_COLORS[v]}">${esc(t(VERDICT_LABELS[v], L))}</span></th>`);
  o.push('</tr></thead><tbody>');
  for (const e of model.engagements) {
    o.push(`<tr><th scope="row">${esc(e.id)} — ${esc(e.title)}</th>${VERDICTS.map((v) => num(formatNumber(e.counts[v], L))).join('')}</tr>`);
  }
  o.push('</tbody></table></section>');

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
    o.push(`<table><caption>${esc(ui('derogationsCaption', L, { year }))}</caption><thead><tr>`);
    for (const k of ['engagement', 'project', 'justification', 'approvedBy', 'endDate', 'state'] as const) o.push(`<th scope="col">${esc(ui(k, L))}</th>`);
    o.push('</tr></thead><tbody>');
    const ns = ui('notStated', L);
    for (const d of model.derogations) {
      o.push(
        `<tr><th scope="row">${esc(d.engagement)}</th><td>${esc(d.projectName)}</td><td>${esc(d.justification ?? ns)}</td><td>${esc(d.approvedBy ?? ns)}</td>` +
          `<td>${esc(d.endDate ? formatDate(d.endDate, L) : ns)}</td><td>${esc(t(DEROGATION_STATES[d.state], L))}</td></tr>`,
      );
    }
    o.push('</tbody></table>');
  }
  o.push('</section>');

  // Projects under study.
  o.push(`<section id="etude" aria-labelledby="h-etude"><h2 id="h-etude">${esc(ui('studied', L))}</h2><p>${esc(ui('studiedIntro', L))}</p>`);
  if (model.studied.length) {
    o.push(`<table><caption>${esc(ui('studied', L))}</caption><thead><tr>`);
    for (const k of ['project', 'service', 'status', 'purpose'] as const) o.push(`<th scope="col">${esc(ui(k, L))}</th>`);
    o.push('</tr></thead><tbody>');
    const ns = ui('notStated', L);
    for (const p of model.studied) {
      const flag = p.errorCount > 0 ? `<span class="flag">⚠ ${esc(ui('flagErrors', L, { n: p.errorCount }))}</span>` : '';
      o.push(`<tr><th scope="row">${esc(p.nom)}${flag}</th><td>${esc(p.direction ?? ns)}</td><td>${esc(statutLabel(p, L))}</td><td>${esc(p.finalite ?? ns)}</td></tr>`);
    }
    o.push('</tbody></table>');
  }
  o.push('</section>');

  // Method.
  o.push(`<section id="methode" aria-labelledby="h-methode"><h2 id="h-methode">${esc(ui('method', L))}</h2>`);
  o.push(`<p>${esc(ui('methodYear', L, { year }))}</p><p>${esc(ui('methodVerdicts', L))}</p></section>`);

  // Declarations to correct.
  o.push(`<section id="a-corriger" aria-labelledby="h-a-corriger"><h2 id="h-a-corriger">${esc(ui('toCorrect', L))}</h2>`);
  const flagged = [...model.projects, ...model.studied].filter((p) => p.errorCount > 0);
  if (!flagged.length) o.push(`<p>${esc(ui('toCorrectNone', L))}</p>`);
  else {
    o.push(`<p>${esc(ui('toCorrectIntro', L))}</p><ul>`);
    for (const p of flagged) {
      o.push(`<li><strong>${esc(p.nom)}</strong> <span class="muted">(${esc(p.file)})</span> : ${esc(ui('flagErrors', L, { n: p.errorCount }))}<ul class="findings">`);
      for (const f of p.errors) o.push(`<li>${esc(ui('line', L, { n: f.line }))} — <code>${esc(f.code)}</code> — ${esc(f.message)}</li>`);
      if (p.errorCount > p.errors.length) o.push(`<li>${esc(ui('more', L, { n: p.errorCount - p.errors.length }))}</li>`);
      o.push('</ul></li>');
    }
    o.push('</ul>');
  }
  o.push('</section>');

  // Out of the year.
  if (model.excluded.length) {
    o.push(`<section id="hors-periode" aria-labelledby="h-hors-periode"><h2 id="h-hors-periode">${esc(ui('outOfPeriod', L))}</h2>`);
    o.push(`<p>${esc(ui('outOfPeriodIntro', L, { year }))}</p><ul>`);
    for (const p of model.excluded) o.push(`<li><strong>${esc(p.nom)}</strong> <span class="muted">(${esc(p.file)})</span> : ${esc(exclusionLabel(p, model))}</li>`);
    o.push('</ul></section>');
  }

  // Unreadable files, last.
  o.push(`<section id="illisibles" aria-labelledby="h-illisibles"><h2 id="h-illisibles">${esc(ui('unreadable', L))}</h2>`);
  if (!model.unreadable.length) o.push('<p>—</p>');
  else {
    o.push(`<p>${esc(ui('unreadableIntro', L))}</p><ul>`);
    for (const u of model.unreadable) o.push(`<li><code>${esc(u.file)}</code> : ${esc(unreadableLabel(u, L))}</li>`);
    o.push('</ul>');
  }
  o.push('</section>');

  o.push('</main>');
  o.push(`<footer><p>${esc(`Cadre IA — ${model.catalogue.id}/${model.catalogue.version}`)}</p></footer>`);
  o.push('</body>');
  o.push('</html>');
  return o.join('\n') + '\n';
}

function projectRow(p: ReportProject, model: ReportModel): string {
  const L = model.locale;
  const ns = ui('notStated', L);
  const desc = p.description ? `<span class="desc">${esc(p.description)}</span>` : '';
  const flag = p.errorCount > 0 ? `<span class="flag">⚠ ${esc(ui('flagErrors', L, { n: p.errorCount }))}</span>` : '';
  const goLive = p.dateMiseEnService ? `<span class="desc">${esc(ui('goLive', L, { date: formatDate(p.dateMiseEnService, L) }))}</span>` : '';
  return (
    `<tr><th scope="row">${esc(p.nom)}${desc}${flag}</th>` +
    `<td>${esc(p.finalite ?? ns)}</td>` +
    `<td>${esc(statutLabel(p, L))}${goLive}</td>` +
    `<td>${esc(oversightLabel(p, L))}</td>` +
    `<td>${esc(aiActLabel(p, L))}</td>` +
    `<td>${esc(hostingLabel(p, L))}</td>` +
    `<td>${esc(reversibilityLabel(p, L))}</td>` +
    `<td class="num">${esc(quantity(p.energieKwh, L))}</td>` +
    `<td class="num">${esc(quantity(p.co2eKg, L))}</td></tr>`
  );
}
