import {
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { CoreCompletion } from '../core/completion';
import type { CoreSymbol } from '../core/symbols';
import type { Diagnostic, FixRef, Range } from '../core/types';
import type { ClientFeatures } from './clientFeatures';

/** What a diagnostic carries for the code actions (`data`). */
export interface DiagnosticData {
  engagement?: string;
  fixes: FixRef[];
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAGS: Record<string, DiagnosticTag> = { unnecessary: DiagnosticTag.Unnecessary, deprecated: DiagnosticTag.Deprecated };

/** `uriOf` names another file of the workspace (related information of cross-file findings); the host knows how. */
export function toLspDiagnostic(d: Diagnostic, uri: string, client: Pick<ClientFeatures, 'relatedInformation'>, uriOf: (file: string) => string = (f) => f): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'cadre-ia',
    message: d.message,
    data: { engagement: d.engagement, fixes: d.fixes ?? [] } satisfies DiagnosticData,
  };
  if (d.href) out.codeDescription = { href: d.href };
  if (d.related?.length && client.relatedInformation) out.relatedInformation = d.related.map((r) => ({ location: { uri: r.file ? uriOf(r.file) : uri, range: r.range }, message: r.message }));
  const tags = (d.tags ?? []).map((t) => TAGS[t]).filter((t): t is DiagnosticTag => t !== undefined);
  if (tags.length) out.tags = tags;
  return out;
}

/** Plain text from our Markdown, for clients that show only plain text. */
export function markdownToPlain(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 <$2>')
    .replace(/\\([\\`*_[\]<>])/g, '$1')
    .replace(/(\*\*|`)/g, '')
    .replace(/(^|\s)\*([^*]+)\*/g, '$1$2')
    .replace(/\n---\n/g, '\n');
}

export function markup(md: string, markdown: boolean): MarkupContent {
  return markdown ? { kind: MarkupKind.Markdown, value: md } : { kind: MarkupKind.PlainText, value: markdownToPlain(md) };
}

/** Snippet syntax reduced to plain text (first choice kept) for clients without snippets. */
export function snippetToPlain(s: string): string {
  return s
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}|,])/g, '$1');
}

const COMPLETION_KIND: Record<CoreCompletion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
  boolean: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(c: CoreCompletion, client: Pick<ClientFeatures, 'snippets' | 'markdownCompletion' | 'insertTextModeAsIs'>): CompletionItem {
  const snippet = c.snippet && client.snippets;
  const newText = c.snippet && !client.snippets ? snippetToPlain(c.insertText) : c.insertText;
  const item: CompletionItem = {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    textEdit: { range: c.range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (c.documentation) item.documentation = markup(c.documentation, client.markdownCompletion);
  if (c.sortText) item.sortText = c.sortText;
  if (c.filterText) item.filterText = c.filterText;
  if (c.multiline) item.insertTextMode = InsertTextMode.asIs;
  return item;
}

const SYMBOL_KIND: Record<CoreSymbol['kind'], SymbolKind> = {
  section: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  field: SymbolKind.Property,
  item: SymbolKind.Object,
};

export function toDocumentSymbol(s: CoreSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toDocumentSymbol),
  };
}

/** Flat symbols for clients without hierarchical support. */
export function toSymbolInformation(symbols: CoreSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of symbols) {
    out.push({ name: s.name || ' ', kind: SYMBOL_KIND[s.kind], location: { uri, range: s.range }, containerName: container });
    toSymbolInformation(s.children, uri, container ? `${container}.${s.name}` : s.name, out);
  }
  return out;
}

/** A workspace edit on one document: versioned `documentChanges` when the client takes them. */
export function workspaceEdit(uri: string, version: number | undefined, edits: { range: Range; newText: string }[], client: Pick<ClientFeatures, 'documentChanges'>): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  if (client.documentChanges) return { documentChanges: [{ textDocument: { uri, version: version ?? null }, edits: lspEdits }] };
  return { changes: { [uri]: lspEdits } };
}
