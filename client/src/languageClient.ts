import * as vscode from 'vscode';
import { LanguageClient, State, type RequestType, TransportKind, type LanguageClientOptions, type ServerOptions, type StateChangeEvent } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, VerdictsChangedNotification, type VerdictsChangedParams } from '../../shared/protocol';
import { t } from './l10n';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/** The language file selector: files on disk and unsaved buffers (not git diffs, not our own virtual documents). */
export const DECLARATION_SELECTOR: { scheme: string; language: string }[] = [
  { scheme: 'file', language: 'declaration-ia' },
  { scheme: 'untitled', language: 'declaration-ia' },
];

export function isDeclaration(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'declaration-ia' && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
}

/** Normalizes a URI string so that the client's and the server's spellings compare equal. */
export function uriKey(uri: string | vscode.Uri): string {
  try {
    return (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();
  } catch {
    return String(uri);
  }
}

/**
 * The bundled language server (`dist/server.js`) run over Node IPC, and the custom requests of
 * shared/protocol.ts. Requests wait for the server to be ready; they reject when it is not.
 */
export class CadreClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private state: ServerState = 'stopped';
  private lastError: string | undefined;
  private readonly output: vscode.LogOutputChannel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly verdictsChanged = new vscode.EventEmitter<string>();
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();

  /** A document's verdicts changed on the server (URI string, normalized). */
  readonly onVerdictsChanged = this.verdictsChanged.event;
  readonly onStateChanged = this.stateChanged.event;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Cadre IA', { log: true });
    this.disposables.push(this.output, this.verdictsChanged, this.stateChanged);
  }

  get currentState(): ServerState {
    return this.state;
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /** The running client (tests and the code-action helpers use its converters). */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  start(): Promise<void> {
    if (this.starting) return this.starting;
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DECLARATION_SELECTOR,
      // The server is told the display language; `cadreIa.locale` (read through
      // workspace/configuration) overrides it when it is not `auto`.
      initializationOptions: { locale: vscode.env.language },
      synchronize: {
        configurationSection: SETTINGS_SECTION,
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ia.{yaml,yml}'),
      },
      outputChannel: this.output,
      diagnosticCollectionName: 'cadre-ia',
    };
    const client = new LanguageClient('cadreIa', 'Cadre IA', serverOptions, clientOptions);
    this.client = client;
    this.disposables.push(
      client.onNotification(VerdictsChangedNotification, (p: VerdictsChangedParams) => {
        if (p && typeof p.uri === 'string') this.verdictsChanged.fire(uriKey(p.uri));
      }),
      client.onDidChangeState((e: StateChangeEvent) => {
        if (e.newState === State.Running) this.setState('running');
        else if (e.newState === State.Starting) this.setState('starting');
        else if (this.state !== 'failed') this.setState('stopped');
      }),
    );
    this.setState('starting');
    this.starting = client.start().then(
      () => {
        this.lastError = undefined;
        this.setState('running');
      },
      (e: unknown) => {
        this.lastError = e instanceof Error ? e.message : String(e);
        this.output.error(`${t('The Cadre IA language server could not start: {0}', this.lastError)}`);
        this.setState('failed');
        throw e;
      },
    );
    return this.starting;
  }

  /** Sends a custom request of shared/protocol.ts once the server runs. */
  async request<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    await this.start();
    if (!this.client) throw new Error(t('The Cadre IA language server is not running.'));
    // `RequestParam<P>` is `P` for every request of shared/protocol.ts (no `void` parameters).
    return this.client.sendRequest(type, params as never, token);
  }

  async restart(): Promise<void> {
    if (!this.client || !this.starting) {
      await this.start();
      return;
    }
    const client = this.client;
    try {
      await this.starting;
    } catch {
      // A failed start is what restart is for.
    }
    this.setState('starting');
    this.starting = (async () => {
      if (client.state === State.Running) await client.restart();
      else {
        if (client.state !== State.Stopped) await client.stop(2000).catch(() => undefined);
        await client.start();
      }
    })().then(
      () => {
        this.lastError = undefined;
        this.setState('running');
      },
      (e: unknown) => {
        this.lastError = e instanceof Error ? e.message : String(e);
        this.setState('failed');
        throw e;
      },
    );
    await this.starting;
  }

  showOutput(): void {
    this.output.show(true);
  }

  private setState(s: ServerState): void {
    if (this.state === s) return;
    this.state = s;
    this.stateChanged.fire(s);
  }

  async stop(): Promise<void> {
    if (this.client && this.client.state !== State.Stopped) {
      try {
        await this.client.stop(2000);
      } catch {
        // Stopping a dead server is not an error.
      }
    }
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }
}
