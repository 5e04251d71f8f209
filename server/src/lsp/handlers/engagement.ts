import { findEngagement } from '../../core/catalogue';
import { engagementMarkdown } from '../../core/hover';
import { t } from '../../core/i18n';
import { EngagementRequest, type EngagementParams, type EngagementResult } from '../../../../shared/protocol';
import { ClientError, type CadreServer } from '../server';

/** cadreIa/engagement: an engagement explained (principle, source, references) in Markdown. */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    EngagementRequest,
    s.safe(EngagementRequest.method, async (params: EngagementParams & { uri?: string }): Promise<EngagementResult> => {
      if (typeof params?.id !== 'string') throw new ClientError('id must be a string');
      const settings = await s.settingsFor(params.uri);
      const locale = s.localeOf(settings);
      const { catalogue } = await s.catalogueFor(settings, params.uri);
      const e = findEngagement(catalogue, params.id);
      const markdown = engagementMarkdown(catalogue, params.id, locale, { full: true });
      if (!e || !markdown) throw new ClientError(`unknown engagement: ${params.id}`);
      return { id: e.id, title: t(e.title, locale), markdown };
    }),
  );
}
