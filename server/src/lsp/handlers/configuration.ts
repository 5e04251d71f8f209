import type { CadreServer } from '../server';

/** workspace/didChangeConfiguration: new settings re-validate every open document. */
export function register(s: CadreServer): void {
  s.connection.onDidChangeConfiguration((params) =>
    s.guard('didChangeConfiguration', () => {
      const settings = (params?.settings as { cadreIa?: unknown } | null | undefined)?.cadreIa;
      s.setGlobalSettings(settings);
      s.revalidateAll();
    }),
  );
}
