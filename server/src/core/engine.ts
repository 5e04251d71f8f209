/**
 * The rule engine: syntax → schema → rules → verdicts. `lintText` never throws.
 *
 * Verdict of each engagement of the catalogue, decided in this order:
 * 1. the text could not be read as data (fatal syntax problem, binary, too large), or its root is
 *    not a mapping (empty file, a list) → `a_completer`, and no rule runs;
 * 2. an effective derogation (`engagements.Exx.statut: derogation` with justification,
 *    `validee_par` and an `echeance` not passed, on a derogable engagement) → `derogation`; the
 *    rule findings of that engagement are lowered to `information`;
 * 3. any finding of the engagement with outcome `non_conforme` → `non_conforme`
 *    (findings of framework-wide `cadre-*` rules are about the statement, not the engagement:
 *    they never decide a verdict);
 * 4. an effective `statut: non_applicable` (with a justification) → `non_applicable`; the
 *    engagement's `a_completer` rule findings are lowered to `information`;
 * 5. any finding with outcome `a_completer` — missing information from a rule, or a schema error
 *    on a field of the engagement's sections — → `a_completer`;
 * 6. every rule of the engagement that ran called `ctx.notApplicable()` → `non_applicable`;
 * 7. otherwise `conforme` when at least one rule of the engagement ran, `a_completer` when the
 *    catalogue enables none (nothing was checked).
 * Severity: a finding's severity is its rule's (catalogue or user settings may re-grade it), but a
 * finding with outcome `a_completer` shows at most as a warning.
 */
import { bundledCatalogue, cadreId, docUrl, type Catalogue, type Engagement } from './catalogue';
import { isoDate, statementOf } from './derogations';
import { t } from './i18n';
import { getIn, hasTree, parseDeclaration, rangeOf, type ParsedDeclaration, type ParseOptions } from './parse';
import type { Rule, RuleContext, ReportOptions } from './rules/api';
import { ALL_RULES, RULES_BY_ID } from './rules/index';
import { validateSchema } from './schema';
import { PLACEHOLDER_RE } from './text';
import { SYNTAX_MESSAGES } from './syntaxMessages';
import { syntaxFindings } from './syntaxCause';
import type { DataPath, Diagnostic, EngagementResult, LintResult, Locale, Severity, SeveritySetting, Verdict } from './types';

/** Findings kept per rule and document (see `report` below). */
export const MAX_FINDINGS_PER_RULE = 50;

export interface LintOptions extends ParseOptions {
  locale?: Locale;
  /** The framework to check against; the bundled Lyon catalogue by default. */
  catalogue?: Catalogue;
  /** Today (tests inject it). */
  now?: Date;
  /** Per-code severity overrides from the user's settings (`off` disables). Rule ids or `schema-*`/`syntax`. */
  severities?: Record<string, SeveritySetting>;
}

