import type { DemoAccount, Invite, MemberCreateInput, MemberDetail, MemberPatchInput, Me, Session } from '@ltx/shared';
import type {
  AmendmentInput,
  AttendanceInput,
  BranchOverview,
  BulkAttendanceInput,
  BulkAttendancePlan,
  MemberSession,
  MinutesInput,
  OutboxEntry,
  ReconcileReport,
  ReminderKind,
  SessionCloseInput,
  SessionCreateInput,
  SessionDetail,
  SessionSummary,
  UploadInput,
  UploadTicket,
} from './types';
import type {
  BranchContact,
  BranchPoints,
  ContactVisit,
  ManualAwardInput,
  MemberPoints,
  PointsEntry,
  ReversalInput,
  VisitCancelInput,
  VisitConfirmInput,
  VisitDeliverInput,
  VisitRequest,
  VisitRequestInput,
  VisitScheduleInput,
  VisitStatus,
} from './types';
import type { ComplianceView, Ledger, Rectification, RectificationPatch, Review, ReviewInput, Signoff, SignoffCheck } from './types';
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
  /** Called when a request that carried a token answers 401: the session is gone. */
  onUnauthorized?: () => void;
}

/** What saving a member's changes led to. */
export type MemberUpdateResult =
  | { kind: 'saved'; member: MemberDetail }
  /** A paired contact's change waits for the secretary's approval. */
  | { kind: 'pending'; pendingChangeId: string };

