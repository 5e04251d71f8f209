import { planDerogation, planInsertSection, type InlineAction } from '../../core/inlineActions';
import { DeclareDerogationRequest, InsertSectionRequest, type EngagementActionParams, type EngagementActionResult } from '../../../../shared/protocol';
import { ClientError, type Analysis, type CadreServer } from '../server';

function checked(params: EngagementActionParams): EngagementActionParams {
  if (typeof params?.uri !== 'string' || typeof params.engagement !== 'string') throw new ClientError('uri and engagement must be strings');
  return params;
}

/** Answers an inline action on an open document with the edit the core planned (never an edit of the client's). */
async function answer(s: CadreServer, params: EngagementActionParams, plan: (a: Analysis) => InlineAction): Promise<EngagementActionResult> {
  const { uri } = checked(params);
  const doc = s.documents.get(uri);
  if (!doc || !s.isDeclaration(doc)) return { status: 'notOpen', uri, edits: [] };
  const a = await s.analyze(doc);
  const p = plan(a);
  return { status: p.status, uri, version: a.version, edits: p.edits, reveal: p.reveal };
}

/**
 * `cadreIa/insertSection` and `cadreIa/declareDerogation`: the checklist's inline actions, as
 * edits computed by the core from `schemas/templates.yaml` (core/inlineActions.ts).
 */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    InsertSectionRequest,
    s.safe(InsertSectionRequest.method, (params: EngagementActionParams) =>
      answer(s, params, (a) => {
        const verdict = a.result.verdicts[params.engagement] ?? 'a_completer';
        return planInsertSection(a.result.parsed, params.engagement, verdict, { locale: a.locale, catalogue: a.catalogue });
      }),
    ),
  );
  s.connection.onRequest(
    DeclareDerogationRequest,
    s.safe(DeclareDerogationRequest.method, (params: EngagementActionParams) =>
      answer(s, params, (a) => planDerogation(a.result.parsed, params.engagement, { locale: a.locale, catalogue: a.catalogue })),
    ),
  );
}
