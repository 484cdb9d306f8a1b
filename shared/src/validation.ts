import { z } from 'zod';
import type { FieldIssue } from './errors';

// Chinese wording for every built-in zod message, set once for whoever imports the schemas.
z.config(z.locales.zhCN());

/** The Chinese title declared on the schema at `path` (via `.meta({ title })`), if any. */
export function titleAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: z.ZodType | undefined = schema;
  let title: string | undefined;
  for (const key of path) {
    node = node && childOf(node, key);
    if (!node) break;
    title = (node.meta()?.title as string | undefined) ?? title;
  }
  return title;
}

function childOf(schema: z.ZodType, key: PropertyKey): z.ZodType | undefined {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, z.ZodType>)[String(key)];
    case 'array':
      return def.element as z.ZodType;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return childOf(def.innerType as z.ZodType, key);
    case 'pipe':
      return childOf(def.in as z.ZodType, key);
    default:
      return undefined;
  }
}

/** One Chinese message per issue, naming the field by its title. */
export function fieldIssues(schema: z.ZodType, error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { path: path || issue.keys.join(','), message: `不认识的字段：${issue.keys.join('、')}` };
    }
    const title = titleAt(schema, issue.path) ?? (path || '请求内容');
    return { path, message: `${title}：${issue.message}` };
  });
}

export type SafeParse<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export function validate<S extends z.ZodType>(schema: S, input: unknown): SafeParse<z.infer<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fieldIssues(schema, result.error) };
}
