/** The mini-program page that binds a WeChat user with an invite code (app.config.ts lists it). */
export const bindPage = 'pages/bind/index';

/** The link an invite is sent as: opening it fills the code in. */
export const bindPagePath = (code: string) => `${bindPage}?code=${code}`;

/** How long an invite code stays valid. */
export const inviteLifetimeDays = 7;

/**
 * Guessing codes: an identity that enters this many wrong codes within this window and the one before
 * is refused (429), for 15 to 30 minutes. 32^6 codes and 5 tries per 15 minutes leave a guesser nothing to gain.
 */
export const inviteGuessLimit = { failures: 5, windowMinutes: 15 } as const;
