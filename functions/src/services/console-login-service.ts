import { createHash, randomBytes } from 'node:crypto';
import { can, ownScope } from '@ltx/shared/domain/authz';
import type { Actor } from '@ltx/shared/domain/roles';
import { ConsoleLoginBusyError, ConsoleLoginExpiredError, ConsoleLoginUsedError, ForbiddenError } from '@ltx/shared/domain/errors';
import type { ConsoleLoginConfirmed, ConsoleLoginCreated, ConsoleLoginState } from '@ltx/shared/schemas/console-login';
import type { Clock } from '@ltx/shared/time/clock';
import type { AuditRepository } from '../repositories/audit-repository';
import type { ConsoleLoginRepository } from '../repositories/console-login-repository';
import type { UserRepository } from '../repositories/user-repository';
import type { WxaCodeMaker } from '../wechat/wxa-code';
import type { AuthService } from './auth-service';

/** How long a QR code on the computer's screen may be scanned. */
export const consoleLoginMinutes = 5;
/** A computer's session: a working day, not the phone's week (a shared office computer is left signed in). */
export const consoleSessionSeconds = 8 * 3600;
/** The page asks every 2 seconds for 5 minutes (150 times); more is not a page. */
export const consolePollLimit = 200;
/** After the code expires, a login confirmed just in time may still be collected this long. */
const collectGraceMs = 60_000;
/** The mini-program page the code opens, as getwxacodeunlimit wants it (no leading slash). */
export const consoleConfirmPage = 'pages/console-login/index';

/**
 * The scene a login id is shown as: a hash, so the QR code (which anyone in the room may photograph)
 * lets one confirm the login but not collect its session, which only the page that holds the id can.
 */
export const sceneOf = (loginId: string) => createHash('sha256').update(loginId).digest('base64url').slice(0, 32);

/**
 * Signing a computer in to the web console (扫码登录): the page asks for a login and shows its mini-program
 * code; a staff member signed in on the phone scans it and confirms; the page's next poll gets its own
 * short session, once. Single use, a few minutes long, audited.
 */
export class ConsoleLoginService {
  constructor(
    private readonly deps: {
      logins: ConsoleLoginRepository;
      users: UserRepository;
      audit: AuditRepository;
      auth: AuthService;
      codes: WxaCodeMaker;
      clock: Clock;
    },
  ) {}

  async start(): Promise<ConsoleLoginCreated> {
    const loginId = randomBytes(32).toString('base64url');
    const scene = sceneOf(loginId);
    const now = this.deps.clock.now();
    const expires = new Date(now.getTime() + consoleLoginMinutes * 60_000);
    const image = await this.deps.codes.unlimited(scene, consoleConfirmPage);
    await this.deps.logins.create({
      scene, status: 'waiting', createdAt: now.toISOString(), expiresAt: expires.toISOString(),
      ttl: Math.floor(expires.getTime() / 1000) + 3600, polls: 0,
    });
    return { loginId, scene, codeImage: `data:image/png;base64,${image.toString('base64')}`, expiresAt: expires.toISOString() };
  }

  /** The page's poll: nothing about who until confirmed; then the session, to this one call only. */
  async poll(loginId: string): Promise<ConsoleLoginState> {
    const scene = sceneOf(loginId);
    const login = await this.deps.logins.poll(scene, consolePollLimit);
    if (login === 'refused') throw new ConsoleLoginBusyError();
    const now = this.deps.clock.now().getTime();
    const expiresAt = login ? Date.parse(login.expiresAt) : 0;
    if (!login || login.status === 'used') throw new ConsoleLoginExpiredError();
    if (login.status === 'waiting') {
      if (now >= expiresAt) throw new ConsoleLoginExpiredError();
      return { status: 'waiting' };
    }
    if (now >= expiresAt + collectGraceMs || !(await this.deps.logins.use(scene))) throw new ConsoleLoginExpiredError();
    const user = login.userId ? await this.deps.users.getUser(login.userId) : undefined;
    // Withdrawn between the scan and the poll: no session.
    if (!user || user.withdrawnAt) throw new ConsoleLoginExpiredError();
    const session = await this.deps.auth.sessionFor(user, consoleSessionSeconds);
    await this.deps.audit.append(user.branchId ?? user.orgId ?? user.id, {
      at: new Date(now).toISOString(), actorUserId: user.id, action: 'console.signIn', targetType: 'staff', targetId: user.id,
      actorName: user.displayName, actorRole: user.role,
    });
    return { status: 'signedIn', session };
  }

  /** The signed-in staff member confirms the code they scanned: it is then theirs, and no one else's. */
  async confirm(actor: Actor, scene: string): Promise<ConsoleLoginConfirmed> {
    if (!can(actor, 'console.signIn', ownScope(actor, 'branch'))) throw new ForbiddenError();
    const now = this.deps.clock.now().toISOString();
    if (await this.deps.logins.confirm(scene, actor.userId, now)) return { status: 'confirmed' };
    const login = await this.deps.logins.get(scene);
    if (login && login.status !== 'waiting') throw new ConsoleLoginUsedError();
    throw new ConsoleLoginExpiredError();
  }
}
