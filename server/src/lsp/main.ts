// Entry of dist/server.js: `node dist/server.js --stdio` (editors) or `--node-ipc` (the VS Code client).
import { installNodeResources } from '../node/resources';
import { startServer } from './start';

installNodeResources();
startServer();
