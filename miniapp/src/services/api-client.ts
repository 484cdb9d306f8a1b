import type { RouteKey, RouteTypes } from '../../../functions/src/api/types';
import { ApiError, networkError, toApiError } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT';

export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface HttpResponse {
  status: number;
  body: unknown;
}

/** Sends one request; resolves for every HTTP status and rejects only when nothing came back. */
export type RequestFn = (request: HttpRequest) => Promise<HttpResponse>;

export interface ApiClientOptions {
  request: RequestFn;
  /** '' on H5 (same origin), the API origin on the mini-program. */
  baseUrl: string;
  getToken: () => string | null | undefined;
  /** Called when a request that carried a token answers 401: the session is gone, and `why` says so in words. */
  onUnauthorized?: (why: ApiError) => void;
}

/** A declared route's request body and answer (types only: see functions/src/api/types.ts). */
/** A route without a body may still be sent an empty object (as `acceptVisit` does). */
type Body<K extends RouteKey> = RouteTypes[K]['body'] extends undefined ? Record<string, never> : RouteTypes[K]['body'];
type Answer<K extends RouteKey> = RouteTypes[K]['response'];
type Query<K extends RouteKey> = NonNullable<RouteTypes[K]['query']>;

/** What saving a member's changes led to. */
export type MemberUpdateResult =
  | { kind: 'saved'; member: Answer<'PATCH /api/v1/members/{memberId}'> }
  /** A paired contact's change waits for the secretary's approval. */
  | { kind: 'pending'; pendingChangeId: string };

const seg = encodeURIComponent;

/** The Idempotency-Key header, when the caller has a key. */
const keyHeader = (key: string | undefined): Record<string, string> => (key ? { 'Idempotency-Key': key } : {});

/** The id in a 202 answer to a member update: `{ pendingChangeId }`. */
function pendingChangeIdOf(body: unknown): string {
  const id = typeof body === 'object' && body !== null && 'pendingChangeId' in body ? body.pendingChangeId : undefined;
  return typeof id === 'string' ? id : '';
}

