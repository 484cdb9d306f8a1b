import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's message-push signature (明文模式): SHA-1 of the push token, the timestamp and the nonce,
 * sorted as strings and joined, in lowercase hex. The same on the URL check (GET, with `echostr`)
 * and on every pushed event (POST), always over the query string.
 */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Whether `signature` is WeChat's for this token, timestamp and nonce (compared in constant time). */
export function isPushSigned(token: string, query: { signature?: string; timestamp?: string; nonce?: string }): boolean {
  const { signature, timestamp, nonce } = query;
  if (!token || !signature || !timestamp || !nonce) return false;
  const expected = Buffer.from(pushSignature(token, timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}
