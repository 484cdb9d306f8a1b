import * as z from 'zod/mini';
import { Session } from './auth';
import { Id, titled } from './common';

/**
 * Signing a computer in to the web console by scanning a QR code with the mini-program (扫码登录).
 * The page holds the login's id, a secret only it knows; the QR code carries the scene, a hash of that id,
 * so whoever sees the code can confirm it but never collect the session it gives.
 */

/** A scene as WeChat's getwxacodeunlimit takes it (at most 32 visible characters): ours are 32 base64url characters. */
export const ConsoleLoginScene = titled(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9_-]{32}$/, '登录二维码无法识别，请在电脑上刷新页面后重新扫码')), '登录二维码');

/** What the page shows: the mini-program code to scan (a PNG as a data URL) and until when it works. */
export const ConsoleLoginCreated = z.object({
  /** The page's own key to ask for the result (never shown, never in the code). */
  loginId: Id,
  scene: ConsoleLoginScene,
  /** `data:image/png;base64,…`: the mini-program code WeChat made for the scene. */
  codeImage: z.string(),
  expiresAt: z.string(),
});
export type ConsoleLoginCreated = z.infer<typeof ConsoleLoginCreated>;

/** The page's poll: still waiting, or signed in with its own short session (answered once; the login is then used up). */
export const ConsoleLoginState = z.object({
  status: z.enum(['waiting', 'signedIn']),
  session: z.optional(Session),
});
export type ConsoleLoginState = z.infer<typeof ConsoleLoginState>;

/** The mini-program confirms the scene it was opened with. */
export const ConsoleLoginConfirmInput = z.strictObject({ scene: ConsoleLoginScene });
export type ConsoleLoginConfirmInput = z.infer<typeof ConsoleLoginConfirmInput>;

export const ConsoleLoginConfirmed = z.object({ status: z.literal('confirmed') });
export type ConsoleLoginConfirmed = z.infer<typeof ConsoleLoginConfirmed>;
