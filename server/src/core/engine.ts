/**
 * The rule engine: syntax → schema → rules → verdicts. `lintText` never throws.
 *
 * The framework: the declaration's `cadre:` picks its catalogue among those the run knows
 * (`LintOptions.catalogue`/`catalogues`, then the bundled ones); a declaration without a usable
 * `cadre:` is judged by the default one; an unknown `cadre:` is an error (`cadre-inconnu`, the
 * known ones listed) and nothing is judged.
 *
 * One mistake, one finding (after the rules ran):
 * - a missing section is the engine's finding (`cadre-section-manquante`), one per section, naming
 *   the engagements that need it (those listing it in the catalogue's `fields`, applying to the
 *   declaration); rules say nothing of a missing section, and what they say of a field inside it
 *   for those engagements is dropped — so no rule's switch changes another engagement's verdict;
 * - a value the schema rejects (a boolean written `oui`) is the schema's finding: rule findings on
 *   that field, or under it, are dropped;
 * - an unknown engagement id under `engagements:` is `cadre-engagement-inconnu`'s finding (with its
 *   suggestion), not also the schema's "unknown key";
 * - schema and rule findings that only follow from a syntax break (on its lines, or about a key the
 *   text writes in a section the break crosses) are dropped: the break is reported at its cause.
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
 * 5. any finding with outcome `a_completer` — missing information from a rule, a missing section
 *    the engagement needs, or a schema error on a field of the engagement's sections — → `a_completer`;
 * 6. every rule of the engagement that ran called `ctx.notApplicable()` → `non_applicable`;
 * 7. otherwise `conforme` when at least one rule of the engagement ran, `a_completer` when the
 *    catalogue enables none (nothing was checked).
 * Then the engagement's own terms, from the catalogue: when its `applies_when` conditions do not
 * hold, it is `non_applicable` and its rules' findings are dropped (a condition on a field not
 * given: `a_completer`, said by `cadre-condition`, or by the missing section's finding when the
 * field's section is absent); when the run's date is before its `applies_from`, it is `non_applicable`
 * and its rules' findings are information that say from when the duty applies.
 * Severity, decided in one place (`grade` in lintParsed): a finding's severity is its rule's (the
 * catalogue may re-grade it), then the user's override of its code; after both, a rule's or the
 * engine's finding with outcome `a_completer` shows at most as a warning. Syntax and schema
 * errors stay errors (the text does not follow the format) though they leave the engagement
 * `a_completer`. Later steps only lower a severity (derogation, non-applicability, duties not yet
 * in force → information).
 */
import { appliesAt, conditionsHold, docUrl, engagementOfPath, sectionOrder, type Catalogue, type Engagement } from './catalogue';
import { frameworkOf, frameworkSet, ruleLookup, type FrameworkSet, type RuleBinding } from './framework';
import type { RuleLookup } from './catalogue';
import { longDate } from './dates';
import { isoDate, statementOf } from './derogations';

export { longDate };
import { t } from './i18n';
import { isPathPrefix } from './locate';
import { getIn, hasTree, parseDeclaration, rangeOf, type ParsedDeclaration, type ParseOptions } from './parse';
import type { RuleContext, ReportOptions } from './rules/api';
import { ALL_RULES } from './rules/index';
import { validateSchema } from './schema';
import { closest, PLACEHOLDER_RE } from './text';
import { hasTypoOf } from './rules/util';
import { SYNTAX_MESSAGES } from './syntaxMessages';
import { syntaxFindings } from './syntaxCause';
import type { DataPath, Diagnostic, EngagementResult, LintResult, Locale, Severity, SeveritySetting, Verdict } from './types';

/** Findings kept per rule and document (see `report` below). */
export const MAX_FINDINGS_PER_RULE = 50;

export interface LintOptions extends ParseOptions {
  locale?: Locale;
  /**
   * A framework to check against (a configured catalogue): it judges the declarations whose
   * `cadre:` names it, and those without a usable `cadre:`. Declarations naming another known
   * framework (bundled, or in `catalogues`) are judged by theirs.
   */
  catalogue?: Catalogue;
  /** More configured frameworks (they win over bundled ones with the same `cadre:`). */
  catalogues?: readonly Catalogue[];
  /** The frameworks, ready-made (overrides `catalogue` and `catalogues`). */
  frameworks?: FrameworkSet;
  /** Today (tests inject it). */
  now?: Date;
  /** Per-code severity overrides from the user's settings (`off` disables). Rule ids or `schema-*`/`syntax`. */
  severities?: Record<string, SeveritySetting>;
}

