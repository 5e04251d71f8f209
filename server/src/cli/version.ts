import pkg from '../../../package.json';

/** The version of the package (bundled from package.json). */
export const VERSION: string = pkg.version;
