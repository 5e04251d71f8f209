import { engagementsOfPath, engagementUrl, findEngagement, findPrinciple, type Catalogue, type Engagement } from './catalogue';
import { codeInfo } from './codes';
import { longDate } from './dates';
import { t, SEVERITY_LABELS } from './i18n';
import { contains, pathAt } from './locate';
import { getIn, type ParsedDeclaration } from './parse';
import { describe, schemaAt, type SchemaNode } from './schema';
import type { DataPath, Diagnostic, Locale, Localized, Position, Range } from './types';

export interface HoverContext {
  locale: Locale;
  catalogue: Catalogue;
}

export interface HoverResult {
  markdown: string;
  range: Range;
}

const L: Record<string, Localized> = {
  principle: { fr: 'principe', en: 'principle' },
  source: { fr: 'Source', en: 'Source' },
  references: { fr: 'Références', en: 'References' },
  seeEngagement: { fr: 'Voir l’engagement {id}', en: 'See engagement {id}' },
  why: { fr: 'Pourquoi', en: 'Why' },
  howToFix: { fr: 'Comment corriger', en: 'How to fix' },
  ruleDoc: { fr: 'Documentation de la règle', en: 'Rule documentation' },
  sourceOfficial: { fr: 'texte public du cadre', en: 'public text of the framework' },
  sourceLaw: { fr: 'obligation légale', en: 'legal duty' },
  frameworkNote: { fr: 'Dans ce cadre', en: 'In this framework' },
  appliesFrom: { fr: 'S’applique à partir du {date}', en: 'Applies from {date}' },
  sourceDerived: { fr: 'déduit des sources publiques (texte officiel non publié)', en: 'derived from public sources (official text not published)' },
  value: { fr: 'Valeur', en: 'Value' },
  allowed: { fr: 'Valeurs possibles', en: 'Allowed values' },
  derogable: { fr: 'Dérogation possible', en: 'Derogation possible' },
  notDerogable: { fr: 'Aucune dérogation possible', en: 'No derogation possible' },
  framework: { fr: 'Cadre vérifié', en: 'Framework checked' },
  adopted: { fr: 'adopté le {date}', en: 'adopted on {date}' },
};

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** The first sentence of a text, at most `max` characters. */
export function firstSentence(text: string, max = 240): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim());
  const s = (m ? m[1] : text.trim()).replace(/\s+/g, ' ');
  return s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s;
}

export function sourceLabel(source: string, locale: Locale): string {
  if (source === 'official') return t(L.sourceOfficial, locale);
  if (source === 'law') return t(L.sourceLaw, locale);
  if (source === 'derived') return t(L.sourceDerived, locale);
  return source;
}

/** The title of a schema node in a locale. */
export function fieldTitle(node: SchemaNode | undefined, locale: Locale): string | undefined {
  if (!node) return undefined;
  return locale === 'en' ? (node['x-title-en'] ?? node.title) : node.title;
}

/** Safe schema lookups: a missing or broken schema file yields nothing rather than an exception. */
function schemaNode(path: DataPath): SchemaNode | undefined {
  try {
    return schemaAt(path);
  } catch {
    return undefined;
  }
}

/** The engagements a path serves, from the catalogue's `fields`: every engagement of a section; the most precise one for a field. */
export function engagementsFor(path: DataPath, catalogue: Catalogue): string[] {
  if (path[0] === 'engagements') return typeof path[1] === 'string' && findEngagement(catalogue, path[1]) ? [path[1]] : [];
  const all = engagementsOfPath(catalogue, path).map((e) => e.id);
  return path.length === 1 ? all : all.slice(0, 1);
}

/**
 * An engagement explained in Markdown: title, principle, short explanation, source and
 * references, with a link to its page. `full` keeps the whole explanation.
 */
export function engagementMarkdown(catalogue: Catalogue, id: string, locale: Locale, options: { full?: boolean } = {}): string | undefined {
  const e = findEngagement(catalogue, id);
  if (!e) return undefined;
  const p = findPrinciple(catalogue, e.principle);
  const lines: string[] = [];
  lines.push(`**${esc(e.id)} · ${esc(t(e.title, locale))}** — ${t(L.principle, locale)} *${esc(p ? t(p.title, locale) : e.principle)}*`);
  const explanation = t(e.explanation, locale);
  lines.push('', options.full ? explanation : esc(firstSentence(explanation)));
  const colon = locale === 'fr' ? ' :' : ':';
  const facts: string[] = [`${t(L.source, locale)}${colon} ${esc(sourceLabel(e.source, locale))}`];
  facts.push(t(e.derogable ? L.derogable : L.notDerogable, locale));
  if (e.applies_from) facts.push(t(L.appliesFrom, locale, { date: longDate(e.applies_from, locale) }));
  lines.push('', facts.join(' · '));
  const refs = referencesMarkdown(e);
  if (refs) lines.push('', `${t(L.references, locale)}${colon} ${refs}`);
  lines.push('', `[${t(L.seeEngagement, locale, { id: e.id })}](${engagementUrl(catalogue, e.id)})`);
  return lines.join('\n');
}