export interface FullLintResult extends LintResult {
  parsed: ParsedDeclaration;
  /** The framework that judged the declaration (the default one when its `cadre:` is unknown: then nothing was judged). */
  catalogue: Catalogue;
  /** The declaration's `cadre:` and whether a known framework answers it (`known: false`: no verdict). */
  framework: { cadre?: string; known: boolean };
}

/** Severities from the most to the least severe (sorting, caps). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

function atMost(s: Severity, cap: Severity): Severity {
  return SEVERITY_RANK[s] < SEVERITY_RANK[cap] ? cap : s;
}

/** The ids of every rule the code knows; also a full rule lookup (names, options) for catalogue checks. */
class KnownRules extends Set<string> implements RuleLookup {
  get(idOrName: string) {
    return ruleLookup().get(idOrName);
  }
  names() {
    return ruleLookup().names();
  }
}

let knownIds: KnownRules | undefined;
/** Ids of every rule the code knows (and, as a `RuleLookup`, their names and options: what catalogues are checked with). */
export function knownRuleIds(): ReadonlySet<string> & RuleLookup {
  return (knownIds ??= new KnownRules(ALL_RULES.map((r) => r.meta.id)));
}

/** The default framework (Lyon's, bundled). */
export function defaultCatalogue(): Catalogue {
  return frameworkSet().fallback;
}

export { ruleLookup };

/** The frameworks of a run's options. */
export function frameworksOf(options: LintOptions): FrameworkSet {
  return options.frameworks ?? frameworkSet([options.catalogue, ...(options.catalogues ?? [])]);
}

const MSG = {
  unknownCadre: {
    fr: 'Cadre « {value} » inconnu : aucun catalogue ne le décrit, la déclaration n’est pas jugée. Cadres connus : {known}.',
    en: "Unknown framework '{value}': no catalogue describes it, the declaration is not judged. Known frameworks: {known}.",
  },
  didYouMean: { fr: ' Vouliez-vous dire « {s} » ?', en: " Did you mean '{s}'?" },
  empty: {
    fr: 'Fichier vide : une déclaration commence par `cadre:` et `projet:`, suivis d’une section par sujet du cadre. Insérez le squelette d’une déclaration (correctif) puis remplacez chaque « A COMPLETER ».',
    en: 'Empty file: a declaration starts with `cadre:` and `projet:`, followed by one section per subject of the framework. Insert the skeleton of a declaration (quick fix), then replace each "A COMPLETER".',
  },
  commentsOnly: {
    fr: 'Fichier sans données (seulement des commentaires) : une déclaration commence par `cadre:` et `projet:`, suivis d’une section par sujet du cadre. Insérez le squelette d’une déclaration (correctif) puis remplacez chaque « A COMPLETER ».',
    en: 'File without data (comments only): a declaration starts with `cadre:` and `projet:`, followed by one section per subject of the framework. Insert the skeleton of a declaration (quick fix), then replace each "A COMPLETER".',
  },
  fixSkeleton: { fr: 'Insérer le squelette d’une déclaration', en: 'Insert the skeleton of a declaration' },
  fixCadre: { fr: 'Remplacer par « {to} »', en: "Replace with '{to}'" },
  notYet: { fr: 'Applicable à partir du {date} — {message}', en: 'Applies from {date} — {message}' },
  condition: {
    fr: '{id} ne s’applique que si `{field}` vaut {values} : indiquez `{field}`.',
    en: '{id} applies only when `{field}` is {values}: state `{field}`.',
  },
};

/** Lints a declaration's text. Never throws. */
export function lintText(text: string, options: LintOptions = {}): FullLintResult {
  return lintParsed(parseDeclaration(text, options), options);
}

/** The rules a catalogue enables, with their effective severity and code (user settings by code). */
export function enabledRules(catalogue: Catalogue, severities: Record<string, SeveritySetting> = {}): (RuleBinding & { severity: Severity })[] {
  const out: (RuleBinding & { severity: Severity })[] = [];
  for (const b of frameworkOf(catalogue).bindings) {
    const s = severities[b.code] ?? b.severity;
    if (s !== 'off') out.push({ ...b, severity: s });
  }
  return out;
}

