import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/browser';
import { t } from '../core/i18n';
import type { Localized } from '../core/types';
import { HANDLERS } from '../lsp/handlers/index';
import { initialize } from '../lsp/handlers/initialize';
import { ClientError, CadreServer } from '../lsp/server';
import { NoticeRequest, ReportRequest } from '../../../shared/protocol';
import { BrowserHost } from './host';

const NO_REPORT: Localized = {
  fr: 'le bilan annuel s’écrit dans un dossier sur disque : dans un éditeur web (VS Code for the Web, Web IDE de GitLab, github.dev), lancez `cadre-ia report` en CI ou utilisez VS Code sur poste',
  en: 'the annual report is written into a folder on disk: in a browser-hosted editor (VS Code for the Web, GitLab’s Web IDE, github.dev), run `cadre-ia report` in CI or use desktop VS Code',
};

/** The notice is pure, but its words (fr/en) would take the web bundle over its size budget: not in the worker yet. */
const NO_NOTICE: Localized = {
  fr: 'la notice de transparence n’est pas encore produite dans un éditeur web : lancez `cadre-ia notice FICHIER` ou utilisez VS Code sur poste',
  en: 'the transparency notice is not produced in a browser-hosted editor yet: run `cadre-ia notice FILE` or use desktop VS Code',
};

/** `scope` is the worker's global object: messages come and go through its postMessage. */
export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (e: unknown) => void): void;
}

/**
 * Starts the Cadre IA language server in a web worker: the same server and handlers as on
 * Node (../lsp), over the worker's postMessage, with the browser host (files read by the
 * client). `initializationOptions.date` (YYYY-MM-DD) fixes "today", for reproducible tests.
 */
export function startBrowserServer(scope: WorkerScope): CadreServer {
  // The library types its port as a DOM worker scope; ours is the part of it the server uses.
  const port = scope as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
  const connection: Connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
  const host = new BrowserHost(connection);
  const s = new CadreServer(connection, host);
  connection.onInitialize(
    s.safe('initialize', (params) => {
      const date = (params.initializationOptions as { date?: unknown } | undefined)?.date;
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))) host.fixedDate = new Date(date + 'T12:00:00Z');
      return initialize(s, params);
    }),
  );
  connection.onInitialized(() => void s.guardAsync('initialized', () => s.initialized()));
  for (const register of HANDLERS) register(s);
  connection.onRequest(
    ReportRequest,
    s.safe(ReportRequest.method, async () => {
      const settings = await s.settingsFor(undefined);
      throw new ClientError(t(NO_REPORT, s.localeOf(settings)));
    }),
  );
  connection.onRequest(
    NoticeRequest,
    s.safe(NoticeRequest.method, async () => {
      const settings = await s.settingsFor(undefined);
      throw new ClientError(t(NO_NOTICE, s.localeOf(settings)));
    }),
  );
  connection.onShutdown(() => s.shutdown());
  s.documents.listen(connection);
  connection.listen();
  // Last resort: whatever escapes a handler is logged; the server keeps serving.
  scope.addEventListener('error', (e) => s.logError('uncaught', (e as { error?: unknown }).error ?? e));
  scope.addEventListener('unhandledrejection', (e) => s.logError('unhandled rejection', (e as { reason?: unknown }).reason));
  return s;
}
