// The Debian packages the tests need: Chromium, a font that has Chinese glyphs (without it every
// character renders as a box), and libfaketime for the fixed-instant runs. Installed when run as
// root; otherwise the exact command is printed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fontFile = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const faketimePath = '/usr/bin/faketime';

export function ensureBrowser() {
  if (existsSync(chromiumPath) && existsSync(fontFile) && existsSync(faketimePath)) return;
  const install = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei faketime';
  if (process.getuid?.() !== 0) {
    console.error(`Chromium, the Chinese font or faketime is missing. Install them with:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.log(`Installing Chromium, the Chinese font and faketime: ${install}`);
  const result = spawnSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || !existsSync(chromiumPath) || !existsSync(faketimePath)) {
    console.error('Installing Chromium failed; see the apt output above.');
    process.exit(1);
  }
  execSync('fc-cache -f', { stdio: 'ignore' });
}