const seg = encodeURIComponent;

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
    if (response.status === 401 && token) onUnauthorized?.();
    throw toApiError(response.status, response.body);
  }

  async function call<T>(method: HttpMethod, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
    return (await send(method, path, body, extraHeaders)).body as T;
  }

  /**
   * One declared route, its body and answer typed from its declaration (functions/src/api; types
   * only, nothing of the back end is bundled). `path` is the filled-in template of `route`.
   */
  async function callRoute<K extends RouteKey>(route: K, path: string, body?: RouteTypes[K]['body'], extraHeaders?: Record<string, string>): Promise<RouteTypes[K]['response']> {
    return (await send(route.slice(0, route.indexOf(' ')) as HttpMethod, path, body, extraHeaders)).body as RouteTypes[K]['response'];
  }

  return {
    demoAccounts: async () => (await call<{ items: DemoAccount[] }>('GET', '/auth/demo-accounts')).items,
    devLogin: (account: string) => call<Session>('POST', '/auth/dev-login', { account }),
    wechatLogin: (code: string) => call<Session>('POST', '/auth/wechat', { code }),
    bind: (inviteCode: string) => call<Session>('POST', '/bindings', { inviteCode }),
    me: () => call<Me>('GET', '/me'),
    branches: async (orgId: string) => (await callRoute('GET /api/v1/orgs/{orgId}/branches', `/orgs/${seg(orgId)}/branches`)).items,
    branch: (branchId: string) => callRoute('GET /api/v1/branches/{branchId}', `/branches/${seg(branchId)}`),
    members: async (branchId: string) => (await callRoute('GET /api/v1/branches/{branchId}/members', `/branches/${seg(branchId)}/members`)).items,
    createMember: (branchId: string, input: MemberCreateInput, idempotencyKey: string) =>
      callRoute('POST /api/v1/branches/{branchId}/members', `/branches/${seg(branchId)}/members`, input, { 'Idempotency-Key': idempotencyKey }),
    member: (memberId: string) => callRoute('GET /api/v1/members/{memberId}', `/members/${seg(memberId)}`),
    async updateMember(memberId: string, patch: MemberPatchInput): Promise<MemberUpdateResult> {
      const res = await send('PATCH', `/members/${seg(memberId)}`, patch);
      if (res.status === 202) return { kind: 'pending', pendingChangeId: (res.body as { pendingChangeId: string }).pendingChangeId };
      return { kind: 'saved', member: res.body as MemberDetail };
    },
    createInvite: (memberId: string, kind: Invite['kind'], idempotencyKey: string) =>
      callRoute('POST /api/v1/members/{memberId}/invites', `/members/${seg(memberId)}/invites`, { kind }, { 'Idempotency-Key': idempotencyKey }),
    approveChange: (memberId: string, changeId: string) =>
      callRoute('POST /api/v1/members/{memberId}/changes/{changeId}/approve', `/members/${seg(memberId)}/changes/${seg(changeId)}/approve`),

    // Organisational life (三会一课、主题党日).
    memberSessions: async (memberId: string) => (await call<{ items: MemberSession[] }>('GET', `/members/${seg(memberId)}/sessions`)).items,
    /** This year's sessions of the branch (the API's default period). */
    branchSessions: async (branchId: string) => (await call<{ items: SessionSummary[] }>('GET', `/branches/${seg(branchId)}/sessions`)).items,
    createSession: (branchId: string, input: SessionCreateInput, idempotencyKey: string) =>
      call<SessionDetail>('POST', `/branches/${seg(branchId)}/sessions`, input, { 'Idempotency-Key': idempotencyKey }),
    session: (sessionId: string) => call<SessionDetail>('GET', `/sessions/${seg(sessionId)}`),
    markAttendance: (sessionId: string, memberId: string, input: AttendanceInput) =>
      call<SessionDetail>('PUT', `/sessions/${seg(sessionId)}/attendance/${seg(memberId)}`, input),
    markMany: (sessionId: string, input: BulkAttendanceInput) => call<SessionDetail>('PUT', `/sessions/${seg(sessionId)}/attendance`, input),
    previewMany: (sessionId: string, input: BulkAttendanceInput) => call<BulkAttendancePlan>('POST', `/sessions/${seg(sessionId)}/attendance/preview`, input),
    undoMany: (sessionId: string, bulkId: string) => call<SessionDetail>('POST', `/sessions/${seg(sessionId)}/attendance/undo`, { bulkId }),
    reconcileSession: (sessionId: string) => call<ReconcileReport>('POST', `/sessions/${seg(sessionId)}/reconcile`),
    saveMinutes: (sessionId: string, input: MinutesInput) => call<SessionDetail>('PUT', `/sessions/${seg(sessionId)}/minutes`, input),
    closeSession: (sessionId: string, input: SessionCloseInput = {}) => call<SessionDetail>('POST', `/sessions/${seg(sessionId)}/close`, input),
    amendSession: (sessionId: string, input: AmendmentInput, idempotencyKey: string) =>
      call<SessionDetail>('POST', `/sessions/${seg(sessionId)}/amendments`, input, { 'Idempotency-Key': idempotencyKey }),
    overview: (branchId: string) => call<BranchOverview>('GET', `/branches/${seg(branchId)}/overview`),
    outbox: async (branchId: string) => (await call<{ items: OutboxEntry[] }>('GET', `/branches/${seg(branchId)}/outbox`)).items,
    subscribe: (memberId: string, kinds: ReminderKind[]) => call<{ kinds: ReminderKind[] }>('PUT', `/members/${seg(memberId)}/subscriptions`, { kinds }),
    createUpload: (input: UploadInput) => call<UploadTicket>('POST', '/uploads', input),

    // 督导: each branch against the rules for a period, the ledger, opinions with rectification items, sign-off.
    compliance: (orgId: string, period: string) => call<ComplianceView>('GET', `/orgs/${seg(orgId)}/compliance?period=${seg(period)}`),
    ledger: (branchId: string, period: string) => call<Ledger>('GET', `/branches/${seg(branchId)}/ledger?period=${seg(period)}`),
    reviews: async (branchId: string, period: string) => (await call<{ items: Review[] }>('GET', `/branches/${seg(branchId)}/reviews?period=${seg(period)}`)).items,
    createReview: (branchId: string, input: ReviewInput, idempotencyKey: string) =>
      call<Review>('POST', `/branches/${seg(branchId)}/reviews`, input, { 'Idempotency-Key': idempotencyKey }),
    /** Answer (secretary), accept or return (inspector). PATCH: the mini-program's request adapter sends it as POST on the alias route. */
    rectify: (itemId: string, patch: RectificationPatch) => call<Rectification>('PATCH', `/rectifications/${seg(itemId)}`, patch),
    /** What is still missing before a period can be signed off, in words. */
    signoffCheck: (branchId: string, period: string) => call<SignoffCheck>('GET', `/branches/${seg(branchId)}/signoff-check?period=${seg(period)}`),
    /** `acknowledged`: the keys of every item the check listed, each confirmed by the inspector. */
    signoff: (branchId: string, period: string, acknowledged: string[], idempotencyKey: string) =>
      call<Signoff>('POST', `/branches/${seg(branchId)}/signoffs`, { period, acknowledged }, { 'Idempotency-Key': idempotencyKey }),

    // Every create carries an Idempotency-Key (made by a Submission): a retry or double tap lands on the same record.
    // 送学上门.
    requestVisit: (memberId: string, input: VisitRequestInput, idempotencyKey: string) =>
      call<VisitRequest>('POST', `/members/${seg(memberId)}/visit-requests`, input, { 'Idempotency-Key': idempotencyKey }),
    memberVisits: async (memberId: string) => (await call<{ items: VisitRequest[] }>('GET', `/members/${seg(memberId)}/visit-requests`)).items,
    branchVisits: async (branchId: string, status?: VisitStatus) =>
      (await call<{ items: VisitRequest[] }>('GET', `/branches/${seg(branchId)}/visit-requests${status ? `?status=${seg(status)}` : ''}`)).items,
    branchContacts: async (branchId: string) => (await call<{ items: BranchContact[] }>('GET', `/branches/${seg(branchId)}/contacts`)).items,
    visit: (requestId: string) => call<VisitRequest>('GET', `/visit-requests/${seg(requestId)}`),
    acceptVisit: (requestId: string) => call<VisitRequest>('POST', `/visit-requests/${seg(requestId)}/accept`, {}),
    scheduleVisit: (requestId: string, input: VisitScheduleInput) => call<VisitRequest>('POST', `/visit-requests/${seg(requestId)}/schedule`, input),
    deliverVisit: (requestId: string, input: VisitDeliverInput) => call<VisitRequest>('POST', `/visit-requests/${seg(requestId)}/deliver`, input),
    confirmVisit: (requestId: string, input: VisitConfirmInput) => call<VisitRequest>('POST', `/visit-requests/${seg(requestId)}/confirm`, input),
    cancelVisit: (requestId: string, input: VisitCancelInput) => call<VisitRequest>('POST', `/visit-requests/${seg(requestId)}/cancel`, input),
    myVisits: async () => (await call<{ items: ContactVisit[] }>('GET', '/contacts/me/visits')).items,

    // 党员积分.
    memberPoints: (memberId: string, year?: number) => call<MemberPoints>('GET', `/members/${seg(memberId)}/points${year ? `?year=${year}` : ''}`),
    branchPoints: (branchId: string, year?: number, sort: 'name' | 'total' = 'name') =>
      call<BranchPoints>('GET', `/branches/${seg(branchId)}/points?${year ? `year=${year}&` : ''}sort=${sort}`),
    awardPoints: (memberId: string, input: ManualAwardInput, idempotencyKey: string) =>
      call<PointsEntry>('POST', `/members/${seg(memberId)}/points/entries`, input, { 'Idempotency-Key': idempotencyKey }),
    reversePoints: (entryId: string, input: ReversalInput, idempotencyKey: string) =>
      call<PointsEntry>('POST', `/points/entries/${seg(entryId)}/reversal`, input, { 'Idempotency-Key': idempotencyKey }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
export { ApiError };
