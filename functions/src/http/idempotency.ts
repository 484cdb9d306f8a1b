import { createHash, randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Actor } from '@ltx/shared/domain/roles';
import type { Clock } from '@ltx/shared/time/clock';
import type { IdempotencyRepository } from '../repositories/idempotency-repository';
import { IdempotencyKeyReusedError, RequestInProgressError } from './errors';
import { idempotencyKey } from './request';
import type { HttpResult } from './route';

/** A claim older than this belongs to a request that died (a Lambda runs at most 10 s): the next repeat takes it over. */
const staleClaimMs = 30_000;
/**
 * How long a key's first answer is kept for repeats: long enough for any retry (a phone that kept a record
 * while offline sends it when the network returns), short enough that answers holding personal data (a member's
 * details, once health data) do not outlive a withdrawal of consent or a deletion by more than a week.
 */
export const replaySeconds = 7 * 24 * 60 * 60;
/** How long a repeat waits for the first of identical requests to finish, polling its claim. */
const pollMs = 50;
const maxPolls = 200;

export interface IdempotencyDeps {
  idempotency: IdempotencyRepository;
  clock: Clock;
}

/** JSON with object keys sorted: the same content gives the same text whatever order it was written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a create at most once per Idempotency-Key. A key belongs to its route and its actor (another route or
 * person may use the same text freely) and is bound to what it asked for: the target in the path and the
 * validated body. The same key for anything else answers 422 IDEMPOTENCY_KEY_REUSED and changes nothing;
 * an identical repeat answers the first result (same status, same body), also while the first still runs.
 * A request that fails gives its key back, so a repeat runs again rather than repeating a failure.
 */
export async function idempotent(
  deps: IdempotencyDeps,
  event: APIGatewayProxyEventV2,
  actor: Actor,
  body: unknown,
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const key = idempotencyKey(event);
  if (!key) return run();
  const repo = deps.idempotency;
  const scope = sha256([event.routeKey, actor.userId, key].join('\u0000'));
  const fingerprint = sha256(canonicalJson({ target: event.pathParameters ?? {}, body }));
  const claim = randomUUID();
  const now = () => deps.clock.now().toISOString();
  const seconds = () => Math.floor(deps.clock.now().getTime() / 1000);
  const claimed = async () => (await repo.claim({ scope, fingerprint, state: 'pending', claim, claimedAt: now(), ttl: seconds() + replaySeconds })) === 'created';

  if (!(await claimed())) {
    for (let poll = 0; ; poll++) {
      const existing = await repo.get(scope, seconds());
      if (!existing) {
        // The first request failed and gave the key back: this one runs instead.
        if (await claimed()) break;
        continue;
      }
      if (existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
      if (existing.state === 'done') return { status: existing.status ?? 200, ...(existing.body && existing.body !== 'null' ? { body: JSON.parse(existing.body) as unknown } : {}) };
      const age = deps.clock.now().getTime() - Date.parse(existing.claimedAt);
      if (age > staleClaimMs && (await repo.takeOver(scope, existing.claim, claim, now()))) break;
      if (poll >= maxPolls) throw new RequestInProgressError();
      await sleep(pollMs);
    }
  }
  let result: HttpResult;
  try {
    result = await run();
  } catch (error) {
    await repo.release(scope, claim);
    throw error;
  }
  await repo.complete(scope, claim, { status: result.status, body: JSON.stringify(result.body ?? null), at: now() });
  return result;
}
