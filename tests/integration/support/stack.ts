import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthConsentTerms } from '@ltx/shared/domain/consent';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../../local/stack';
import { testClock } from '../../support/clock';

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as it is (malformed JSON, for instance) instead of `body`. */
  rawBody?: string;
  /** The Idempotency-Key header the mini-program sends with a create. */
  idempotencyKey?: string;
}

export interface TestStack extends LocalStack {
  dataDir: string;
  /** Calls the API like the mini-program does. */
  call(method: string, path: string, options?: CallOptions): Promise<{ status: number; body: any }>;
  login(account: string): Promise<string>;
  stop(): Promise<void>;
}

/** A fresh local stack on a temp data folder: real dynalite, real handlers, over real HTTP, on the test run's clock. */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ltx-it-'));
  const stack = await startLocalStack({ dataDir, seed: true, stage: 'test', clock: testClock, ...options });
  const call: TestStack['call'] = async (method, path, { token, body, rawBody, idempotencyKey } = {}) => {
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      ...(rawBody !== undefined ? { body: rawBody } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    ...stack,
    dataDir,
    call,
    login: async (account) => {
      const { status, body } = await call('POST', '/auth/dev-login', { body: { account } });
      if (status !== 200) throw new Error(`login ${account} answered ${status}`);
      return body.token as string;
    },
    stop: async () => {
      await stack.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const validMember = {
  name: '测试党员',
  gender: 'female',
  birthDate: '1946-05-01',
  joinedPartyOn: '1968-07-01',
  partyGroup: '第一党小组',
  phone: '13811112222',
  livingSituation: 'with_family',
};

/** A tiny valid PNG: what a photo upload needs in tests. */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Uploads a file through the presigned form as the mini-program does; answers its upload id. */
export async function uploadFile(stack: TestStack, token: string, bytes: Uint8Array, contentType: string, name: string): Promise<string> {
  const ticket = await stack.call('POST', '/uploads', { token, body: { contentType, size: bytes.length, name } });
  if (ticket.status !== 201) throw new Error(`upload ticket answered ${ticket.status}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), name);
  const sent = await fetch(ticket.body.url, { method: 'POST', body: form });
  if (sent.status !== 204) throw new Error(`upload answered ${sent.status}`);
  return ticket.body.uploadId as string;
}

/**
 * Health data needs the member's own consent first: the secretary records a signed paper form (its photo),
 * then writes the health profile. Answers the member as the secretary then sees them.
 */
export async function recordHealth(stack: TestStack, secretaryToken: string, memberId: string, sensitive: unknown): Promise<any> {
  const photo = await uploadFile(stack, secretaryToken, onePixelPng, 'image/png', '同意书.png');
  const given = await stack.call('POST', `/members/${memberId}/health-consent`, { token: secretaryToken, body: { termsVersion: healthConsentTerms.version, paperFormUploadId: photo } });
  if (given.status !== 200) throw new Error(`consent answered ${given.status}`);
  const current = (await stack.call('GET', `/members/${memberId}`, { token: secretaryToken })).body;
  const saved = await stack.call('PATCH', `/members/${memberId}`, { token: secretaryToken, body: { expectedVersion: current.version, sensitive } });
  if (saved.status !== 200) throw new Error(`health answered ${saved.status}: ${JSON.stringify(saved.body)}`);
  return saved.body;
}
