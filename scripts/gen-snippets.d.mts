// Types of scripts/gen-snippets.mjs, for the TypeScript tests that import it.
export declare const SNIPPETS_FILE: string;
export interface SnippetInputs {
  /** Text of schemas/templates.yaml. */
  templates: string;
  /** Text of the catalogue (schemas/frameworks/lyon-2025.yaml). */
  catalogue: string;
  /** The declaration schema (parsed schemas/declaration.schema.json). */
  schema: object;
}
export declare function readInputs(root?: string): SnippetInputs;
export declare function toSnippetBody(text: string, schema: object, basePath?: (string | number)[]): string[];
export declare function generateSnippets(inputs: SnippetInputs): string;
