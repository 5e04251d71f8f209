import type { CadreServer } from '../server';
import { register as catalogue } from './catalogue';
import { register as codeAction } from './codeAction';
import { register as codeLens } from './codeLens';
import { register as completion } from './completion';
import { register as configuration } from './configuration';
import { register as diagnostics } from './diagnostics';
import { register as documentLink } from './documentLink';
import { register as documents } from './documents';
import { register as documentSymbol } from './documentSymbol';
import { register as engagement } from './engagement';
import { register as engagementActions } from './engagementActions';
import { register as foldingRange } from './foldingRange';
import { register as hover } from './hover';
import { register as newDeclaration } from './newDeclaration';
import { register as verdicts } from './verdicts';
import { register as watchedFiles } from './watchedFiles';

/** Registers one LSP request or notification family on the server. */
export type Register = (s: CadreServer) => void;

/**
 * Every handler that runs wherever the server runs (Node and the browser's web worker), one
 * file per request (initialize lives in ./initialize.ts). A new request adds its file here,
 * with the same `register(s)` shape, wrapping its handler with `s.safe(…)`. Handlers that need
 * a disk are registered by the host's entry instead: `cadreIa/report` (./report.ts) and `cadreIa/notice` (./notice.ts; pure, but kept out of the web bundle for its size) by
 * ../start.ts on Node; the browser answers them with an explanation (../../browser/start.ts).
 * Each request has its `RequestType` in shared/protocol.ts.
 */
export const HANDLERS: readonly Register[] = [
  documents,
  configuration,
  watchedFiles,
  diagnostics,
  hover,
  completion,
  codeAction,
  documentSymbol,
  foldingRange,
  documentLink,
  codeLens,
  verdicts,
  engagement,
  newDeclaration,
  catalogue,
  engagementActions,
];
