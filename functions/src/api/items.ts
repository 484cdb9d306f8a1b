import * as z from 'zod/mini';

/** The shape of every list answer: `{ items: [...] }`. */
export const items = <T extends z.core.$ZodType>(item: T) => z.object({ items: z.array(item) });
