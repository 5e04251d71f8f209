/**
 * Inline SVG charts of the annual report: no script, no external resource, accessible
 * (role="img", <title> and <desc> referenced by aria-labelledby; the same figures are in tables).
 */
import { VERDICT_LABELS, t } from '../i18n';
import type { Locale, Verdict } from '../types';
import { VERDICTS } from '../types';
import { formatNumber, ui } from './labels';
import type { ReportEngagement, ReportProject } from './model';

/** Verdict colours: each has a contrast of at least 4.5:1 with white (the count written on it). */
export const VERDICT_COLORS: Record<Verdict, string> = {
  conforme: '#1e7b34',
  non_conforme: '#b3261e',
  a_completer: '#8a5300',
  non_applicable: '#5c6370',
  derogation: '#3949ab',
};

export const ENERGY_COLOR = '#0b5c8a';
export const TEXT_COLOR = '#1a1a1a';

/** Escapes text for HTML and inline SVG (element content and quoted attributes). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function colon(locale: Locale): string {
  return locale === 'fr' ? ' : ' : ': ';
}

function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13">\n` +
    `<title id="${id}-title">${esc(title)}</title>\n<desc id="${id}-desc">${esc(desc)}</desc>\n`
  );
}

/** Stacked horizontal bars: one per engagement, one segment per verdict. */
export function verdictChart(engagements: ReportEngagement[], projects: number, locale: Locale, id = 'chart-verdicts'): string {
  const width = 760;
  const left = 56;
  const right = 16;
  const legendH = 34;
  const rowH = 26;
  const barH = 18;
  const height = legendH + engagements.length * rowH + 8;
  const barW = width - left - right;
  const first = engagements.length ? engagements[0].id : '';
  const last = engagements.length ? engagements[engagements.length - 1].id : '';
  let s = svgOpen(id, width, height, ui('chartVerdicts', locale), ui('chartVerdictsDesc', locale, { n: projects, first, last }));
  // Legend.
  let x = left;
  s += `<g aria-hidden="true">\n`;
  for (const v of VERDICTS) {
    const label = t(VERDICT_LABELS[v], locale);
    s += `<rect x="${x}" y="8" width="14" height="14" fill="${VERDICT_COLORS[v]}"/><text x="${x + 19}" y="20" fill="${TEXT_COLOR}">${esc(label)}</text>\n`;
    x += 19 + label.length * 7.2 + 22;
  }
  s += `</g>\n`;
  engagements.forEach((e, i) => {
    const y = legendH + i * rowH;
    s += `<g>\n<title>${esc(
      `${e.id} — ${e.title}${colon(locale)}${
        VERDICTS.filter((v) => e.counts[v] > 0)
          .map((v) => `${e.counts[v]} ${t(VERDICT_LABELS[v], locale)}`)
          .join(', ') || '0'
      }`,
    )}</title>\n`;
    s += `<text x="0" y="${y + barH - 4}" fill="${TEXT_COLOR}" font-weight="600">${esc(e.id)}</text>\n`;
    s += `<rect x="${left}" y="${y}" width="${barW}" height="${barH}" fill="#f1f3f5" stroke="#c9ced6" stroke-width="1"/>\n`;
    let offset = 0;
    for (const v of VERDICTS) {
      const c = e.counts[v];
      if (!c || !projects) continue;
      const w = (c / projects) * barW;
      s += `<rect x="${n2(left + offset)}" y="${y}" width="${n2(w)}" height="${barH}" fill="${VERDICT_COLORS[v]}"/>\n`;
      if (w >= 18) s += `<text x="${n2(left + offset + w / 2)}" y="${y + barH - 5}" fill="#ffffff" text-anchor="middle" font-weight="600">${c}</text>\n`;
      offset += w;
    }
    s += `</g>\n`;
  });
  return s + `</svg>`;
}

/** Horizontal bars: annual energy per project (projects with an estimate, highest first). */
export function energyChart(projects: ReportProject[], locale: Locale, id = 'chart-energy'): string {
  const width = 760;
  const left = 250;
  const right = 110;
  const rowH = 24;
  const barH = 16;
  const height = projects.length * rowH + 10;
  const max = Math.max(...projects.map((p) => p.energieKwh ?? 0), 0);
  const total = projects.reduce((a, p) => a + (p.energieKwh ?? 0), 0);
  const barW = width - left - right;
  let s = svgOpen(id, width, height, ui('chartEnergy', locale), ui('chartEnergyDesc', locale, { total: formatNumber(total, locale) }));
  projects.forEach((p, i) => {
    const y = 4 + i * rowH;
    const kwh = p.energieKwh ?? 0;
    const w = max > 0 ? Math.max((kwh / max) * barW, kwh > 0 ? 1 : 0) : 0;
    const value = `${formatNumber(kwh, locale)} kWh`;
    const name = p.nom.length > 34 ? `${p.nom.slice(0, 33)}…` : p.nom;
    s += `<g>\n<title>${esc(`${p.nom}${colon(locale)}${value}`)}</title>\n`;
    s += `<text x="${left - 8}" y="${y + barH - 3}" fill="${TEXT_COLOR}" text-anchor="end">${esc(name)}</text>\n`;
    s += `<rect x="${left}" y="${y}" width="${n2(w)}" height="${barH}" fill="${ENERGY_COLOR}"/>\n`;
    s += `<text x="${n2(left + w + 6)}" y="${y + barH - 3}" fill="${TEXT_COLOR}">${esc(value)}</text>\n</g>\n`;
  });
  return s + `</svg>`;
}
