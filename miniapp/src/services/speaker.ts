import { isProxy } from '@ltx/shared/domain/roles';
import type { Me } from './types';

/**
 * Whom the member's pages speak of. The member reads 您 and taps 我; a family proxy reads and taps the
 * elder's name ("王建国来不了", "王建国已学习"), so nobody mistakes whose record it is.
 */
export interface Speaker {
  /** Said to the reader about the member: 您, or the elder's name. */
  you: string;
  /** On the buttons the reader taps: 我, or the elder's name. */
  i: string;
}
export const selfSpeaker: Speaker = { you: '您', i: '我' };
/** The words for the member (no name) or for the proxy of the named elder. */
export const speakerFor = (proxyFor: string | undefined): Speaker => (proxyFor ? { you: proxyFor, i: proxyFor } : selfSpeaker);

/** The elder's name when the signed-in person is their family proxy; undefined for anyone else. */
export function proxyNameOf(me: Me | undefined): string | undefined {
  return me && isProxy(me) ? (me.memberName ?? me.displayName) : undefined;
}
