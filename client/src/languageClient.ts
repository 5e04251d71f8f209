import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions, type RequestType, type StateChangeEvent } from 'vscode-languageclient';
import { SETTINGS_SECTION, VerdictsChangedNotification, type VerdictsChangedParams } from '../../shared/protocol';
import { t } from './l10n';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

/**
 * Where declarations live: files on disk, unsaved buffers, and the workspaces of browser-hosted
 * editors (`vscode-vfs`: github.dev and Remote Repositories; `gitlab-web-ide`: GitLab's Web IDE;
 * `vscode-remote`: code-server and remote windows; `vscode-test-web`: @vscode/test-web). Not git
 * diffs, not our own virtual documents.
 */
export const DECLARATION_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'gitlab-web-ide', 'vscode-remote', 'vscode-test-web'];

/** The language client's document selector: declarations, and the framework catalogues being written (`*.catalogue.yaml`). */
export const DECLARATION_SELECTOR: { scheme: string; language: string }[] = DECLARATION_SCHEMES.flatMap((scheme) => [
  { scheme, language: 'declaration-ia' },
  { scheme, language: 'catalogue-ia' },
]);

export function isDeclaration(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === 'declaration-ia' && DECLARATION_SCHEMES.includes(doc.uri.scheme);
}

/**
 * Makes the language client of one platform: Node (`nodeClient.ts`: the server over IPC) or
 * the browser (`browserClient.ts`: the server in a web worker, files read through
 * `vscode.workspace.fs`).
 */
export interface ClientFactory {
  /** `desktop` or `web`: what the UI says a web editor cannot do. */
  readonly platform: 'desktop' | 'web';
  create(context: vscode.ExtensionContext, options: LanguageClientOptions): BaseLanguageClient;
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
 * The bundled language server (`dist/server.js` over Node IPC, or `dist/web/server.js` in a
 * web worker: see ClientFactory), and the custom requests of shared/protocol.ts. Requests wait
 * for the server to be ready; they reject when it is not.
 */
export class CadreClient implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
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

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly factory: ClientFactory,
  ) {
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
  get languageClient(): BaseLanguageClient | undefined {
    return this.client;
  }

  start(): Promise<void> {
    if (this.starting) return this.starting;
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
    const client = this.factory.create(this.context, clientOptions);
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
      if (client.state !== State.Stopped) await client.stop(2000).catch(() => undefined);
      await client.start();
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
