import * as z from 'zod';
import { Id } from './common';

export const Branch = z.object({
  id: Id,
  orgId: Id,
  name: z.string(),
  secretaryName: z.string().optional(),
  memberCount: z.number().int(),
  /** Members per health class: counts only, never names (inspectors see these). */
  healthClassCounts: z.record(z.string(), z.number().int()).optional(),
});
export type Branch = z.infer<typeof Branch>;

export const Org = z.object({ id: Id, name: z.string() });
export type Org = z.infer<typeof Org>;
