import { existsSync } from 'node:fs';
import type { LocalStackOptions } from '../../../local/stack';
import { startTestStack, type TestStack } from '../../integration/support/stack';

/** Where `npm run build:h5` writes the pages the e2e phone opens. */
const h5 = 'miniapp/dist/h5';

/**
 * A fresh local stack that serves the H5 build as well as the API; says plainly when there is no build.
 * Its fake WeChat passes each photo's content check soon after it is attached, as `npm start` does.
 */
export async function startH5Stack(options: Partial<LocalStackOptions> = {}): Promise<TestStack> {
  if (!existsSync(`${h5}/index.html`)) throw new Error('No H5 build: run `npm run build:h5` first (npm test does).');
  return startTestStack({ autoPushVerdicts: true, ...options, staticDir: h5 });
}
