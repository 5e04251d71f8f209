// Loaded by mocha before every test file (.mocharc.json): tests run the core under Node, so the
// core reads the package's data files (schemas, templates, the bundled catalogue) from disk.
import { installNodeResources } from '../server/src/node/resources';

installNodeResources();
