import * as z from 'zod';

/** Opaque identifiers made by the server (UUID v4 or demo ids such as `m-001`). */
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '格式不正确');

/** A calendar day, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: '应为 年-月-日 的格式，如 1945-10-01' });

/** Mainland mobile number, 11 digits starting with 1. */
export const Phone = z.string().regex(/^1\d{10}$/, '应为以 1 开头的 11 位数字');

/** An instant; `Z` or an offset such as `+08:00` (stored as UTC). */
export const Timestamp = z.iso.datetime({ offset: true });

export const Paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });
