/**
 * Runs a mini-program build for a stage: `tsx scripts/with-stage.ts <command…>` with LTX_STAGE (local unless
 * said). It reads config/stages.json through its schema (shared/src/config/stages.ts), refuses a deployed stage
 * without an API origin, and hands the build the stage's API origin and privacy-policy operator as the
 * TARO_APP_* variables miniapp/config/index.ts compiles in. (Taro's config loader cannot load the shared
 * TypeScript module itself, hence this step in front of it.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isStageName, parseStages, weappApiOrigin } from '../shared/src/config/stages';

const stageName = process.env.LTX_STAGE ?? 'local';
if (!isStageName(stageName)) {
  console.error(`LTX_STAGE must be local, dev or prod, got "${stageName}"`);
  process.exit(2);
}
const stage = parseStages(JSON.parse(readFileSync(fileURLToPath(new URL('../config/stages.json', import.meta.url)), 'utf8')))[stageName];
const [command, ...args] = process.argv.slice(2);
// The mini-program needs the origin. An H5 build calls the origin that serves it, except a deployed stage's web
// console, served from its own domain (infra/src/constructs/web-console.ts): it calls the stage's API origin when
// there is one (the API allows the console domain by CORS).
let apiOrigin = '';
try {
  if (args.includes('weapp')) apiOrigin = weappApiOrigin(stageName, stage);
  else if (stageName !== 'local' && stage.apiOrigin) apiOrigin = stage.apiOrigin;
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (!command) throw new Error('usage: tsx scripts/with-stage.ts <command> [args…]');
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    LTX_STAGE: stageName,
    TARO_APP_API_BASE: apiOrigin,
    TARO_APP_OPERATOR_NAME: stage.operator.name ?? '',
    TARO_APP_OPERATOR_CONTACT: stage.operator.contact ?? '',
  },
});
process.exit(result.status ?? 1);