export interface FullLintResult extends LintResult {
  parsed: ParsedDeclaration;
  catalogue: Catalogue;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function atMost(s: Severity, cap: Severity): Severity {
  return RANK[s] < RANK[cap] ? cap : s;
}

let knownIds: Set<string> | undefined;
/** Ids of every rule the code knows (used to validate catalogues). */
export function knownRuleIds(): ReadonlySet<string> {
  return (knownIds ??= new Set(ALL_RULES.map((r) => r.meta.id)));
}

export function defaultCatalogue(): Catalogue {
  return bundledCatalogue(knownRuleIds());
}

/** Lints a declaration's text. Never throws. */
export function lintText(text: string, options: LintOptions = {}): FullLintResult {
  return lintParsed(parseDeclaration(text, options), options);
}

/** The rules a catalogue enables, with their effective severity. */
export function enabledRules(catalogue: Catalogue, severities: Record<string, SeveritySetting> = {}): { rule: Rule; severity: Severity; engagement?: Engagement }[] {
  const out: { rule: Rule; severity: Severity; engagement?: Engagement }[] = [];
  for (const e of catalogue.engagements) {
    for (const ref of e.rules ?? []) {
      const rule = RULES_BY_ID.get(ref.id);
      if (!rule) continue;
      const s = severities[ref.id] ?? ref.severity ?? rule.meta.defaultSeverity;
      if (s !== 'off') out.push({ rule, severity: s, engagement: e });
    }
  }
  // Framework-wide rules (`cadre-*`) run for every catalogue unless it or the user turns them off.
  for (const rule of ALL_RULES) {
    if (rule.meta.engagement) continue;
    const ref = catalogue.rules?.find((r) => r.id === rule.meta.id);
    const s = severities[rule.meta.id] ?? ref?.severity ?? rule.meta.defaultSeverity;
    if (s !== 'off') out.push({ rule, severity: s });
  }
  return out;
}

export function lintParsed(parsed: ParsedDeclaration, options: LintOptions = {}): FullLintResult {
  const locale = options.locale ?? 'fr';
  const catalogue = options.catalogue ?? defaultCatalogue();
  const now = options.now ?? new Date();
  const today = isoDate(now);
  const severities = options.severities ?? {};
  const diagnostics: Diagnostic[] = [];

  const push = (d: Diagnostic) => {
    const override = severities[d.code];
    if (override === 'off') return;
    if (override) d.severity = override;
    d.href ??= docUrl(catalogue, d.code);
    diagnostics.push(d);
  };

  // 1. Syntax.
  // The cause of a break first (unclosed bracket or quote, over-indented line, named duplicate
  // key); the errors that only follow from it are left out (syntaxCause.ts).
  const breaks = syntaxFindings(parsed, locale);
  for (const f of breaks) push(f.diagnostic);
  const usable = parsed.value !== undefined && hasTree(parsed);

  // 2. Schema.
  if (usable) {
    try {
      for (const d of validateSchema(parsed, locale, { expectedCadre: cadreId(catalogue) })) push(d);
    } catch (e) {
      push(internalError(parsed, locale, 'schema', e));
    }
  }

  // 3. Rules, on a declaration that is a mapping (an empty file or a list is only the schema's finding).
  const declaration = usable && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value);
  const notApplicable = new Map<string, { ran: number; na: number }>();
  if (declaration) {
    const data = parsed.value as Record<string, unknown>;
    const statut = typeof getIn(data, ['projet', 'statut']) === 'string' ? (getIn(data, ['projet', 'statut']) as string) : undefined;
    for (const { rule, severity, engagement } of enabledRules(catalogue, severities)) {
      const engagementId = engagement?.id ?? rule.meta.engagement;
      let na = false;
      // A rule reports at most MAX_FINDINGS_PER_RULE findings (a list of 30,000 items must not
      // yield 30,000 diagnostics); past it, only a finding of an outcome not yet seen is kept.
      let reported = 0;
      const outcomes = new Set<string>();
      const ctx: RuleContext = {
        data,
        // A template placeholder ("A COMPLETER : …") left in a field reads as absent: the
        // information is still to give (schema-placeholder says so), never a value that breaches.
        get: (path: DataPath) => {
          const v = getIn(data, path);
          return typeof v === 'string' && PLACEHOLDER_RE.test(v) ? undefined : v;
        },
        has: (path: DataPath) => {
          if (path.length === 0) return true;
          const parent = getIn(data, path.slice(0, -1));
          return parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, path[path.length - 1]);
        },
        statut,
        now,
        today,
        catalogue,
        report: (o: ReportOptions) => {
          const outcome = o.outcome ?? 'non_conforme';
          if (reported >= MAX_FINDINGS_PER_RULE && outcomes.has(outcome)) return;
          reported++;
          outcomes.add(outcome);
          push(toDiagnostic(rule, severity, o, engagementId, parsed, locale));
        },
        notApplicable: () => {
          na = true;
        },
      };
      try {
        rule.check(ctx);
      } catch (e) {
        push(internalError(parsed, locale, rule.meta.id, e));
      }
      if (engagementId && engagement) {
        const s = notApplicable.get(engagementId) ?? { ran: 0, na: 0 };
        s.ran++;
        if (na) s.na++;
        notApplicable.set(engagementId, s);
      }
    }
  }

  // 4. Verdicts.
  const engagements: EngagementResult[] = [];
  const verdicts: Record<string, Verdict> = {};
  diagnostics.sort(compareDiagnostics);
  for (const e of catalogue.engagements) {
    const findings: number[] = [];
    diagnostics.forEach((d, i) => {
      if (d.engagement === e.id) findings.push(i);
    });
    const statement = declaration ? statementOf(parsed.value, e.id, catalogue, today) : undefined;
    let verdict: Verdict;
    const hasOutcome = (o: string) => findings.some((i) => diagnostics[i].outcome === o && !diagnostics[i].code.startsWith('cadre-'));
    if (!declaration) {
      verdict = 'a_completer';
    } else if (statement?.effective && statement.statut === 'derogation') {
      verdict = 'derogation';
      for (const i of findings) if (!diagnostics[i].code.startsWith('cadre-') && !diagnostics[i].code.startsWith('schema-')) diagnostics[i].severity = 'information';
    } else if (hasOutcome('non_conforme')) {
      verdict = 'non_conforme';
    } else if (statement?.effective && statement.statut === 'non_applicable') {
      verdict = 'non_applicable';
      for (const i of findings) if (diagnostics[i].outcome === 'a_completer' && !diagnostics[i].code.startsWith('schema-')) diagnostics[i].severity = 'information';
    } else if (hasOutcome('a_completer')) {
      verdict = 'a_completer';
    } else {
      const na = notApplicable.get(e.id);
      verdict = na && na.ran > 0 && na.na === na.ran ? 'non_applicable' : na && na.ran > 0 ? 'conforme' : 'a_completer';
    }
    // Broken text never yields a clean verdict: an engagement whose sections cross a syntax
    // problem (a duplicate key included) is at best `a_completer`, the problem among its findings.
    if (declaration && (verdict === 'conforme' || verdict === 'non_applicable')) {
      const hit = breaks.filter((b) => touches(parsed, e, b.from, b.to)).map((b) => diagnostics.indexOf(b.diagnostic)).filter((i) => i >= 0);
      if (hit.length) {
        verdict = 'a_completer';
        findings.push(...hit.filter((i) => !findings.includes(i)));
      }
    }
    verdicts[e.id] = verdict;
    engagements.push({ id: e.id, verdict, findings, range: engagementRange(parsed, e) });
  }
  return { diagnostics, verdicts, engagements, parsed, catalogue, provisional: parsed.problems.length > 0 };
}

