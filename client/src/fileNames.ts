/**
 * File names for new declarations (no `vscode` import, so that they are unit-tested in plain
 * Node). The client plans no text edit: every edit comes from the server.
 */

/** `nom.ia.yaml`, then `nom-2.ia.yaml`, `nom-3.ia.yaml`… : the first name `exists` says is free. */
export function freeFileName(fileName: string, exists: (name: string) => boolean, max = 1000): string {
  if (!exists(fileName)) return fileName;
  const m = /^(.*?)(\.ia\.ya?ml)$/i.exec(fileName) ?? /^(.*?)(\.[^.]*)?$/.exec(fileName)!;
  const stem = m[1];
  const ext = m[2] ?? '';
  for (let i = 2; i < max; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!exists(candidate)) return candidate;
  }
  return `${stem}-${Date.now()}${ext}`;
}

/** What a file name may not contain: folder separators, characters Windows refuses, control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A safe file name: no folder separators, no leading dots, no control characters. */
export function safeFileName(name: string, fallback = 'declaration.ia.yaml'): string {
  const cleaned = name.replace(UNSAFE_IN_FILE_NAME, '-').replace(/^\.+/, '').trim();
  if (!cleaned || !/\.ia\.ya?ml$/i.test(cleaned)) return cleaned ? `${cleaned.replace(/\.ya?ml$/i, '')}.ia.yaml` : fallback;
  return cleaned;
}
