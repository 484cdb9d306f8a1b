import { writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi-document';

// `npm run openapi`: rewrites docs/openapi.json from the zod schemas and the route table.
writeFileSync('docs/openapi.json', `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('docs/openapi.json written');
