import * as z from 'zod/mini';

/** Opaque identifiers made by the server (UUID v4 or demo ids such as `m-001`). */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '格式不正确'));

/** A calendar day, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: '应为 年-月-日 的格式，如 1945-10-01' });

/** Mainland mobile number, 11 digits starting with 1. */
export const Phone = z.string().check(z.regex(/^1\d{10}$/, '应为以 1 开头的 11 位数字'));

/** An instant; `Z` or an offset such as `+08:00` (stored as UTC). */
export const Timestamp = z.iso.datetime({ offset: true });

/** An integer (what classic zod wrote `z.number().int()`). */
export const Int = () => z.number().check(z.int());

/**
 * A copy of `schema` carrying `meta`, as classic zod's `.meta(meta)` makes it: the copy is
 * registered, the original is left as it was. Not `.register()`, which marks the original (a title
 * on `Id` would name every id), nor a `z.meta()` check, which later copies (`z.extend`) would keep.
 */
export function withMeta<T extends z.ZodMiniType>(schema: T, meta: z.core.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy, meta);
  return copy;
}

/** `schema` titled in Chinese: the title names the field in messages (validation.ts) and the API document. */
export const titled = <T extends z.ZodMiniType>(schema: T, title: string): T => withMeta(schema, { title });

/** A typed text: trimmed, then `min` to `max` characters. */
export const Text = (title: string, max: number, min = 1) => titled(z.string().check(z.trim(), z.minLength(min), z.maxLength(max)), title);

/** An optional text, trimmed, at most `max` characters (may be empty). */
export const ShortText = (title: string, max: number) => titled(z.string().check(z.trim(), z.maxLength(max)), title);

export const Paged = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });
