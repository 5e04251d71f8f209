// Entry of dist/server.js: `node dist/server.js --stdio` (editors) or `--node-ipc` (the VS Code client).
import { startServer } from './start';

startServer();
