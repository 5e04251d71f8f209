import { cadreId, findPrinciple, type Catalogue } from './catalogue';
import { t, VERDICT_LABELS } from './i18n';
import { derogationOffered, missingSectionOf } from './inlineActions';
import type { ParsedDeclaration } from './parse';
import type { LintResult, Locale, Verdict } from './types';
import { VERDICTS } from './types';
import type { PDocumentVerdicts, PEngagementVerdict, PFramework, PPrinciple, VerdictsResult } from '../../../shared/protocol';

/** The verdicts of one declaration, in the shape of `cadreIa/verdicts` (shared/protocol.ts). */
export function documentVerdicts(
  uri: string,
  version: number | undefined,
  result: LintResult & { parsed?: ParsedDeclaration; framework?: { cadre?: string; known: boolean } },
  catalogue: Catalogue,
  locale: Locale,
): PDocumentVerdicts {
  const summary = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number> & { total: number };
  summary.total = 0;
  const engagements: PEngagementVerdict[] = [];
  // A `cadre:` no catalogue answers: nothing was judged, there is no engagement to show.
  if (result.framework && !result.framework.known) {
    const cadre = result.framework.cadre ?? '';
    return { uri, version, summary, engagements, framework: { cadre, name: cadre, known: false } };
  }
  for (const e of catalogue.engagements) {
    const r = result.engagements.find((x) => x.id === e.id);
    const verdict: Verdict = r?.verdict ?? result.verdicts[e.id] ?? 'a_completer';
    summary[verdict]++;
    summary.total++;
    const findings = (r?.findings ?? [])
      .map((i) => result.diagnostics[i])
      .filter((d) => d !== undefined)
      .map((d) => ({ code: d.code, severity: d.severity, message: d.message, uri, range: d.range }));
    const missingSection = missingSectionOf(e, verdict, result.parsed);
    engagements.push({
      id: e.id,
      principle: e.principle,
      title: t(e.title, locale),
      verdict,
      verdictLabel: t(VERDICT_LABELS[verdict] ?? { fr: verdict, en: verdict }, locale),
      findings,
      range: r?.range,
      missingSection,
      derogable: !!e.derogable,
      derogationOffered: derogationOffered(e, verdict),
      ...(r?.appliesFrom ? { appliesFrom: r.appliesFrom } : {}),
    });
  }
  return { uri, version, summary, engagements, framework: { cadre: cadreId(catalogue), name: t(catalogue.name, locale), known: true }, ...(result.provisional ? { provisional: true } : {}) };
}

/** A framework as the checklist shows it: its principles and their engagements. */
export function frameworkView(catalogue: Catalogue, locale: Locale): PFramework {
  return {
    cadre: cadreId(catalogue),
    id: catalogue.id,
    version: catalogue.version,
    name: t(catalogue.name, locale),
    principles: catalogue.principles.map((p) => ({
      id: p.id,
      title: t(findPrinciple(catalogue, p.id)?.title ?? p.title, locale),
      engagements: catalogue.engagements.filter((e) => e.principle === p.id).map((e) => e.id),
    })),
  };
}

/**
 * The whole `cadreIa/verdicts` answer: the catalogue's principles, each document's verdicts, and
 * (`frameworks`) every framework the documents are judged by, for a checklist grouped by framework.
 */
export function verdictsResult(catalogue: Catalogue, locale: Locale, documents: PDocumentVerdicts[], frameworks: Catalogue[] = [catalogue]): VerdictsResult {
  const principles: PPrinciple[] = catalogue.principles.map((p) => ({
    id: p.id,
    title: t(findPrinciple(catalogue, p.id)?.title ?? p.title, locale),
    engagements: catalogue.engagements.filter((e) => e.principle === p.id).map((e) => e.id),
  }));
  return {
    catalogue: { id: catalogue.id, version: catalogue.version, name: t(catalogue.name, locale), principles },
    frameworks: frameworks.map((c) => frameworkView(c, locale)),
    documents,
  };
}
