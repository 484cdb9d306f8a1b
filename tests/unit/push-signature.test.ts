import { describe, expect, it } from 'vitest';
import { isPushSigned, pushSignature } from '../../functions/src/wechat/push-signature';

/** WeChat's message-push signature: SHA-1 over the sorted token, timestamp and nonce (vectors computed independently). */
describe('the message-push signature', () => {
  it('is the SHA-1 hex of the three strings sorted and joined', () => {
    expect(pushSignature('AAAAA', '1409659813', '1372623149')).toBe('aea4bea485da97e0dd0c1fdae5f4c542858bffb9');
    expect(pushSignature('pushToken123', '1767225600', '42')).toBe('76c06013c8c275ded9e5e3ea04667d54780097f5');
  });

  it('does not depend on the order the parts come in', () => {
    expect(pushSignature('1409659813', 'AAAAA', '1372623149')).toBe(pushSignature('AAAAA', '1409659813', '1372623149'));
  });

  it('accepts WeChat’s signature (in either case) and refuses anything else', () => {
    const query = { signature: 'aea4bea485da97e0dd0c1fdae5f4c542858bffb9', timestamp: '1409659813', nonce: '1372623149' };
    expect(isPushSigned('AAAAA', query)).toBe(true);
    expect(isPushSigned('AAAAA', { ...query, signature: query.signature.toUpperCase() })).toBe(true);
    expect(isPushSigned('AAAAB', query)).toBe(false);
    expect(isPushSigned('AAAAA', { ...query, nonce: '1372623150' })).toBe(false);
    expect(isPushSigned('AAAAA', { ...query, timestamp: '1409659814' })).toBe(false);
    expect(isPushSigned('AAAAA', { ...query, signature: query.signature.slice(1) })).toBe(false);
  });

  it('refuses a missing signature, timestamp or nonce, and an unset push token', () => {
    const query = { signature: pushSignature('', '1', '2'), timestamp: '1', nonce: '2' };
    expect(isPushSigned('', query)).toBe(false);
    expect(isPushSigned('AAAAA', { timestamp: '1409659813', nonce: '1372623149' })).toBe(false);
    expect(isPushSigned('AAAAA', { signature: 'aea4bea485da97e0dd0c1fdae5f4c542858bffb9', nonce: '1372623149' })).toBe(false);
    expect(isPushSigned('AAAAA', { signature: 'aea4bea485da97e0dd0c1fdae5f4c542858bffb9', timestamp: '1409659813' })).toBe(false);
  });
});
