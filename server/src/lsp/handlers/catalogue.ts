import { t } from '../../core/i18n';
import { CatalogueRequest, type CatalogueInfo, type CatalogueParams } from '../../../../shared/protocol';
import type { CadreServer } from '../server';

/** cadreIa/catalogue: the catalogue a document (or the workspace) is checked against. */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    CatalogueRequest,
    s.safe(CatalogueRequest.method, async (params: CatalogueParams | null): Promise<CatalogueInfo> => {
      const uri = typeof params?.uri === 'string' ? params.uri : undefined;
      const settings = await s.settingsFor(uri);
      const choice = await s.catalogueFor(settings, uri);
      return {
        file: choice.file,
        bundled: choice.bundled,
        id: choice.catalogue.id,
        version: choice.catalogue.version,
        name: t(choice.catalogue.name, s.localeOf(settings)),
        ...(choice.fallbackReason ? { fallbackReason: choice.fallbackReason } : {}),
      };
    }),
  );
}
