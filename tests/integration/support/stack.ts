import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
