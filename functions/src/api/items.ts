import * as z from 'zod';

/** The shape of every list answer: `{ items: [...] }`. */
export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
