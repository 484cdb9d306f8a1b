// The two Debian packages the browser tests need: Chromium, and a font that has Chinese glyphs
// (without it every character renders as a box). Installed when run as root; otherwise the
// exact command is printed.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const fontFile = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export function ensureBrowser() {
  if (existsSync(chromiumPath) && existsSync(fontFile)) return;
  const install = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei';
  if (process.getuid?.() !== 0) {
    console.error(`Chromium or the Chinese font is missing. Install them with:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.log(`Installing Chromium and the Chinese font: ${install}`);
  const result = spawnSync('sh', ['-c', install], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 || !existsSync(chromiumPath)) {
    console.error('Installing Chromium failed; see the apt output above.');
    process.exit(1);
  }
  execSync('fc-cache -f', { stdio: 'ignore' });
}
