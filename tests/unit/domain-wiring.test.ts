import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domains } from '../../functions/src/api';
import { buildBase, coreOf } from '../../functions/src/context';
import { createDocumentClient } from '../../functions/src/db/client';
import { systemClock } from '@ltx/shared/time/clock';

/**
 * Each domain's Lambda builds only the services its `wire` names (so that it bundles only those). A route
 * reading a service its domain does not wire would fail only in that Lambda: here every `ctx.…` a domain
 * module reads must be wired (or be part of what every route gets). Nothing connects: building is lazy.
 */
const base = () => buildBase({ db: createDocumentClient('http://127.0.0.1:9'), tableName: 'unused', clock: systemClock });
/** The modules whose routes a domain serves, where not just its own (members serves 意见反馈's, declared in feedback.ts). */
const moduleFiles: Record<string, string[]> = { members: ['members', 'feedback'] };

describe('domain wiring', () => {
  for (const [name, domain] of Object.entries(domains)) {
    it(`${name}: every service its routes read is wired`, () => {
      const b = base();
      const provided = new Set([...Object.keys(coreOf(b)), ...Object.keys(domain.wire(b)), 'stage']);
      const source = (moduleFiles[name] ?? [name]).map((file) => readFileSync(new URL(`../../functions/src/api/${file}.ts`, import.meta.url), 'utf8')).join('\n');
      const read = new Set([...source.matchAll(/\bctx\.(\w+)/g)].map((m) => m[1]!));
      expect(read.size).toBeGreaterThan(0);
      expect([...read].filter((k) => !provided.has(k))).toEqual([]);
    });
  }

  it('builds each service once per base', () => {
    const b = base();
    expect(domains.sessions!.wire(b).sessions).toBe(domains.sessions!.wire(b).sessions);
    expect(domains.visits!.wire(b).visits).toBe(domains.visits!.wire(b).visits);
  });
});
