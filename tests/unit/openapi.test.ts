import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../scripts/openapi-document';
import { routes } from '../../functions/src/api';

describe('docs/openapi.json', () => {
  it('is what the schemas and the route table say today (run `npm run openapi` after changing them)', () => {
    const committed = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())));
  });

  it('documents every route with the Chinese field titles', () => {
    const doc = buildOpenApi();
    for (const r of routes) expect(doc.paths[r.path]?.[r.method.toLowerCase()]).toBeDefined();
    expect(JSON.stringify(doc)).toContain('紧急联系人电话');
  });
});
