import { noticeOfText } from '../../core/notice/index';
import { NoticeRequest, type NoticeParams, type NoticeResult } from '../../../../shared/protocol';
import { ClientError, type CadreServer } from '../server';

/**
 * cadreIa/notice: the transparency notice of an open declaration (its current text, unsaved
 * edits included), in the user's language, judged by the framework its `cadre:` names. Pure
 * core: the same in the browser's web worker.
 */
export function register(s: CadreServer): void {
  s.connection.onRequest(
    NoticeRequest,
    s.safe(NoticeRequest.method, async (params: NoticeParams): Promise<NoticeResult> => {
      if (params?.format !== 'md' && params?.format !== 'html') throw new ClientError("format must be 'md' or 'html'");
      const doc = s.document(params.uri);
      if (!s.isDeclaration(doc)) throw new ClientError(`not a declaration: ${params.uri}`);
      const settings = await s.settingsFor(doc.uri);
      const { frameworks } = await s.catalogueFor(settings, doc.uri);
      const notice = noticeOfText(doc.getText(), params.format, {
        locale: s.localeOf(settings),
        now: s.today(),
        frameworkOf: (cadre) => (cadre && frameworks.get(cadre)) || frameworks.fallback,
      });
      if (!notice.model) throw new ClientError('the document does not hold a declaration (a YAML mapping)');
      return { content: notice.content, fileName: notice.name, gaps: notice.model.gaps };
    }),
  );
}
