import * as z from 'zod/mini';
import { orgKinds } from '../domain/hierarchy';
import { orgLimits } from '../limits';
import { Id, Int, IsoDate, Text, titled } from './common';

/** Where an organisation or branch stopped: the China day it was closed (撤销), and that in words. */
const Closed = z.object({ on: IsoDate, text: z.string() });

export const Branch = z.object({
  id: Id,
  orgId: Id,
  name: z.string(),
  secretaryName: z.optional(z.string()),
  memberCount: Int(),
  /** Members per health class: counts only, never names (inspectors see these). */
  healthClassCounts: z.optional(z.record(z.string(), Int())),
  /** Present once the branch was closed: it stays, read-only, with its history. */
  closed: z.optional(Closed),
});
export type Branch = z.infer<typeof Branch>;

export const Org = z.object({ id: Id, name: z.string() });
export type Org = z.infer<typeof Org>;

export const OrgKind = titled(z.enum(orgKinds), '组织类别');

/** An organisation as its administrator reads it: its kind in words and where it sits. */
export const OrgSummary = z.object({
  id: Id,
  name: z.string(),
  kind: z.optional(OrgKind),
  /** 工委, 党工委…: the kind in words (empty for an organisation made before kinds were kept). */
  kindText: z.string(),
  closed: z.optional(Closed),
});
export type OrgSummary = z.infer<typeof OrgSummary>;

/** An organisation with its direct children: child organisations and branches, by name. */
export const OrgDetail = z.object({
  ...OrgSummary.shape,
  /** The organisation above it, within what the reader may see (absent at the top of their subtree). */
  parent: z.optional(z.object({ id: Id, name: z.string() })),
  children: z.array(OrgSummary),
  branches: z.array(z.object({ id: Id, name: z.string(), kindText: z.string(), memberCount: Int(), closed: z.optional(Closed) })),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

const OrgName = Text('名称', orgLimits.name, orgLimits.nameMin);

/** A child organisation: its name and kind (党工委, 党委, 党总支…). */
export const OrgChildInput = z.strictObject({ name: OrgName, kind: OrgKind });
export type OrgChildInput = z.infer<typeof OrgChildInput>;

/** A branch under an organisation. */
export const BranchCreateInput = z.strictObject({ name: OrgName });
export type BranchCreateInput = z.infer<typeof BranchCreateInput>;

/** A new name for an organisation or a branch. */
export const RenameInput = z.strictObject({ name: OrgName });
export type RenameInput = z.infer<typeof RenameInput>;

/** Moving a branch under another organisation of the administrator's subtree. */
export const BranchMoveInput = z.strictObject({ toOrgId: titled(Id, '调入的组织') });
export type BranchMoveInput = z.infer<typeof BranchMoveInput>;
