import { readFile } from 'node:fs/promises';
import type { SecretsManagerClientConfig } from '@aws-sdk/client-secrets-manager';
import { systemClock, type Clock } from '@ltx/shared/time/clock';

/** Where secrets come from: Secrets Manager in AWS, a generated file under the data folder locally. */
export interface SecretSource {
  get(id: string): Promise<string>;
}

export class FileSecretSource implements SecretSource {
  private values?: Promise<Record<string, string>>;
  constructor(private readonly file: string) {}

  async get(id: string): Promise<string> {
    this.values ??= readFile(this.file, 'utf8').then((text) => JSON.parse(text) as Record<string, string>);
    const value = (await this.values)[id];
    if (!value) throw new Error(`Secret ${id} missing from the local secrets file`);
    return value;
  }
}

/**
 * How long a secret read from Secrets Manager is used before it is read again. A rotated secret (a new
 * WeChat AppSecret put as a new version, docs/runbook.md) reaches every warm function within this time, with
 * no redeploy; meanwhile each function reads each secret at most once per period.
 */
export const secretMaxAgeMs = 5 * 60_000;

export class SecretsManagerSource implements SecretSource {
  private readonly cache = new Map<string, { value: Promise<string>; readAt: number }>();
  private readonly clock: Clock;
  private readonly maxAgeMs: number;
  /** `client`: the SDK client's settings (a test's endpoint and credentials); in AWS the function's own. */
  constructor(private readonly options: { clock?: Clock; maxAgeMs?: number; client?: SecretsManagerClientConfig } = {}) {
    this.clock = options.clock ?? systemClock;
    this.maxAgeMs = options.maxAgeMs ?? secretMaxAgeMs;
  }

  async get(id: string): Promise<string> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(id);
    if (cached && now - cached.readAt < this.maxAgeMs) return cached.value;
    const value = this.fetch(id);
    this.cache.set(id, { value, readAt: now });
    // A failed fetch must not be cached: the next request tries again.
    value.catch(() => {
      if (this.cache.get(id)?.value === value) this.cache.delete(id);
    });
    return value;
  }

  private async fetch(id: string): Promise<string> {
    // Loaded only in AWS, so the local stack never pulls in this client.
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient(this.options.client ?? {}).send(new GetSecretValueCommand({ SecretId: id }));
    if (!out.SecretString) throw new Error(`Secret ${id} has no string value`);
    return out.SecretString;
  }
}

/**
 * A secret that changes while the functions run (the published WeChat access token): read afresh on
 * every call, and written by its one writer (the reminder job). Callers cache it themselves, briefly.
 */
export interface ChangingSecret {
  read(): Promise<string | undefined>;
  write(value: string): Promise<void>;
}

export class SecretsManagerValue implements ChangingSecret {
  constructor(private readonly id: string) {}

  async read(): Promise<string | undefined> {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    return (await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: this.id }))).SecretString;
  }

  async write(value: string): Promise<void> {
    const { SecretsManagerClient, PutSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    await new SecretsManagerClient({}).send(new PutSecretValueCommand({ SecretId: this.id, SecretString: value }));
  }
}
