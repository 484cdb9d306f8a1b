import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodePathSegment } from '../functions/src/http/request';
import { parseUrl } from './http-adapter';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Serves the H5 build; unknown paths fall back to index.html (the app routes by hash). */
export function createStaticHandler(root: string) {
  return async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = decodePathSegment(parseUrl(req.url).pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(404).end();
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info || info.isDirectory()) file = join(root, 'index.html');
    const exists = await stat(file).catch(() => undefined);
    if (!exists) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('小程序 H5 版本尚未构建：请先运行 npm run build:h5');
      return;
    }
    const ext = extname(file);
    res.writeHead(200, {
      'content-type': types[ext] ?? 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
    });
    // A file that vanished between stat and read ends this response, not the server.
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}
