// Extracts the client's translatable strings: the first argument of every `t('…')` call in
// client/src (string literals only; a non-literal first argument is reported, since no bundle
// could translate it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const CLIENT_SRC = path.resolve(__dirname, '..', '..', '..', 'client', 'src');

export interface Extracted {
  strings: Map<string, string[]>;
  nonLiteral: string[];
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

export function extractClientStrings(dir = CLIENT_SRC): Extracted {
  const strings = new Map<string, string[]>();
  const nonLiteral: string[] = [];
  for (const file of walk(dir)) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't' && node.arguments.length > 0) {
        const a = node.arguments[0];
        const where = `${path.relative(dir, file)}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) strings.set(a.text, [...(strings.get(a.text) ?? []), where]);
        else nonLiteral.push(where);
      }
      ts.forEachChild(node, visit);
    };
    visit(src);
  }
  return { strings, nonLiteral };
}

/** The `{0}`, `{1}`… placeholders of a message, sorted. */
export function placeholders(s: string): string[] {
  return [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
}
