// Entry of dist/web/server.js: the language server in a web worker (VS Code for the Web,
// GitLab's Web IDE, github.dev). The client (client/src/browser.ts) starts it with
// `new Worker(…/dist/web/server.js)`.
import { installBundledResources } from './resources';
import { startBrowserServer, type WorkerScope } from './start';

installBundledResources();
startBrowserServer(globalThis as unknown as WorkerScope);
