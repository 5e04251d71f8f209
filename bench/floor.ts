/**
 * The floor of `npm run bench`: the fastest maintained JavaScript YAML parser that gives
 * positions, `@stoplight/yaml-ast-parser`'s `load` (what Spectral uses), plus the data walk any
 * checker needs before validating (as `@stoplight/yaml` does), plus the declaration schema's
 * validator made beforehand (precompiled: compiling is not timed). No positions mapped, no
 * messages, no rules: anything a checker does costs at least this.
 */
import { determineScalarType, Kind, load, parseYamlBoolean, parseYamlFloat, parseYamlInteger, ScalarType, type YAMLNode } from '@stoplight/yaml-ast-parser';

/** The plain data of a yaml-ast-parser node (scalars typed by YAML 1.2's core schema, as `yaml` does). */
export function astToData(node: YAMLNode | null | undefined, depth = 0): unknown {
  if (!node || depth > 1000) return null;
  switch (node.kind) {
    case Kind.MAP: {
      const out: Record<string, unknown> = {};
      for (const m of node.mappings as YAMLNode[]) out[String(m.key?.value)] = astToData(m.value, depth + 1);
      return out;
    }
    case Kind.SEQ:
      return (node as YAMLNode & { items: YAMLNode[] }).items.map((x) => astToData(x, depth + 1));
    case Kind.MAPPING:
      return astToData(node.value, depth + 1);
    case Kind.ANCHOR_REF:
      return astToData((node as YAMLNode & { value?: YAMLNode }).value, depth + 1);
    case Kind.SCALAR: {
      // A quoted scalar is a string; a plain one is typed by its form.
      if ((node as YAMLNode & { doubleQuoted?: boolean; singleQuoted?: boolean }).doubleQuoted || (node as { singleQuoted?: boolean }).singleQuoted) return node.value;
      switch (determineScalarType(node as never)) {
        case ScalarType.null:
          return null;
        case ScalarType.bool:
          return parseYamlBoolean(node.value);
        case ScalarType.int:
          return parseYamlInteger(node.value);
        case ScalarType.float:
          return parseYamlFloat(node.value);
        default:
          return node.value;
      }
    }
    default:
      return null;
  }
}

/** Parse with positions, walk to data, validate: the floor's work on one text. */
export function floorCheck(text: string, validate: (data: unknown) => boolean): { data: unknown; valid: boolean; parseErrors: number } {
  const ast = load(text);
  const data = astToData(ast);
  return { data, valid: validate(data), parseErrors: ast?.errors?.length ?? 0 };
}
