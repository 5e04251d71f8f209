/**
 * The transparency notice of one project (the texts teams otherwise write by hand): what the
 * system does and why, who answers for it, human control, data, rights and appeal, the E07
 * mention, the AI Act art. 50 disclosure when people interact with it, the CRPA L311-3-1 mention
 * when it contributes to individual decisions. Pure core: from a declaration's text or data to
 * Markdown or HTML. The CLI (`cadre-ia notice`) and the server (`cadreIa/notice`) use it.
 */
import type { Catalogue } from '../catalogue';
import { parseDeclaration } from '../parse';
import { buildNotice, type NoticeModel, type NoticeOptions } from './model';
import { renderNoticeHtml, renderNoticeMarkdown } from './render';

export { buildNotice, plain, type Block, type NoticeModel, type NoticeOptions, type NoticeSection, type Run } from './model';
export { renderNoticeHtml, renderNoticeMarkdown } from './render';
export { NOTICE_TEXT } from './texts';

export type NoticeFormat = 'md' | 'html';

export interface RenderedNotice {
  /** `undefined` when the text holds no declaration (not a YAML mapping). */
  model?: NoticeModel;
  content: string;
  /** Suggested file name: `notice-<projet.id>.md|html` (`notice.md` without an id). */
  name: string;
}

/** The `cadre:` of a declaration's data, when it is a string. */
export function cadreOf(data: unknown): string | undefined {
  const c = data && typeof data === 'object' && !Array.isArray(data) ? (data as { cadre?: unknown }).cadre : undefined;
  return typeof c === 'string' ? c : undefined;
}

export interface NoticeTextOptions extends NoticeOptions {
  /** Picks the declaration's framework from its `cadre:` (a `FrameworkSet`'s lookup); wins over `catalogue`. */
  frameworkOf?: (cadre: string | undefined) => Catalogue | undefined;
}

/** Parses a declaration's text and renders its notice. Never throws; a text without a mapping gives no model. */
export function noticeOfText(text: string, format: NoticeFormat, options: NoticeTextOptions = {}): RenderedNotice {
  const parsed = parseDeclaration(text);
  const data = parsed.value;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { content: '', name: `notice.${format}` };
  const catalogue = options.frameworkOf?.(cadreOf(data)) ?? options.catalogue;
  const model = buildNotice(data, { ...options, catalogue });
  const safeId = model.id && /^[a-z0-9][a-z0-9-]{0,99}$/.test(model.id) ? model.id : undefined;
  return { model, content: format === 'html' ? renderNoticeHtml(model) : renderNoticeMarkdown(model), name: safeId ? `notice-${safeId}.${format}` : `notice.${format}` };
}