export function createApiClient({ request, baseUrl, getToken, onUnauthorized }: ApiClientOptions) {
  async function send(method: HttpMethod, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
    const token = getToken();
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: HttpResponse;
    try {
      response = await request({ method, url: `${baseUrl}/api/v1${path}`, headers, body });
    } catch {
      throw networkError();
    }
    if (response.status >= 200 && response.status < 300) return response;
    // A 401 without a token is a failed login (e.g. a bad WeChat code), not an expired session.
    const error = toApiError(response.status, response.body);
    if (response.status === 401 && token) onUnauthorized?.(error);
    throw error;
  }

  /**
   * One declared route, its body and answer typed from its declaration (functions/src/api; types
   * only, nothing of the back end is bundled). `path` is the filled-in template of `route`.
   */
  async function callRoute<K extends RouteKey>(route: K, path: string, body?: Body<K>, extraHeaders?: Record<string, string>): Promise<Answer<K>> {
    return (await sendRoute(route, path, body, extraHeaders)).body;
  }

  /** As `callRoute`, with the status: the one place an answer's body takes its declared type. */
  async function sendRoute<K extends RouteKey>(route: K, path: string, body?: Body<K>, extraHeaders?: Record<string, string>): Promise<{ status: number; body: Answer<K> }> {
    const response = await send(route.slice(0, route.indexOf(' ')) as HttpMethod, path, body, extraHeaders);
    return { status: response.status, body: response.body as Answer<K> };
  }

  return {
    demoAccounts: async () => (await callRoute('GET /api/v1/auth/demo-accounts', '/auth/demo-accounts')).items,
    devLogin: (account: string) => callRoute('POST /api/v1/auth/dev-login', '/auth/dev-login', { account }),
    wechatLogin: (code: string) => callRoute('POST /api/v1/auth/wechat', '/auth/wechat', { code }),
    bind: (inviteCode: string) => callRoute('POST /api/v1/bindings', '/bindings', { inviteCode }),
    // The web console's QR sign-in: the page starts and polls; the mini-program confirms the scene it was opened with.
    startConsoleLogin: () => callRoute('POST /api/v1/console-logins', '/console-logins'),
    consoleLoginState: (loginId: string) => callRoute('GET /api/v1/console-logins/{loginId}', `/console-logins/${seg(loginId)}`),
    confirmConsoleLogin: (scene: string) => callRoute('POST /api/v1/console-login-confirmations', '/console-login-confirmations', { scene }),
    me: () => callRoute('GET /api/v1/me', '/me'),
    branches: async (orgId: string) => (await callRoute('GET /api/v1/orgs/{orgId}/branches', `/orgs/${seg(orgId)}/branches`)).items,
    branch: (branchId: string) => callRoute('GET /api/v1/branches/{branchId}', `/branches/${seg(branchId)}`),
    members: async (branchId: string) => (await callRoute('GET /api/v1/branches/{branchId}/members', `/branches/${seg(branchId)}/members`)).items,
    createMember: (branchId: string, input: Body<'POST /api/v1/branches/{branchId}/members'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/branches/{branchId}/members', `/branches/${seg(branchId)}/members`, input, { 'Idempotency-Key': idempotencyKey }),
    member: (memberId: string) => callRoute('GET /api/v1/members/{memberId}', `/members/${seg(memberId)}`),
    async updateMember(memberId: string, patch: Body<'PATCH /api/v1/members/{memberId}'>): Promise<MemberUpdateResult> {
      const res = await sendRoute('PATCH /api/v1/members/{memberId}', `/members/${seg(memberId)}`, patch);
      // 202: the route's other answer (a `reply()`, outside its declared schema) names the change awaiting approval.
      if (res.status === 202) return { kind: 'pending', pendingChangeId: pendingChangeIdOf(res.body) };
      return { kind: 'saved', member: res.body };
    },
    createInvite: (memberId: string, kind: NonNullable<Body<'POST /api/v1/members/{memberId}/invites'>>['kind'], idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/invites', `/members/${seg(memberId)}/invites`, { kind }, { 'Idempotency-Key': idempotencyKey }),
    approveChange: (memberId: string, changeId: string) =>
      callRoute('POST /api/v1/members/{memberId}/changes/{changeId}/approve', `/members/${seg(memberId)}/changes/${seg(changeId)}/approve`),
    /** The secretary records that the member died or left the branch (one key per confirmed submission). */
    recordDeparture: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/departure'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/departure', `/members/${seg(memberId)}/departure`, input, { 'Idempotency-Key': idempotencyKey }),
    /** An administrator deletes a departed member's personal information (one key per confirmed deletion). */
    deleteMember: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/deletion'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/deletion', `/members/${seg(memberId)}/deletion`, input, { 'Idempotency-Key': idempotencyKey }),
    /** 已联系: the secretary phoned the member (one key per confirmed tap). */
    recordCall: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/calls'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/calls', `/members/${seg(memberId)}/calls`, input, { 'Idempotency-Key': idempotencyKey }),
    memberCalls: (memberId: string) => callRoute('GET /api/v1/members/{memberId}/calls', `/members/${seg(memberId)}/calls`),
    /** 变动通知 the signed-in member (or their proxy) has not yet seen, newest first. */
    notices: async (memberId: string) => (await callRoute('GET /api/v1/members/{memberId}/notices', `/members/${seg(memberId)}/notices`)).items,
    /** 知道了: answers the notices still unseen. Seeing twice is seeing once, so a retry needs no key. */
    noticeSeen: async (memberId: string, noticeId: string) =>
      (await callRoute('POST /api/v1/members/{memberId}/notices/{noticeId}/seen', `/members/${seg(memberId)}/notices/${seg(noticeId)}/seen`)).items,
    undoDeparture: (memberId: string, expectedVersion: number) =>
      callRoute('POST /api/v1/members/{memberId}/departure/undo', `/members/${seg(memberId)}/departure/undo`, { expectedVersion }),
    // 组织关系转接: the sender proposes (one key per confirmed submission) or cancels; the receiver accepts or declines.
    healthConsent: (memberId: string) => callRoute('GET /api/v1/members/{memberId}/health-consent', `/members/${seg(memberId)}/health-consent`),
    giveHealthConsent: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/health-consent'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/health-consent', `/members/${seg(memberId)}/health-consent`, input, { 'Idempotency-Key': idempotencyKey }),
    /** 爱心卡: the member's own card (the member and their proxy only). */
    careCard: (memberId: string) => callRoute('GET /api/v1/members/{memberId}/care-card', `/members/${seg(memberId)}/care-card`),
    saveCareCard: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/care-card'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/care-card', `/members/${seg(memberId)}/care-card`, input, { 'Idempotency-Key': idempotencyKey }),
    withdrawHealthConsent: (memberId: string, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/health-consent/withdraw', `/members/${seg(memberId)}/health-consent/withdraw`, {}, { 'Idempotency-Key': idempotencyKey }),
    transfers: (branchId: string) => callRoute('GET /api/v1/branches/{branchId}/transfers', `/branches/${seg(branchId)}/transfers`),
    createTransfer: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/transfers'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/transfers', `/members/${seg(memberId)}/transfers`, input, { 'Idempotency-Key': idempotencyKey }),
    acceptTransfer: (transferId: string) => callRoute('POST /api/v1/transfers/{transferId}/accept', `/transfers/${seg(transferId)}/accept`),
    declineTransfer: (transferId: string) => callRoute('POST /api/v1/transfers/{transferId}/decline', `/transfers/${seg(transferId)}/decline`, {}),
    cancelTransfer: (transferId: string) => callRoute('POST /api/v1/transfers/{transferId}/cancel', `/transfers/${seg(transferId)}/cancel`),

    // 意见反馈: writing to the administrators, the writer's own messages, the administrators' list and answers.
    sendFeedback: (input: Body<'POST /api/v1/feedback'>, idempotencyKey: string) => callRoute('POST /api/v1/feedback', '/feedback', input, { 'Idempotency-Key': idempotencyKey }),
    myFeedback: async () => (await callRoute('GET /api/v1/me/feedback', '/me/feedback')).items,
    orgFeedback: async (orgId: string, status: NonNullable<Query<'GET /api/v1/orgs/{orgId}/feedback'>['status']>) =>
      (await callRoute('GET /api/v1/orgs/{orgId}/feedback', `/orgs/${seg(orgId)}/feedback?status=${seg(status)}`)).items,
    answerFeedback: (feedbackId: string, input: Body<'POST /api/v1/feedback/{feedbackId}/answer'>) =>
      callRoute('POST /api/v1/feedback/{feedbackId}/answer', `/feedback/${seg(feedbackId)}/answer`, input),

    // Organisational life (三会一课、主题党日).
    memberSessions: async (memberId: string) => (await callRoute('GET /api/v1/members/{memberId}/sessions', `/members/${seg(memberId)}/sessions`)).items,
    /** This year's sessions of the branch (the API's default period). */
    /** A branch's sessions between two China days (YYYY-MM-DD; without them, this year's). */
    branchSessions: async (branchId: string, window?: { from: string; to: string }) =>
      (await callRoute('GET /api/v1/branches/{branchId}/sessions', `/branches/${seg(branchId)}/sessions${window ? `?from=${window.from}&to=${window.to}` : ''}`)).items,
    createSession: (branchId: string, input: Body<'POST /api/v1/branches/{branchId}/sessions'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/branches/{branchId}/sessions', `/branches/${seg(branchId)}/sessions`, input, { 'Idempotency-Key': idempotencyKey }),
    session: (sessionId: string) => callRoute('GET /api/v1/sessions/{sessionId}', `/sessions/${seg(sessionId)}`),
    /** `idempotencyKey`: a leave kept on the phone while offline carries the key made when it was recorded. */
    markAttendance: (sessionId: string, memberId: string, input: Body<'PUT /api/v1/sessions/{sessionId}/attendance/{memberId}'>, idempotencyKey?: string) =>
      callRoute('PUT /api/v1/sessions/{sessionId}/attendance/{memberId}', `/sessions/${seg(sessionId)}/attendance/${seg(memberId)}`, input, keyHeader(idempotencyKey)),
    /** The member's or proxy's own leave or 我已学习 taken back (one key per confirmed tap). */
    withdrawAttendance: (sessionId: string, memberId: string, input: Body<'POST /api/v1/sessions/{sessionId}/attendance/{memberId}/withdraw'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/sessions/{sessionId}/attendance/{memberId}/withdraw', `/sessions/${seg(sessionId)}/attendance/${seg(memberId)}/withdraw`, input, { 'Idempotency-Key': idempotencyKey }),
    markMany: (sessionId: string, input: Body<'PUT /api/v1/sessions/{sessionId}/attendance'>) => callRoute('PUT /api/v1/sessions/{sessionId}/attendance', `/sessions/${seg(sessionId)}/attendance`, input),
    previewMany: (sessionId: string, input: Body<'POST /api/v1/sessions/{sessionId}/attendance/preview'>) => callRoute('POST /api/v1/sessions/{sessionId}/attendance/preview', `/sessions/${seg(sessionId)}/attendance/preview`, input),
    undoMany: (sessionId: string, bulkId: string) => callRoute('POST /api/v1/sessions/{sessionId}/attendance/undo', `/sessions/${seg(sessionId)}/attendance/undo`, { bulkId }),
    reconcileSession: (sessionId: string) => callRoute('POST /api/v1/sessions/{sessionId}/reconcile', `/sessions/${seg(sessionId)}/reconcile`),
    saveMinutes: (sessionId: string, input: Body<'PUT /api/v1/sessions/{sessionId}/minutes'>) => callRoute('PUT /api/v1/sessions/{sessionId}/minutes', `/sessions/${seg(sessionId)}/minutes`, input),
    /** 改时间或地点 (and other details): the expected members are told on their home. PATCH, sent as POST on the alias route. */
    updateSession: (sessionId: string, patch: Body<'PATCH /api/v1/sessions/{sessionId}'>) => callRoute('PATCH /api/v1/sessions/{sessionId}', `/sessions/${seg(sessionId)}`, patch),
    closeSession: (sessionId: string, input: Body<'POST /api/v1/sessions/{sessionId}/close'> = {}) => callRoute('POST /api/v1/sessions/{sessionId}/close', `/sessions/${seg(sessionId)}/close`, input),
    amendSession: (sessionId: string, input: Body<'POST /api/v1/sessions/{sessionId}/amendments'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/sessions/{sessionId}/amendments', `/sessions/${seg(sessionId)}/amendments`, input, { 'Idempotency-Key': idempotencyKey }),
    overview: (branchId: string) => callRoute('GET /api/v1/branches/{branchId}/overview', `/branches/${seg(branchId)}/overview`),
    outbox: async (branchId: string) => (await callRoute('GET /api/v1/branches/{branchId}/outbox', `/branches/${seg(branchId)}/outbox`)).items,
    subscribe: (memberId: string, kinds: NonNullable<Body<'PUT /api/v1/members/{memberId}/subscriptions'>>['kinds']) => callRoute('PUT /api/v1/members/{memberId}/subscriptions', `/members/${seg(memberId)}/subscriptions`, { kinds }),
    createUpload: (input: Body<'POST /api/v1/uploads'>) => callRoute('POST /api/v1/uploads', '/uploads', input),

    // 花名册导入: check an uploaded xlsx, read the result, apply it (a retry finishes an interrupted one).
    checkRoster: (branchId: string, input: Body<'POST /api/v1/branches/{branchId}/roster-imports'>) =>
      callRoute('POST /api/v1/branches/{branchId}/roster-imports', `/branches/${seg(branchId)}/roster-imports`, input),
    rosterImport: (importId: string) => callRoute('GET /api/v1/roster-imports/{importId}', `/roster-imports/${seg(importId)}`),
    applyRoster: (importId: string, input: Body<'POST /api/v1/roster-imports/{importId}/apply'>) =>
      callRoute('POST /api/v1/roster-imports/{importId}/apply', `/roster-imports/${seg(importId)}/apply`, input),

    // 管理员: staff of the organisation, invites to a role, withdrawals.
    staff: (orgId: string) => callRoute('GET /api/v1/orgs/{orgId}/staff', `/orgs/${seg(orgId)}/staff`),
    inviteStaff: (orgId: string, input: Body<'POST /api/v1/orgs/{orgId}/staff-invites'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/orgs/{orgId}/staff-invites', `/orgs/${seg(orgId)}/staff-invites`, input, { 'Idempotency-Key': idempotencyKey }),
    withdrawStaff: (orgId: string, userId: string) => callRoute('POST /api/v1/orgs/{orgId}/staff/{userId}/withdraw', `/orgs/${seg(orgId)}/staff/${seg(userId)}/withdraw`),

    // 管理员: the hierarchy, an organisation with its children, new child organisations and branches.
    org: (orgId: string) => callRoute('GET /api/v1/orgs/{orgId}', `/orgs/${seg(orgId)}`),
    createChildOrg: (orgId: string, input: Body<'POST /api/v1/orgs/{orgId}/children'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/orgs/{orgId}/children', `/orgs/${seg(orgId)}/children`, input, { 'Idempotency-Key': idempotencyKey }),
    createBranch: (orgId: string, input: Body<'POST /api/v1/orgs/{orgId}/branches'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/orgs/{orgId}/branches', `/orgs/${seg(orgId)}/branches`, input, { 'Idempotency-Key': idempotencyKey }),

    // 督导: each branch against the rules for a period, the ledger, opinions with rectification items, sign-off.
    compliance: (orgId: string, period: string) => callRoute('GET /api/v1/orgs/{orgId}/compliance', `/orgs/${seg(orgId)}/compliance?period=${seg(period)}`),
    ledger: (branchId: string, period: string) => callRoute('GET /api/v1/branches/{branchId}/ledger', `/branches/${seg(branchId)}/ledger?period=${seg(period)}`),
    reviews: async (branchId: string, period: string) => (await callRoute('GET /api/v1/branches/{branchId}/reviews', `/branches/${seg(branchId)}/reviews?period=${seg(period)}`)).items,
    createReview: (branchId: string, input: Body<'POST /api/v1/branches/{branchId}/reviews'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/branches/{branchId}/reviews', `/branches/${seg(branchId)}/reviews`, input, { 'Idempotency-Key': idempotencyKey }),
    /** Answer (secretary), accept or return (inspector). PATCH: the mini-program's request adapter sends it as POST on the alias route. */
    rectify: (itemId: string, patch: Body<'PATCH /api/v1/rectifications/{itemId}'>) => callRoute('PATCH /api/v1/rectifications/{itemId}', `/rectifications/${seg(itemId)}`, patch),
    /** What is still missing before a period can be signed off, in words. */
    signoffCheck: (branchId: string, period: string) => callRoute('GET /api/v1/branches/{branchId}/signoff-check', `/branches/${seg(branchId)}/signoff-check?period=${seg(period)}`),
    /** `acknowledged`: the keys of every item the check listed, each confirmed by the inspector. */
    signoff: (branchId: string, period: string, acknowledged: string[], idempotencyKey: string) =>
      callRoute('POST /api/v1/branches/{branchId}/signoffs', `/branches/${seg(branchId)}/signoffs`, { period, acknowledged }, { 'Idempotency-Key': idempotencyKey }),

    // Every create carries an Idempotency-Key (made by a Submission): a retry or double tap lands on the same record.
    // 送学上门.
    requestVisit: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/visit-requests'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/visit-requests', `/members/${seg(memberId)}/visit-requests`, input, { 'Idempotency-Key': idempotencyKey }),
    memberVisits: async (memberId: string) => (await callRoute('GET /api/v1/members/{memberId}/visit-requests', `/members/${seg(memberId)}/visit-requests`)).items,
    branchVisits: async (branchId: string, status?: Query<'GET /api/v1/branches/{branchId}/visit-requests'>['status']) =>
      (await callRoute('GET /api/v1/branches/{branchId}/visit-requests', `/branches/${seg(branchId)}/visit-requests${status ? `?status=${seg(status)}` : ''}`)).items,
    branchContacts: async (branchId: string) => (await callRoute('GET /api/v1/branches/{branchId}/contacts', `/branches/${seg(branchId)}/contacts`)).items,
    visit: (requestId: string) => callRoute('GET /api/v1/visit-requests/{requestId}', `/visit-requests/${seg(requestId)}`),
    acceptVisit: (requestId: string) => callRoute('POST /api/v1/visit-requests/{requestId}/accept', `/visit-requests/${seg(requestId)}/accept`, {}),
    scheduleVisit: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/schedule'>) => callRoute('POST /api/v1/visit-requests/{requestId}/schedule', `/visit-requests/${seg(requestId)}/schedule`, input),
    /** `idempotencyKey`: a delivery kept on the phone while offline carries the key made when it was recorded. */
    deliverVisit: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/deliver'>, idempotencyKey?: string) =>
      callRoute('POST /api/v1/visit-requests/{requestId}/deliver', `/visit-requests/${seg(requestId)}/deliver`, input, keyHeader(idempotencyKey)),
    confirmVisit: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/confirm'>) => callRoute('POST /api/v1/visit-requests/{requestId}/confirm', `/visit-requests/${seg(requestId)}/confirm`, input),
    /** The member's or proxy's ways back on a request: withdrawn before delivery, or "没有人来" on a delivery. */
    withdrawVisit: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/withdraw'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/visit-requests/{requestId}/withdraw', `/visit-requests/${seg(requestId)}/withdraw`, input, { 'Idempotency-Key': idempotencyKey }),
    reportVisitMissed: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/missed'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/visit-requests/{requestId}/missed', `/visit-requests/${seg(requestId)}/missed`, input, { 'Idempotency-Key': idempotencyKey }),
    cancelVisit: (requestId: string, input: Body<'POST /api/v1/visit-requests/{requestId}/cancel'>) => callRoute('POST /api/v1/visit-requests/{requestId}/cancel', `/visit-requests/${seg(requestId)}/cancel`, input),
    myVisits: async () => (await callRoute('GET /api/v1/contacts/me/visits', '/contacts/me/visits')).items,

    // 党员积分.
    memberPoints: (memberId: string, year?: number) => callRoute('GET /api/v1/members/{memberId}/points', `/members/${seg(memberId)}/points${year ? `?year=${year}` : ''}`),
    branchPoints: (branchId: string, year?: number) =>
      callRoute('GET /api/v1/branches/{branchId}/points', `/branches/${seg(branchId)}/points${year ? `?year=${year}` : ''}`),
    awardPoints: (memberId: string, input: Body<'POST /api/v1/members/{memberId}/points/entries'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/points/entries', `/members/${seg(memberId)}/points/entries`, input, { 'Idempotency-Key': idempotencyKey }),
    reversePoints: (entryId: string, input: Body<'POST /api/v1/points/entries/{entryId}/reversal'>, idempotencyKey: string) =>
      callRoute('POST /api/v1/points/entries/{entryId}/reversal', `/points/entries/${seg(entryId)}/reversal`, input, { 'Idempotency-Key': idempotencyKey }),

    // 管理员: an organisation's rules with where each comes from; its own rules for its subtree; back to inheriting.
    orgRules: (orgId: string) => callRoute('GET /api/v1/orgs/{orgId}/rules', `/orgs/${seg(orgId)}/rules`),
    saveFrequencyRules: (orgId: string, rules: Body<'PUT /api/v1/orgs/{orgId}/session-rules'>) => callRoute('PUT /api/v1/orgs/{orgId}/session-rules', `/orgs/${seg(orgId)}/session-rules`, rules),
    saveVisitRules: (orgId: string, rules: Body<'PUT /api/v1/orgs/{orgId}/visit-rules'>) => callRoute('PUT /api/v1/orgs/{orgId}/visit-rules', `/orgs/${seg(orgId)}/visit-rules`, rules),
    savePointsRules: (orgId: string, rules: Body<'PUT /api/v1/orgs/{orgId}/points-rules'>) => callRoute('PUT /api/v1/orgs/{orgId}/points-rules', `/orgs/${seg(orgId)}/points-rules`, rules),
    revertRules: (orgId: string, kind: Body<'POST /api/v1/orgs/{orgId}/rules/revert'>['kind']) => callRoute('POST /api/v1/orgs/{orgId}/rules/revert', `/orgs/${seg(orgId)}/rules/revert`, { kind }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export { ApiError };
