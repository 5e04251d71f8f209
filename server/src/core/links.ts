import { engagementUrl, findEngagement, type Catalogue } from './catalogue';
import { t } from './i18n';
import type { ParsedDeclaration } from './parse';
import type { Locale, Localized, Range } from './types';

export interface CoreLink {
  range: Range;
  target: string;
  tooltip?: string;
}

const URL_RE = /\bhttps?:\/\/[^\s"'<>`]+/g;
const MAX_LINKS = 2000;

const L: Record<string, Localized> = {
  engagement: { fr: 'Engagement {id} : {title}', en: 'Engagement {id}: {title}' },
};

/**
 * Links of a declaration: every http(s) URL written in it, and each explicit engagement
 * statement (`engagements.E09`) to that engagement's page (which cites its references).
 */
export function documentLinks(parsed: ParsedDeclaration, ctx: { locale: Locale; catalogue: Catalogue }): CoreLink[] {
  const out: CoreLink[] = [];
  const text = parsed.text;
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m && out.length < MAX_LINKS; m = URL_RE.exec(text)) {
    // Punctuation that ends a sentence or closes a bracket is not part of the URL.
    let url = m[0];
    while (/[.,;:!?)\]}]$/.test(url)) {
      if (url.endsWith(')') && url.split('(').length > url.split(')').length - 1) break;
      url = url.slice(0, -1);
    }
    if (url.length <= 'https://'.length) continue;
    try {
      new URL(url);
    } catch {
      continue;
    }
    out.push({ range: parsed.lines.range(m.index, m.index + url.length), target: url });
  }
  for (const info of parsed.index.values()) {
    if (info.path.length !== 2 || info.path[0] !== 'engagements' || !info.keyRange) continue;
    const id = String(info.path[1]);
    const e = findEngagement(ctx.catalogue, id);
    if (!e) continue;
    out.push({ range: info.keyRange, target: engagementUrl(ctx.catalogue, id), tooltip: t(L.engagement, ctx.locale, { id, title: t(e.title, ctx.locale) }) });
  }
  return out;
}
