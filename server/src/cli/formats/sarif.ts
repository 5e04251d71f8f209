import { codeInfo, SCHEMA_CODES } from '../../core/codes';
import { docUrl, type Catalogue } from '../../core/catalogue';
import { enabledRules } from '../../core/engine';
import { t } from '../../core/i18n';
import { ioMessage, type FileResult } from '../../core/fileResult';
import type { Locale, Severity } from '../../core/types';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, with every rule's metadata and its `helpUri`. Columns are UTF-16 code units. */
export function formatSarif(results: FileResult[], locale: Locale, catalogue: Catalogue, version: string): string {
  const ids = [...enabledRules(catalogue).map((r) => r.rule.meta.id), 'syntax', ...SCHEMA_CODES];
  for (const r of results) for (const d of r.result?.diagnostics ?? []) if (!ids.includes(d.code)) ids.push(d.code);
  const rules = ids.map((id) => {
    const info = codeInfo(id);
    return {
      id,
      name: id,
      shortDescription: { text: t(info.title, locale) },
      fullDescription: { text: t(info.description, locale) },
      help: { text: info.howToFix ? t(info.howToFix, locale) : t(info.description, locale) },
      helpUri: docUrl(catalogue, id),
      defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
      properties: { ...(info.engagement ? { engagement: info.engagement } : {}), references: info.references },
    };
  });
  const index = new Map(ids.map((id, i) => [id, i]));
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const r of results) {
    const uri = r.file.split('\\').join('/');
    if (r.ioError) {
      notifications.push({ level: 'error', message: { text: `${r.file}: ${ioMessage(r.ioError, locale)}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
      continue;
    }
    for (const d of r.result!.diagnostics) {
      sarifResults.push({
        ruleId: d.code,
        ruleIndex: index.get(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
            },
          },
        ],
        ...(d.engagement ? { properties: { engagement: d.engagement } } : {}),
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cadre-ia', version, informationUri: 'https://github.com/cadre-ia/cadre-ia', rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
