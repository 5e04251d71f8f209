import { pathToFileURL } from 'node:url';
import { codeInfo, SCHEMA_CODES } from '../../core/codes';
import { docUrl } from '../../core/catalogue';
import { enabledRules } from '../../core/engine';
import { t } from '../../core/i18n';
import { ioMessage } from '../../core/fileResult';
import type { Locale, Localized, Severity } from '../../core/types';
import type { LintRun } from './context';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base every result's URI is relative to: the repository root. */
export const SRCROOT = 'SRCROOT';

/** A relative path as a URI reference: each segment percent-encoded (spaces, accents, `#`, `?`, `%`). */
export function encodeRelative(rel: string): string {
  return rel
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/**
 * `E02-interaction-directe` → `E02InteractionDirecte`: a readable, Pascal-case rule name. SARIF
 * wants a name that differs from the id (the multitool's SARIF1001 compares them ignoring case),
 * so a one-word id such as `syntax` gets a qualifier.
 */
export function ruleName(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return name.toLowerCase() === id.toLowerCase() ? `${name}Problem` : name;
}

/** Ends a sentence with a period (SARIF messages are sentences). */
function sentence(s: string): string {
  const trimmed = s.trim();
  return /[.!?…:]$/.test(trimmed) ? trimmed : trimmed + '.';
}

const HELP: Record<string, Localized> = {
  fix: { fr: 'Corriger : {how}', en: 'How to fix: {how}' },
  references: { fr: 'Références :', en: 'References:' },
  doc: { fr: '[Documentation de la règle]({url})', en: '[Rule documentation]({url})' },
};

function helpMarkdown(id: string, locale: Locale, url: string, catalogue?: Parameters<typeof codeInfo>[1]): string {
  const info = codeInfo(id, catalogue);
  const parts = [`**${t(info.title, locale)}**`, t(info.description, locale)];
  // What the framework says of the rule (its catalogue's `note`): a city's own words live there.
  if (info.note) parts.push(t(info.note, locale));
  if (info.howToFix) parts.push(t(HELP.fix, locale, { how: t(info.howToFix, locale) }));
  if (info.references.length) parts.push(t(HELP.references, locale) + '\n' + info.references.map((r) => `- ${r}`).join('\n'));
  parts.push(t(HELP.doc, locale, { url }));
  return parts.join('\n\n');
}

/**
 * SARIF 2.1.0 for code scanning: every rule with a readable name, descriptions, `help` (text
 * and Markdown) and `helpUri`; results whose URIs are percent-encoded and relative to the
 * repository root (`uriBaseId` SRCROOT, given in `originalUriBaseIds`); stable
 * `partialFingerprints`; `automationDetails`. Columns are UTF-16 code units.
 */
export function formatSarif(run: LintRun): string {
  const { locale, catalogue } = run;
  // The rules of every framework the run used (a code names a rule under one framework: E02-…, AIA-50-…).
  const used = [catalogue];
  for (const r of run.results) if (r.result?.framework.known && !used.includes(r.result.catalogue)) used.push(r.result.catalogue);
  const catalogueOf = new Map<string, typeof catalogue>();
  const ids: string[] = [];
  for (const c of used) {
    for (const r of enabledRules(c)) {
      if (catalogueOf.has(r.code)) continue;
      catalogueOf.set(r.code, c);
      ids.push(r.code);
    }
  }
  for (const id of ['syntax', ...SCHEMA_CODES]) if (!ids.includes(id)) ids.push(id);
  for (const f of run.findings) if (!ids.includes(f.diagnostic.code)) ids.push(f.diagnostic.code);
  const rules = ids.map((id) => {
    const c = catalogueOf.get(id) ?? catalogue;
    const info = codeInfo(id, c);
    const url = docUrl(c, id);
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: sentence(t(info.title, locale)) },
      fullDescription: { text: sentence(t(info.description, locale)) + (info.note ? ` ${sentence(t(info.note, locale))}` : '') },
      help: { text: sentence(info.howToFix ? t(info.howToFix, locale) : t(info.description, locale)), markdown: helpMarkdown(id, locale, url, c) },
      helpUri: url,
      defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
      properties: { ...(info.engagement ? { engagement: info.engagement } : {}), references: info.references, tags: ['compliance', ...(info.engagement ? [info.engagement] : [])] },
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const results = run.findings.map((f) => {
    const d = f.diagnostic;
    return {
      ruleId: d.code,
      ruleIndex: index.get(d.code),
      level: LEVEL[d.severity],
      message: { text: sentence(d.message) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeRelative(f.rel), uriBaseId: SRCROOT },
            region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
          },
        },
      ],
      partialFingerprints: { 'cadreIaFinding/v1': f.fingerprint },
      ...(d.engagement ? { properties: { engagement: d.engagement } } : {}),
    };
  });
  const notifications = run.results.filter((r) => r.ioError).map((r) => ({ level: 'error', message: { text: sentence(`${r.file}: ${ioMessage(r.ioError!, locale)}`) } }));
  const rootUri = pathToFileURL(run.root).href.replace(/\/?$/, '/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cadre-ia', version: run.version, semanticVersion: run.version, informationUri: 'https://github.com/cadre-ia/cadre-ia', rules } },
        automationDetails: { id: 'cadre-ia/lint/' },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