export function lintParsed(parsed: ParsedDeclaration, options: LintOptions = {}): FullLintResult {
  const locale = options.locale ?? 'fr';
  const frameworks = frameworksOf(options);
  const rawCadre = parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>).cadre : undefined;
  const cadre = typeof rawCadre === 'string' ? rawCadre : undefined;
  const chosen = cadre !== undefined ? frameworks.get(cadre) : undefined;
  const catalogue = chosen ?? frameworks.fallback;
  const known = cadre === undefined || chosen !== undefined;
  const now = options.now ?? new Date();
  const today = isoDate(now);
  const severities = options.severities ?? {};
  const diagnostics: Diagnostic[] = [];

  // Severities are decided here, once: the user's override of the code (`off` drops the finding),
  // then the cap that keeps missing information found by a rule or by the engine at most a
  // warning. (A syntax or schema error — the text does not follow the format — stays an error
  // though it leaves its engagement `a_completer`.)
  const grade = (d: Diagnostic): boolean => {
    const override = severities[d.code];
    if (override === 'off') return false;
    if (override) d.severity = override;
    if (d.outcome === 'a_completer' && !isFormatCode(d.code)) d.severity = atMost(d.severity, 'warning');
    d.href ??= docUrl(catalogue, d.code);
    return true;
  };
  const push = (d: Diagnostic) => {
    if (grade(d)) diagnostics.push(d);
  };

  // 1. Syntax.
  // The cause of a break first (unclosed bracket or quote, over-indented line, named duplicate
  // key); the errors that only follow from it are left out (syntaxCause.ts).
  const breaks = syntaxFindings(parsed, locale);
  for (const f of breaks) push(f.diagnostic);
  const usable = parsed.value !== undefined && hasTree(parsed);

  // 2. Schema.
  if (usable && parsed.value === null) {
    // An empty or comments-only file: say so plainly (not "expected an object, found null").
    push(emptyFinding(parsed, locale));
  } else if (usable) {
    try {
      // Which engagement a field serves is the catalogue's to say (its `fields`).
      for (const d of validateSchema(parsed, locale, { engagementOf: (path) => engagementOfPath(catalogue, path) })) push(d);
    } catch (e) {
      push(internalError(parsed, locale, 'schema', e));
    }
  }

  // An unknown framework: say so, with the known ones, and judge nothing.
  if (!known && usable) {
    const list = frameworks.known();
    const s = closest(cadre!, list);
    push({
      code: 'cadre-inconnu',
      severity: 'error',
      outcome: 'none',
      message: t(MSG.unknownCadre, locale, { value: cadre, known: list.join(', ') }) + (s ? t(MSG.didYouMean, locale, { s }) : ''),
      range: rangeOf(parsed, ['cadre']),
      path: ['cadre'],
      fixes: (s ? [s] : list.slice(0, 3)).map((to, i) => ({ kind: 'replace-value', args: { path: ['cadre'], to }, title: t(MSG.fixCadre, locale, { to }), preferred: i === 0 && !!s })),
    });
    diagnostics.sort(compareDiagnostics);
    return { diagnostics, verdicts: {}, engagements: [], parsed, catalogue, framework: { cadre, known: false } };
  }

  // 3. Rules, on a declaration that is a mapping (an empty file or a list is only the schema's finding).
  const declaration = usable && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value);
  const notApplicable = new Map<string, { ran: number; na: number }>();
  /** The findings the rules reported (not the syntax, schema or engine ones). */
  const ruleFindings = new Set<Diagnostic>();
  if (declaration) {
    const data = parsed.value as Record<string, unknown>;
    const statut = typeof getIn(data, ['projet', 'statut']) === 'string' ? (getIn(data, ['projet', 'statut']) as string) : undefined;
    for (const binding of enabledRules(catalogue, severities)) {
      const { rule, engagement } = binding;
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
          return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path[path.length - 1]);
        },
        statut,
        now,
        today,
        catalogue,
        options: binding.options,
        report: (o: ReportOptions) => {
          const outcome = o.outcome ?? 'non_conforme';
          if (reported >= MAX_FINDINGS_PER_RULE && outcomes.has(outcome)) return;
          reported++;
          outcomes.add(outcome);
          const d = toDiagnostic(binding, o, engagementId, parsed, locale);
          ruleFindings.add(d);
          push(d);
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

  // 3b. One mistake, one finding.
  /** Engagements each engine-reported missing section stands for (the finding's `engagement` is the first). */
  const sectionOf = new Map<Diagnostic, string[]>();
  if (declaration) {
    const data = parsed.value as Record<string, unknown>;
    // Section presence is the engine's: one finding per missing section, whatever rule is on.
    const missing = missingSections(data, catalogue, today, notApplicable);
    for (const [section, ids] of missing) {
      const d = sectionFinding(parsed, data, catalogue, section, ids, locale);
      if (grade(d)) {
        diagnostics.push(d);
        sectionOf.set(d, ids);
      }
    }
    const drop = new Set<Diagnostic>();
    // What a rule says of a field inside a missing section (for an engagement that section
    // finding names) is that same finding again.
    for (const d of ruleFindings) {
      const ids = d.path?.length ? missing.get(String(d.path[0])) : undefined;
      if (ids && d.outcome === 'a_completer' && d.engagement && ids.includes(d.engagement)) drop.add(d);
    }
    // A field the schema rejects (a boolean written `oui`, a number as text): the schema's
    // finding is the one; rules reading that field (or what is under it) stay silent.
    const rejected = diagnostics.filter((d) => isRejection(d)).map((d) => d.path!);
    if (rejected.length) {
      for (const d of ruleFindings) if (d.path && rejected.some((r) => isPathPrefix(r, d.path!))) drop.add(d);
    }
    // An engagement id unknown under `engagements:` is cadre-engagement-inconnu's finding (with
    // its suggestion); the schema's "unknown key" on the same key would be a second one.
    const unknownIds = new Set(diagnostics.filter((d) => d.code === 'cadre-engagement-inconnu' && d.path).map((d) => d.path!.join('\u0000')));
    for (const d of diagnostics) if (d.code === 'schema-additionalProperties' && d.path && d.path.length === 2 && d.path[0] === 'engagements' && unknownIds.has(d.path.join('\u0000'))) drop.add(d);
    // Findings that only follow from a syntax break (a list never closed swallows the lines
    // after it; an over-indented key hides its neighbours): not reported, the break is.
    const spans = breaks.filter((b) => !b.duplicate);
    if (spans.length) {
      // Each section's lines are read once, whatever the number of breaks and findings.
      const blocks = new Map<string, { start: number; end: number } | undefined>();
      const blockOf = (section: string) => {
        if (!blocks.has(section)) blocks.set(section, sectionLines(parsed, section));
        return blocks.get(section);
      };
      for (const d of diagnostics) if ((ruleFindings.has(d) || d.code.startsWith('schema-')) && followsFrom(parsed, d, spans, blockOf)) drop.add(d);
    }
    if (drop.size) diagnostics.splice(0, diagnostics.length, ...diagnostics.filter((d) => !drop.has(d)));
  }

  // 4. Verdicts.
  const engagements: EngagementResult[] = [];
  const verdicts: Record<string, Verdict> = {};
  /** Findings of engagements that do not apply (removed at the end) and the engine's own (appended). */
  const drop = new Set<number>();
  const added: Diagnostic[] = [];
  diagnostics.sort(compareDiagnostics);
  for (const e of catalogue.engagements) {
    const findings: number[] = [];
    diagnostics.forEach((d, i) => {
      if (d.engagement === e.id || sectionOf.get(d)?.includes(e.id)) findings.push(i);
    });
    const statement = declaration ? statementOf(parsed.value, e.id, catalogue, today) : undefined;
    let verdict: Verdict;
    const hasOutcome = (o: string) => findings.some((i) => diagnostics[i].outcome === o && (!diagnostics[i].code.startsWith('cadre-') || sectionOf.has(diagnostics[i])));
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
    let appliesFrom: string | undefined;
    if (declaration && verdict !== 'derogation') {
      const ruleFinding = (i: number) => !diagnostics[i].code.startsWith('cadre-') && !diagnostics[i].code.startsWith('schema-') && diagnostics[i].code !== 'syntax';
      const holds = e.applies_when ? conditionsHold(e, parsed.value) : true;
      if (holds === false) {
        // Not concerned (e.g. an AI Act duty for high-risk systems, on a minimal-risk one): the rules' findings say nothing here.
        for (const i of findings) if (ruleFinding(i)) drop.add(i);
        findings.splice(0, findings.length, ...findings.filter((i) => !drop.has(i)));
        verdict = 'non_applicable';
      } else if (holds === undefined) {
        for (const i of findings) if (ruleFinding(i)) drop.add(i);
        findings.splice(0, findings.length, ...findings.filter((i) => !drop.has(i)));
        const w = (e.applies_when ?? []).find((c) => getIn(parsed.value, c.field.split('.')) == null)!;
        const path = w.field.split('.');
        const covered = diagnostics.findIndex((d) => d.path && (d.path.join('.') === w.field || (sectionOf.get(d)?.includes(e.id) ?? false)));
        if (covered >= 0) findings.push(covered);
        else {
          const d: Diagnostic = {
            code: 'cadre-condition',
            severity: 'warning',
            outcome: 'a_completer',
            message: t(MSG.condition, locale, { id: e.id, field: w.field, values: w.in.map((v) => `\`${String(v)}\``).join(locale === 'fr' ? ' ou ' : ' or ') }),
            range: rangeOf(parsed, path, 'key'),
            path,
            engagement: e.id,
          };
          if (grade(d)) {
            added.push(d);
            findings.push(-added.length);
          }
        }
        verdict = 'a_completer';
      } else if (!appliesAt(e, today)) {
        // A duty not yet in force: say what it will ask, and from when; never more than information.
        appliesFrom = e.applies_from;
        const date = longDate(e.applies_from!, locale);
        for (const i of findings) {
          if (!ruleFinding(i)) continue;
          diagnostics[i].severity = 'information';
          diagnostics[i].message = t(MSG.notYet, locale, { date, message: diagnostics[i].message });
        }
        verdict = 'non_applicable';
      }
    }
    // Broken text never yields a clean verdict: an engagement whose sections cross a syntax
    // problem (a duplicate key included) is at best `a_completer`, the problem among its findings.
    // Whatever the verdict, the problem is among the engagement's findings.
    if (declaration && breaks.length) {
      const hit = breaks
        .filter((b) => touches(parsed, e, b.from, b.to))
        .map((b) => diagnostics.indexOf(b.diagnostic))
        .filter((i) => i >= 0);
      if (hit.length) {
        if (verdict === 'conforme' || verdict === 'non_applicable') verdict = 'a_completer';
        findings.push(...hit.filter((i) => !findings.includes(i)));
      }
    }
    verdicts[e.id] = verdict;
    engagements.push({ id: e.id, verdict, findings, range: engagementRange(parsed, e), ...(appliesFrom ? { appliesFrom } : {}) });
  }
  finishVerdicts(diagnostics, engagements, drop, added);
  return { diagnostics, verdicts, engagements, parsed, catalogue, framework: { cadre, known: true }, provisional: parsed.problems.length > 0 };
}

