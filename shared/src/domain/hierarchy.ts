/**
 * The hierarchy as a materialised path: every organisation stores the ids from its root down to itself
 * (`/root/child/grandchild/`), and a branch stores the path of the organisation it sits under. A subtree
 * is everything whose path starts with the subtree's top path, so reading it is one Query on the index
 * keyed by the root (`begins_with`), and whether a record lies under an organisation is a string test.
 */

/** The kinds of organisation above the branches (a 支部 is a branch, not an organisation). */
export const orgKinds = ['gongwei', 'dang_gongwei', 'dangwei', 'zongzhi'] as const;
export type OrgKind = (typeof orgKinds)[number];

/** The path of a root organisation; also what an organisation stored before the hierarchy reads as. */
export const rootPath = (orgId: string): string => `/${orgId}/`;

/** The path of a child organisation under `parentPath`. */
export const childPath = (parentPath: string, orgId: string): string => `${parentPath}${orgId}/`;

/** The root organisation's id: the first segment of a path. */
export const rootOf = (path: string): string => path.split('/')[1] ?? '';

/** Whether `path` (of an organisation, or of the organisation a branch sits under) lies in the subtree of `orgId`. */
export const isUnder = (path: string, orgId: string): boolean => path.includes(`/${orgId}/`);
