/**
 * What the bench calls: each scenario is what one screen asks of the API, as the mini-program
 * asks it, for the accounts the generator made. Calls rotate over members, branches and sessions,
 * so no answer is read from a warm spot only.
 */
import { keys } from '../functions/src/db/keys';
import type { Manifest } from './generate';
import type { CallSpec, HttpRequestSpec } from './load';

export interface Scenario {
  id: string;
  title: string;
  /** Reads one item by its key (plus names): its p99 is compared with raw GetItem's. */
  singleItemRead: boolean;
  calls: CallSpec[];
  /** The heavy ones get fewer calls; every scenario stops at its time limit too. */
  heavy?: boolean;
}

/** How many accounts of a kind the scenarios rotate over. */
const rotation = 20;

export type Tokens = Map<string, string>;

export function accountsToLogIn(m: Manifest): string[] {
  const members = spread(m.accounts.filter((a) => a.role === 'member'), rotation);
  const secretaries = m.accounts.filter((a) => a.role === 'secretary' && spread(m.closedSessions, rotation).some((c) => c.branchId === a.branchId));
  return ['bench-inspector', ...members.map((a) => a.account), ...secretaries.map((a) => a.account)];
}

/** Every n-th of a list, so a rotation covers the whole organisation, not its first branches. */
function spread<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

export function scenarios(m: Manifest, tokens: Tokens): Scenario[] {
  const api = '/api/v1';
  const token = (account: string) => {
    const t = tokens.get(account);
    if (!t) throw new Error(`no token for ${account}`);
    return t;
  };
  const get = (label: string, path: string, account: string): HttpRequestSpec => ({ label, path: `${api}${path}`, token: token(account) });
  const members = spread(m.accounts.filter((a) => a.role === 'member'), rotation);
  const sessions = spread(m.closedSessions, rotation).map((c) => ({ ...c, secretary: `bench-sec-${c.branchId}` }));
  const inspector = 'bench-inspector';

  return [
    {
      id: 'member-home',
      title: 'Member home: me, then next sessions, my points, my visit status',
      singleItemRead: false,
      calls: members.map((a) => ({
        kind: 'http',
        stages: [
          [get('GET /me', '/me', a.account)],
          [
            get('GET /members/{id}/sessions', `/members/${a.memberId}/sessions`, a.account),
            get('GET /members/{id}/points', `/members/${a.memberId}/points?year=${m.pointsYear}`, a.account),
            get('GET /members/{id}/visit-requests', `/members/${a.memberId}/visit-requests`, a.account),
          ],
        ],
      })),
    },
    {
      id: 'me',
      title: 'GET /me (user, org and branch names, member profile)',
      singleItemRead: true,
      calls: members.map((a) => ({ kind: 'http', stages: [[get('GET /me', '/me', a.account)]] })),
    },
    {
      id: 'session',
      title: 'One closed session with its attendance (secretary)',
      singleItemRead: true,
      calls: sessions.map((c) => ({ kind: 'http', stages: [[get('GET /sessions/{id}', `/sessions/${c.sessionId}`, c.secretary)]] })),
    },
    {
      id: 'branch-points',
      title: `Branch points table, ${m.pointsYear} (secretary)`,
      singleItemRead: false,
      calls: sessions.map((c) => ({ kind: 'http', stages: [[get('GET /branches/{id}/points', `/branches/${c.branchId}/points?year=${m.pointsYear}`, c.secretary)]] })),
    },
    {
      id: 'compliance',
      title: `Inspector's compliance view, ${m.quarter}, all ${m.branches} branches`,
      singleItemRead: false,
      heavy: true,
      calls: [{ kind: 'http', stages: [[get('GET /orgs/{id}/compliance', `/orgs/${m.orgId}/compliance?period=${m.quarter}`, inspector)]] }],
    },
    {
      id: 'ledger-export',
      title: `Ledger export of one branch, ${m.quarter}, xlsx (inspector)`,
      singleItemRead: false,
      heavy: true,
      calls: sessions.map((c) => ({ kind: 'http', stages: [[get('GET /branches/{id}/ledger/export', `/branches/${c.branchId}/ledger/export?period=${m.quarter}&format=xlsx`, inspector)]] })),
    },
  ];
}

/** Raw GetItem of the very items the single-item reads read: the sessions and the members' users. */
export function baselineCalls(m: Manifest): CallSpec[] {
  const sessions = spread(m.closedSessions, rotation).map((c): CallSpec => ({ kind: 'getitem', key: keys.session(c.sessionId) }));
  const users = spread(m.accounts.filter((a) => a.role === 'member'), rotation).map((a): CallSpec => ({ kind: 'getitem', key: keys.user(a.userId) }));
  return sessions.flatMap((s, i) => [s, users[i % users.length]!]);
}