/**
 * Removes the findings of engagements whose conditions do not hold (`drop`), appends the engine's
 * own findings (`added`, referenced as -1, -2… in `findings`), and renumbers the references.
 */
function finishVerdicts(diagnostics: Diagnostic[], engagements: EngagementResult[], drop: Set<number>, added: Diagnostic[]): void {
  if (drop.size === 0 && added.length === 0) return;
  // A dropped finding that another engagement still cites is kept.
  for (const e of engagements) for (const i of e.findings) if (i >= 0) drop.delete(i);
  const keep: number[] = [];
  const index = new Map<number, number>();
  diagnostics.forEach((_, i) => {
    if (!drop.has(i)) {
      index.set(i, keep.length);
      keep.push(i);
    }
  });
  const kept = keep.map((i) => diagnostics[i]);
  const base = kept.length;
  kept.push(...added);
  const order = kept.map((d, i) => ({ d, i })).sort((a, b) => compareDiagnostics(a.d, b.d));
  const final = new Map<number, number>(order.map((x, k) => [x.i, k]));
  diagnostics.splice(0, diagnostics.length, ...order.map((x) => x.d));
  for (const e of engagements) {
    e.findings = e.findings.map((i) => (i >= 0 ? (index.has(i) ? final.get(index.get(i)!) : undefined) : final.get(base + (-i - 1)))).filter((i): i is number => i !== undefined);
  }
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

function toDiagnostic(binding: RuleBinding & { severity: Severity }, o: ReportOptions, engagement: string | undefined, parsed: ParsedDeclaration, locale: Locale): Diagnostic {
  const { rule, severity, options } = binding;
  const meta = rule.meta;
  const message = meta.messages[o.messageId];
  const outcome = o.outcome ?? 'non_conforme';
  // Messages may name the engagement (`{engagement}`) and the rule's options (`{min_jours}`).
  const data = { ...flatOptions(options), engagement: engagement ?? '', ...o.data };
  return {
    code: binding.code,
    // The cap on missing information is applied with the user's overrides, in lintParsed's `grade`.
    severity,
    message: message ? t(message, locale, data) : o.messageId,
    range: rangeOf(parsed, o.rangePath ?? o.path, o.at ?? 'value'),
    engagement: o.engagement ?? engagement,
    path: o.path,
    outcome,
    related: o.related?.map((r) => ({
      range: rangeOf(parsed, r.path, 'value'),
      message: meta.messages[r.messageId] ? t(meta.messages[r.messageId], locale, { ...data, ...r.data }) : r.messageId,
    })),
    tags: o.tags,
    fixes: o.fixes?.map((f) => ({ kind: f.kind, args: f.args, title: t(f.title, locale, data), preferred: f.preferred })),
  };
}

function flatOptions(options: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(options)) out[k] = typeof v === 'number' ? v : Array.isArray(v) ? v.join(', ') : String(v);
  return out;
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
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Codes of findings about the text's form (not its content): syntax and schema. */
function isFormatCode(code: string): boolean {
  return code === 'syntax' || code.startsWith('schema-');
}

/** A schema finding that rejects a value the user wrote (its type, enum, format…), not a missing or unknown key. */
function isRejection(d: Diagnostic): boolean {
  if (!d.code.startsWith('schema-') || !d.path || d.path.length === 0) return false;
  return !['schema-required', 'schema-additionalProperties', 'schema-truncated', 'schema-placeholder'].includes(d.code);
}

/**
 * The sections the declaration lacks, each with the engagements that need it: those of the
 * catalogue listing it in their `fields`, that apply to the declaration (their conditions hold,
 * they are in force), that it does not declare derogated or not applicable, and whose rules did
 * not all find them not applicable (E14 before going into service). In section order.
 */
function missingSections(data: Record<string, unknown>, catalogue: Catalogue, today: string, notApplicable: Map<string, { ran: number; na: number }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of catalogue.engagements) {
    const absent = (e.sections ?? []).filter((s) => !Object.hasOwn(data, s));
    if (!absent.length) continue;
    const statement = statementOf(data, e.id, catalogue, today);
    if (statement?.effective && (statement.statut === 'derogation' || statement.statut === 'non_applicable')) continue;
    if (e.applies_when) {
      const holds = conditionsHold(e, data);
      if (holds === false) continue;
      // A condition on a field of a missing section: that section's finding is the one to give
      // (not also "state the field"), and it names this engagement too.
      if (holds === undefined) {
        const w = e.applies_when.find((c) => getIn(data, c.field.split('.')) == null);
        const section = w?.field.split('.')[0];
        if (section !== undefined && !Object.hasOwn(data, section)) out.set(section, [...(out.get(section) ?? []), e.id]);
        continue;
      }
    }
    if (!appliesAt(e, today)) continue;
    const na = notApplicable.get(e.id);
    if (na && na.ran > 0 && na.na === na.ran) continue;
    for (const s of absent) out.set(s, [...(out.get(s) ?? []), e.id]);
  }
  const order = sectionOrder(catalogue);
  const rank = (s: string) => (order.indexOf(s) === -1 ? order.length : order.indexOf(s));
  return new Map([...out].sort((a, b) => rank(a[0]) - rank(b[0])));
}