function referencesMarkdown(e: Engagement): string {
  return (e.references ?? []).map((r) => (r.url ? `[${esc(r.label)}](${r.url})` : esc(r.label))).join(' ; ');
}

/** Why a diagnostic fired and how to fix it, from the rule's metadata (as the declaration's framework uses the rule). */
export function diagnosticMarkdown(d: Diagnostic, locale: Locale, catalogue?: Catalogue): string {
  const info = codeInfo(d.code, catalogue);
  const colon = locale === 'fr' ? ' :' : ':';
  const lines = [`**${esc(d.code)}** (${t(SEVERITY_LABELS[d.severity] ?? { fr: d.severity, en: d.severity }, locale)}) — ${esc(t(info.title, locale))}`];
  lines.push('', d.message);
  const description = t(info.description, locale);
  if (description && description !== d.code) lines.push('', `*${t(L.why, locale)}*${colon} ${description}`);
  if (info.note) lines.push('', `*${t(L.frameworkNote, locale)}*${colon} ${t(info.note, locale)}`);
  if (info.howToFix) lines.push('', `*${t(L.howToFix, locale)}*${colon} ${t(info.howToFix, locale)}`);
  if (d.href) lines.push('', `[${t(L.ruleDoc, locale)}](${d.href})`);
  return lines.join('\n');
}

function fieldMarkdown(path: DataPath, on: 'key' | 'value', parsed: ParsedDeclaration, ctx: HoverContext): string | undefined {
  const { locale, catalogue } = ctx;
  const colon = locale === 'fr' ? ' :' : ':';
  const node = schemaNode(path);
  const lines: string[] = [];
  const named = path.filter((s) => typeof s === 'string').join('.');
  const title = fieldTitle(node, locale);
  lines.push(`**${esc(named || String(path[path.length - 1]))}**${title ? ` — ${esc(title)}` : ''}`);
  const description = describe(node, locale);
  if (description) lines.push('', description);
  if (path.length === 1 && path[0] === 'cadre') {
    const adopted = catalogue.adopted ? ` (${t(L.adopted, locale, { date: catalogue.adopted })})` : '';
    lines.push('', `${t(L.framework, locale)}${colon} ${esc(t(catalogue.name, locale))}${adopted}`);
  }
  const value = getIn(parsed.value, path);
  const enumNode = node?.enum ? node : undefined;
  if (enumNode) {
    const descriptions = enumNode['x-enum-descriptions'] ?? {};
    if (on === 'value' && value !== undefined && value !== null && typeof value !== 'object') {
      const meaning = descriptions[String(value)];
      lines.push('', `${t(L.value, locale)} \`${esc(String(value))}\`${meaning ? `${colon} ${esc(t(meaning, locale))}` : ''}`);
    } else if (on === 'key') {
      const allowed = enumNode.enum!.filter((v) => v !== null).map((v) => `\`${String(v)}\``);
      if (allowed.length) lines.push('', `${t(L.allowed, locale)}${colon} ${allowed.join(', ')}`);
    }
  } else if (on === 'value' && node?.items?.enum && typeof path[path.length - 1] === 'number' && typeof value === 'string') {
    const meaning = node.items['x-enum-descriptions']?.[value];
    if (meaning) lines.push('', `${t(L.value, locale)} \`${esc(value)}\`${colon} ${esc(t(meaning, locale))}`);
  }
  return lines.join('\n');
}

/**
 * The hover of a position: the diagnostics there (why and how to fix), the field (schema
 * description, enum value meaning) and the engagement and principle it serves. `undefined`
 * where there is nothing to say.
 */
export function hoverAt(parsed: ParsedDeclaration, position: Position, diagnostics: readonly Diagnostic[], ctx: HoverContext): HoverResult | undefined {
  const parts: string[] = [];
  const located = pathAt(parsed, position);
  const under = diagnostics.filter((d) => contains(d.range, position));
  let range: Range | undefined = located?.range;
  for (const d of under.slice(0, 3)) {
    parts.push(diagnosticMarkdown(d, ctx.locale, ctx.catalogue));
    range ??= d.range;
  }
  const cited = new Set<string>();
  if (located) {
    const field = fieldMarkdown(located.path, located.on, parsed, ctx);
    if (field) parts.push(field);
    for (const id of engagementsFor(located.path, ctx.catalogue).slice(0, 2)) {
      const md = engagementMarkdown(ctx.catalogue, id, ctx.locale);
      if (md) {
        parts.push(md);
        cited.add(id);
      }
    }
  }
  // A finding away from its section (a missing section reported on `cadre:`) still cites its engagement.
  for (const d of under) {
    if (d.engagement && !cited.has(d.engagement) && cited.size < 2) {
      const md = engagementMarkdown(ctx.catalogue, d.engagement, ctx.locale);
      if (md) {
        parts.push(md);
        cited.add(d.engagement);
      }
    }
  }
  if (!parts.length || !range) return undefined;
  return { markdown: parts.join('\n\n---\n\n'), range };
}
