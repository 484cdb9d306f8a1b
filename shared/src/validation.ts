import * as z from 'zod/mini';
// The one locale by its own path: `z.locales` would bundle all of them into every Lambda.
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { FieldIssue } from './errors';

// Chinese wording for every built-in zod message, set once for whoever imports the schemas:
// plain sentences for the common cases, zod's own zh-CN locale for the rest.
z.config(zhCN());
z.config({ customError: plainChinese });

function plainChinese(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return '必须填写';
  switch (issue.code) {
    case 'invalid_type':
      return '格式不正确';
    case 'too_small':
      if (issue.origin === 'string') return issue.input === '' || Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return '请从给出的选项中选择';
    default:
      return undefined;
  }
}

/** The Chinese title declared on the schema at `path` (via `.meta({ title })`), if any. */
export function titleAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: z.core.$ZodType | undefined = schema;
  let title: string | undefined;
  for (const key of path) {
    node = node && childOf(node, key);
    if (!node) break;
    title = titleOf(node) ?? title;
  }
  return title;
}

/** The title on a schema or on what it wraps (`.optional()` and the like carry no meta of their own). */
function titleOf(schema: z.core.$ZodType): string | undefined {
  for (let node: z.core.$ZodType | undefined = schema; node; node = inner(node)) {
    const title = z.globalRegistry.get(node)?.title;
    if (typeof title === 'string') return title;
  }
  return undefined;
}

function inner(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  return ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional'].includes(def.type as string)
    ? (def.innerType as z.core.$ZodType)
    : undefined;
}

function childOf(schema: z.core.$ZodType, key: PropertyKey): z.core.$ZodType | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  switch (def.type) {
    case 'object':
      return (def.shape as Record<string, z.core.$ZodType>)[String(key)];
    case 'array':
      return def.element as z.core.$ZodType;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return childOf(def.innerType as z.core.$ZodType, key);
    case 'pipe':
      return childOf(def.in as z.core.$ZodType, key);
    case 'union':
      // A discriminated union (a rectification's answer or return): the option that has the field.
      for (const option of def.options as z.core.$ZodType[]) {
        const child = childOf(option, key);
        if (child) return child;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** One Chinese message per issue, naming the field by its title. */
export function fieldIssues(schema: z.core.$ZodType, error: z.core.$ZodError): FieldIssue[] {
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

export function validate<S extends z.core.$ZodType>(schema: S, input: unknown): SafeParse<z.infer<S>> {
  const result = z.safeParse(schema, input);
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: fieldIssues(schema, result.error) };
}