const SECTION_MSG = {
  missing: {
    fr: 'Section « {section} » absente : {engagements} {verb} à compléter.{where}',
    en: "Missing '{section}' section: {engagements} {verb} incomplete.{where}",
  },
  after: { fr: ' Elle se place après « {key} ».', en: " It goes after '{key}'." },
  before: { fr: ' Elle se place avant « {key} ».', en: " It goes before '{key}'." },
  fix: { fr: 'Ajouter la section « {section} »', en: "Add the '{section}' section" },
};

/**
 * The engine's finding for a missing section. It is placed where the section goes — on the key
 * of the section it follows in the catalogue's order (else the one it precedes), which is where
 * its fix inserts it and where a reader going through the file in order looks for it — never
 * piled on line 1 under unrelated codes.
 */
function sectionFinding(parsed: ParsedDeclaration, data: Record<string, unknown>, catalogue: Catalogue, section: string, ids: string[], locale: Locale): Diagnostic {
  const order = sectionOrder(catalogue);
  const want = order.indexOf(section);
  const present = Object.keys(data).filter((k) => order.includes(k) && parsed.index.has(k));
  const before = present.filter((k) => order.indexOf(k) < want).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
  const after = before ? undefined : present.filter((k) => order.indexOf(k) > want).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
  const anchor = before ?? after;
  const verb = locale === 'fr' ? (ids.length > 1 ? 'restent' : 'reste') : ids.length > 1 ? 'stay' : 'stays';
  const and = locale === 'fr' ? ' et ' : ' and ';
  const list = ids.length > 1 ? ids.slice(0, -1).join(', ') + and + ids[ids.length - 1] : ids[0];
  const where = before ? t(SECTION_MSG.after, locale, { key: before }) : after ? t(SECTION_MSG.before, locale, { key: after }) : '';
  const fixes = hasTypoOf(data, [], section) ? undefined : [{ kind: 'insert-section', args: { section }, title: t(SECTION_MSG.fix, locale, { section }), preferred: true }];
  return {
    code: 'cadre-section-manquante',
    severity: 'warning',
    outcome: 'a_completer',
    message: t(SECTION_MSG.missing, locale, { section, engagements: list, verb, where }),
    range: anchor ? rangeOf(parsed, [anchor], 'key') : parsed.lines.lineRange(0),
    path: [section],
    engagement: ids[0],
    fixes,
  };
}

