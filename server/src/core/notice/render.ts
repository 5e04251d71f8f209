/**
 * The notice as Markdown (CommonMark) and as one self-contained HTML page (no script, no external
 * resource; the bilan's stylesheet family; accessible: lang, one h1, sections named by their
 * heading, gaps marked in text and not by colour alone). Every user string is escaped.
 */
import { mdEscape } from '../report/markdown';
import { ENERGY_COLOR, TEXT_COLOR, esc } from '../report/svg';
import type { Block, NoticeModel, Run } from './model';
import { nt } from './texts';

function mdRuns(runs: Run[], model: NoticeModel): string {
  return runs
    .map((r) => {
      if ('gap' in r) return `**\\[${mdEscape(nt('gap', model.locale, { v: r.gap }))}\\]**`;
      if ('link' in r) return `[${mdEscape(r.text)}](<${r.link.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return mdEscape(r.text);
    })
    .join('');
}

/** A paragraph's first characters must not open a block (heading, list, quote, rule). */
function mdLineStart(s: string): string {
  return s.replace(/^(#|[-+=]|\d+[.)])/, (m) => `\\${m}`);
}

export function renderNoticeMarkdown(model: NoticeModel): string {
  const o: string[] = [`# ${mdRuns(model.title, model)}`, '', mdLineStart(mdRuns(model.intro, model)), ''];
  for (const s of model.sections) {
    o.push(`## ${mdEscape(s.title)}`, '');
    for (const b of s.blocks) o.push(...mdBlock(b, model), '');
  }
  return (
    o
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function mdBlock(b: Block, model: NoticeModel): string[] {
  if (b.kind === 'p') return [mdLineStart(mdRuns(b.runs, model))];
  if (b.kind === 'list') return b.items.map((i) => `- ${mdRuns(i, model)}`);
  return [`**${mdEscape(b.label)}**`, '', `> ${mdRuns(b.runs, model)}`];
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #ffffff; color: ${TEXT_COLOR}; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; hyphens: manual; overflow-wrap: normal; word-break: normal; }
header, main { max-width: 52rem; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; padding-bottom: 12px; border-bottom: 4px solid ${ENERGY_COLOR}; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 1.25rem; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #c9ced6; }
p, li { max-width: 72ch; }
ul { padding-left: 1.3em; }
li { margin: 4px 0; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
.mention { margin: 12px 0 20px; padding: 10px 14px; border-left: 4px solid ${ENERGY_COLOR}; background: #f3f6f9; }
.mention p { margin: 0; }
.mention .label { font-weight: 600; margin-bottom: 6px; }
blockquote { margin: 0; }
.gap { font-weight: 700; color: #8a1c1c; background: #fdf0f0; border: 1px dashed #8a1c1c; padding: 0 4px; border-radius: 3px; }
main { padding-bottom: 32px; }
@media (max-width: 640px) {
  header, main { padding-left: 14px; padding-right: 14px; }
  h1 { font-size: 1.4rem; }
  h2 { font-size: 1.15rem; }
}
@page { size: A4; margin: 15mm; }
@media print {
  body { font-size: 10.5pt; }
  header, main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .mention, li { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; overflow-wrap: anywhere; }
  .mention, .gap { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function htmlRuns(runs: Run[], model: NoticeModel): string {
  return runs
    .map((r) => {
      if ('gap' in r) return `<strong class="gap">[${esc(nt('gap', model.locale, { v: r.gap }))}]</strong>`;
      if ('link' in r) return `<a href="${esc(r.link)}">${esc(r.text)}</a>`;
      return esc(r.text);
    })
    .join('');
}

export function renderNoticeHtml(model: NoticeModel): string {
  const o: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${model.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(model.plainTitle)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${htmlRuns(model.title, model)}</h1>`,
    `<p>${htmlRuns(model.intro, model)}</p>`,
    '</header>',
    '<main>',
  ];
  for (const s of model.sections) {
    o.push(`<section id="${esc(s.id)}" aria-labelledby="h-${esc(s.id)}"><h2 id="h-${esc(s.id)}">${esc(s.title)}</h2>`);
    for (const b of s.blocks) {
      if (b.kind === 'p') o.push(`<p>${htmlRuns(b.runs, model)}</p>`);
      else if (b.kind === 'list') o.push(`<ul>${b.items.map((i) => `<li>${htmlRuns(i, model)}</li>`).join('')}</ul>`);
      else o.push(`<figure class="mention" id="mention-${b.id}"><figcaption class="label">${esc(b.label)}</figcaption><blockquote><p>${htmlRuns(b.runs, model)}</p></blockquote></figure>`);
    }
    o.push('</section>');
  }
  o.push('</main>', '</body>', '</html>', '');
  return o.join('\n');
}
