import { resolve } from 'node:path';
import { demoUsers } from './demo-data';
import { startLocalStack } from './stack';

/** `npm start`: the whole product on this machine, with demo data, until Ctrl-C. */
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 8787);

// WECHAT_API_BASE names a real WeChat (with its AppSecret in the secrets file); unset, the loopback fake stands in.
const stack = await startLocalStack({ dataDir, port, staticDir: resolve('miniapp/dist/h5'), seed: true, demoHistory: true, wechatApiBase: process.env.WECHAT_API_BASE || undefined });

console.log(`
离退休干部党支部 · 本地运行
  打开:      ${stack.url}/
  接口:      ${stack.url}/api/v1/health
  数据目录:  ${dataDir}  (${stack.seeded === 'seeded' ? '已写入演示数据' : '沿用已有数据'})

演示账号（登录页点选即可）:
${demoUsers.map((u) => `  ${u.account.padEnd(14)} ${u.label}`).join('\n')}

按 Ctrl-C 停止。`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n收到 ${signal}，正在停止…`);
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
