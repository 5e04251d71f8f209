import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLED_CATALOGUE_FILE } from '../core/catalogue';
import { loadCatalogueFile } from '../node/catalogue';
import { findDeclarations, readDeclaration } from '../node/files';
import { lintListOnWorkers, SERVER_WORKER_LIMITS } from '../node/pool';
import { resourcePath } from '../node/resources';
import type { HostRead, ServerHost } from './host';

export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Today, or `CADRE_IA_DATE` (YYYY-MM-DD) for reproducible results, as the CLI does. */
export function today(): Date {
  const d = process.env.CADRE_IA_DATE;
  if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d))) return new Date(d + 'T12:00:00Z');
  return new Date();
}

/** The language server on Node: files are paths on disk. */
export const nodeHost: ServerHost = {
  kind: 'node',
  fileOf: uriToPath,
  uriOf: pathToUri,
  contains: (folder, file) => file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep),
  resolveCatalogue(configured, folder) {
    const file = configured.replace(/^\$\{workspaceFolder\}/, folder ?? '.').replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    return path.isAbsolute(file) ? file : path.resolve(folder ?? process.cwd(), file);
  },
  async catalogueKey(file) {
    try {
      const st = fs.statSync(file);
      return `${file}|${st.mtimeMs}|${st.size}|${st.isFile()}`;
    } catch (e) {
      return `${file}|${(e as NodeJS.ErrnoException).code ?? 'ERR'}`;
    }
  },
  loadCatalogue: async (file, ids) => loadCatalogueFile(file, ids),
  bundledCatalogueFile: () => resourcePath(...BUNDLED_CATALOGUE_FILE),
  async findDeclarations(folder) {
    return findDeclarations([folder])
      .filter((f) => !f.error)
      .map((f) => f.file);
  },
  async fileKey(file) {
    try {
      const st = fs.statSync(file);
      return { key: `${st.mtimeMs}:${st.size}` };
    } catch (e) {
      return { error: (e as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  },
  readDeclaration: async (file, maxBytes): Promise<HostRead> => readDeclaration(file, maxBytes),
  watchPattern: (file) => file.split(path.sep).join('/'),
  today,
  async lintMany(files, options) {
    const done = await lintListOnWorkers(files, options, { slim: true, resourceLimits: SERVER_WORKER_LIMITS });
    return done?.map((d) => (d?.result.result ? { result: d.result.result, id: d.id } : undefined));
  },
};
