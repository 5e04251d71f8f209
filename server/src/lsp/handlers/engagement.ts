import { findEngagement } from '../../core/catalogue';
import { engagementMarkdown } from '../../core/hover';
import { t } from '../../core/i18n';
import { EngagementRequest, type EngagementParams, type EngagementResult } from '../../../../shared/protocol';
import { ClientError, type CadreServer } from '../server';

/** cadreIa/engagement: an engagement explained (principle, source, references) in Markdown. */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    EngagementRequest,
    s.safe(EngagementRequest.method, async (params: EngagementParams): Promise<EngagementResult> => {
      if (typeof params?.id !== 'string') throw new ClientError('id must be a string');
      const uri = typeof params.uri === 'string' ? params.uri : undefined;
      const settings = await s.settingsFor(uri);
      const locale = s.localeOf(settings);
      const choice = await s.catalogueFor(settings, uri);
      // The framework asked for, else the document's own (its `cadre:`), else the default one.
      let catalogue = typeof params.cadre === 'string' ? (choice.frameworks.get(params.cadre) ?? choice.catalogue) : choice.catalogue;
      if (typeof params.cadre !== 'string' && uri) {
        const open = s.documents.get(uri);
        if (open && s.isDeclaration(open)) catalogue = (await s.analyze(open)).catalogue;
      }
      const e = findEngagement(catalogue, params.id);
      const markdown = engagementMarkdown(catalogue, params.id, locale, { full: true });
      if (!e || !markdown) throw new ClientError(`unknown engagement: ${params.id}`);
      return { id: e.id, title: t(e.title, locale), markdown };
    }),
  );
}
