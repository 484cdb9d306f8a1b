import * as z from 'zod/mini';
import { Id, Int } from './common';

export const Branch = z.object({
  id: Id,
  orgId: Id,
  name: z.string(),
  secretaryName: z.optional(z.string()),
  memberCount: Int(),
  /** Members per health class: counts only, never names (inspectors see these). */
  healthClassCounts: z.optional(z.record(z.string(), Int())),
});
export type Branch = z.infer<typeof Branch>;

export const Org = z.object({ id: Id, name: z.string() });
export type Org = z.infer<typeof Org>;