/** Whether lines `from`…`to` (0-based) cross one of the engagement's sections (or its `engagements.Exx` statement). */
function touches(parsed: ParsedDeclaration, e: Engagement, from: number, to: number): boolean {
  const tops = [...parsed.index.values()].filter((i) => i.path.length === 1 && i.keyRange).sort((a, b) => a.keyRange!.start.line - b.keyRange!.start.line);
  for (let k = 0; k < tops.length; k++) {
    const start = tops[k].keyRange!.start.line;
    const end = k + 1 < tops.length ? tops[k + 1].keyRange!.start.line - 1 : Number.MAX_SAFE_INTEGER;
    if (end < from || start > to) continue;
    const name = String(tops[k].path[0]);
    if ((e.sections ?? []).includes(name)) return true;
    if (name === 'engagements') {
      const own = parsed.index.get(['engagements', e.id].join('\u0000'));
      if (own?.keyRange && own.keyRange.start.line <= to) return true;
    }
  }
  return false;
}

function engagementRange(parsed: ParsedDeclaration, e: Engagement) {
  if (parsed.index.has(['engagements', e.id].join('\u0000'))) return rangeOf(parsed, ['engagements', e.id], 'key');
  for (const s of e.sections ?? []) if (parsed.index.has(s)) return rangeOf(parsed, [s], 'key');
  return undefined;
}

function toDiagnostic(rule: Rule, severity: Severity, o: ReportOptions, engagement: string | undefined, parsed: ParsedDeclaration, locale: Locale): Diagnostic {
  const meta = rule.meta;
  const message = meta.messages[o.messageId];
  const outcome = o.outcome ?? 'non_conforme';
  return {
    code: meta.id,
    severity: outcome === 'a_completer' ? atMost(severity, 'warning') : severity,
    message: message ? t(message, locale, o.data) : o.messageId,
    range: rangeOf(parsed, o.rangePath ?? o.path, o.at ?? 'value'),
    engagement: o.engagement ?? engagement,
    path: o.path,
    outcome,
    related: o.related?.map((r) => ({
      range: rangeOf(parsed, r.path, 'value'),
      message: meta.messages[r.messageId] ? t(meta.messages[r.messageId], locale, r.data) : r.messageId,
    })),
    tags: o.tags,
    fixes: o.fixes?.map((f) => ({ kind: f.kind, args: f.args, title: t(f.title, locale), preferred: f.preferred })),
  };
}

function internalError(parsed: ParsedDeclaration, locale: Locale, where: string, e: unknown): Diagnostic {
  return {
    code: 'internal',
    severity: 'warning',
    outcome: 'none',
    message: t(SYNTAX_MESSAGES.INTERNAL, locale, { detail: `${where}: ${e instanceof Error ? e.message : String(e)}` }),
    range: parsed.lines.lineRange(0),
  };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    RANK[a.severity] - RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