/**
 * Whether a schema or rule finding only follows from the syntax breaks (lines `from`…`to` each):
 * it sits on a break's lines, or (missing information) it is about a key the text writes in a
 * section a break crosses — the key is there, the break hid it.
 */
function followsFrom(parsed: ParsedDeclaration, d: Diagnostic, spans: readonly { from: number; to: number }[], blockOf: (section: string) => { start: number; end: number } | undefined): boolean {
  if (spans.some((b) => d.range.end.line >= b.from && d.range.start.line <= b.to)) return true;
  if (d.outcome !== 'a_completer' || !d.path || d.path.length < 2) return false;
  const block = blockOf(String(d.path[0]));
  if (!block || !spans.some((b) => block.end >= b.from && block.start <= b.to)) return false;
  const leaf = String(d.path[d.path.length - 1]);
  for (let l = block.start; l <= block.end && l < parsed.lines.lineCount; l++) if (writesKey(parsed.lines.lineText(l), leaf)) return true;
  return false;
}

/**
 * Whether `line` writes `key:` (at its start or after a space, `{`, `,` or `-`). A plain search,
 * not a regular expression built from the key: a key is user text of any length.
 */
function writesKey(line: string, key: string): boolean {
  if (!key) return false;
  for (let i = line.indexOf(key); i >= 0; i = line.indexOf(key, i + 1)) {
    if (i > 0 && !/[\s{,-]/.test(line[i - 1])) continue;
    let j = i + key.length;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (line[j] === ':') return true;
  }
  return false;
}

/**
 * First and last line of a top-level section as written: from its key to the line before the next
 * key at column 0 (read from the text, not the tree, which a break may have cut short).
 */
function sectionLines(parsed: ParsedDeclaration, section: string): { start: number; end: number } | undefined {
  const info = parsed.index.get(section);
  if (!info?.keyRange) return undefined;
  const start = info.keyRange.start.line;
  let end = start;
  for (let l = start + 1; l < parsed.lines.lineCount; l++) {
    if (/^[^\s#-]/.test(parsed.lines.lineText(l))) break;
    end = l;
  }
  return { start, end };
}

/** The one finding of a file with no data: what a declaration starts with, and the skeleton fix. */
function emptyFinding(parsed: ParsedDeclaration, locale: Locale): Diagnostic {
  const comments = parsed.text.trim() !== '';
  return {
    code: 'schema-type',
    severity: 'error',
    outcome: 'a_completer',
    message: t(comments ? MSG.commentsOnly : MSG.empty, locale),
    range: parsed.lines.lineRange(0),
    path: [],
    fixes: [{ kind: 'insert-skeleton', args: {}, title: t(MSG.fixSkeleton, locale), preferred: true }],
  };
}
