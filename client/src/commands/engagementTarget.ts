/** Which engagement a command applies to: the checklist node it was run on, or one picked. */
import * as vscode from 'vscode';
import { EngagementRequest, VerdictsRequest, type PEngagementVerdict } from '../../../shared/protocol';
import type { ChecklistNode } from '../checklist';
import { t } from '../l10n';
import { uriKey } from '../languageClient';
import type { CommandDeps } from './types';

/** Where an engagement action applies: a checklist node, or `{ uri, id }`. */
export type EngagementTarget = ChecklistNode | { uri: string; id: string } | undefined;

export async function pickEngagement(deps: CommandDeps, title: string, only?: (e: PEngagementVerdict) => boolean): Promise<string | undefined> {
  const tracked = deps.checklist.trackedUri;
  const result = await deps.server.request(VerdictsRequest, tracked ? { uri: tracked } : {});
  const doc = tracked ? (result.documents.find((d) => uriKey(d.uri) === tracked) ?? result.documents[0]) : result.documents[0];
  const items: (vscode.QuickPickItem & { id?: string })[] = [];
  for (const p of result.catalogue.principles) {
    items.push({ label: p.title, kind: vscode.QuickPickItemKind.Separator });
    for (const id of p.engagements) {
      const e = doc?.engagements.find((x) => x.id === id);
      if (only && (!e || !only(e))) continue;
      let title = e?.title;
      if (!title) {
        try {
          title = (await deps.server.request(EngagementRequest, { id })).title;
        } catch {
          title = id;
        }
      }
      items.push({ label: `${id} · ${title}`, description: e?.verdictLabel, id });
    }
  }
  const choices = items.filter((i, k) => i.id || (items[k + 1] && items[k + 1].id));
  if (!choices.some((i) => i.id)) {
    void vscode.window.showInformationMessage(t('No engagement needs this action in the active declaration.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(choices, { title, matchOnDescription: true });
  return picked?.id;
}

/** The document and engagement an inline action applies to (asks when run from the palette). */
export async function resolveTarget(deps: CommandDeps, target: EngagementTarget, title: string, only: (e: PEngagementVerdict) => boolean): Promise<{ uri: string; e: PEngagementVerdict } | undefined> {
  if (target && 'kind' in target && (target.kind === 'engagement' || target.kind === 'wsDeclaration')) return { uri: target.doc.uri, e: target.e };
  let uri: string | undefined;
  let id: string | undefined;
  if (target && 'uri' in target && 'id' in target) {
    uri = uriKey(target.uri);
    id = target.id;
  } else {
    uri = deps.checklist.trackedUri;
    if (!uri) {
      void vscode.window.showInformationMessage(t('Open a declaration (*.ia.yaml) first.'));
      return undefined;
    }
    id = await pickEngagement(deps, title, only);
  }
  if (!id || !uri) return undefined;
  const result = await deps.server.request(VerdictsRequest, { uri });
  const e = (result.documents.find((d) => uriKey(d.uri) === uri) ?? result.documents[0])?.engagements.find((x) => x.id === id);
  return e ? { uri, e } : undefined;
}
