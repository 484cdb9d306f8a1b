import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { buildReminderSender } from '../../../functions/src/context';
import { createDocumentClient } from '../../../functions/src/db/client';
import type { ReminderTemplates } from '../../../functions/src/services/reminder-sender';
import { StableTokenSource } from '../../../functions/src/wechat/access-token';
import type { FakeWechat } from '../../../local/fake-wechat';
import type { ReminderKind } from '@ltx/shared/schemas/session';
import { daysFromNow } from '../../support/time';
import { validMember, type TestStack } from './stack';

/**
 * The reminder job's test parts over a test stack and the fake WeChat it calls (both started by the test,
 * hence the getter): the job at a given instant, and a member who agreed to reminders of a session.
 */
export function reminderHelpers(parts: () => { stack: TestStack; wechat: FakeWechat }) {
  const secret = () => JSON.parse(readFileSync(join(parts().stack.dataDir, 'secrets.json'), 'utf8'))['local/wechat-app-secret'] as string;

  const tokensAt = (now: Date) =>
    new StableTokenSource({ baseUrl: parts().wechat.url, appId: 'wx0000000000000000', appSecret: async () => secret(), clock: { now: () => now } });

  /** The reminder job as it runs at `now`. */
  function senderAt(now: Date, templates: ReminderTemplates = { session_tomorrow: 'TPL-SESSION' }) {
    const { stack, wechat } = parts();
    return buildReminderSender({
      db: createDocumentClient(stack.dynamoEndpoint),
      tableName: stack.tableName,
      clock: { now: () => now },
      wechat: { apiBase: wechat.url, tokens: tokensAt(now) },
      templates,
    });
  }

  /**
   * A new member bound to the WeChat identity `code-<code>`, agreed to the day-before reminder, and a session
   * `days` ahead they are expected at; as the secretary.
   */
  async function subscribedMemberAndSession(name: string, code: string, topic: string, days: number, kinds: ReminderKind[] = ['session_tomorrow']) {
    const { stack } = parts();
    const secretary = await stack.login('secretary-1');
    const member = (await stack.call('POST', '/branches/br-1/members', { token: secretary, body: { ...validMember, name } })).body;
    const invite = (await stack.call('POST', `/members/${member.id}/invites`, { token: secretary, body: { kind: 'self' } })).body;
    const visitor = (await stack.call('POST', '/auth/wechat', { body: { code } })).body.token;
    const bound = (await stack.call('POST', '/bindings', { token: visitor, body: { inviteCode: invite.code } })).body.token;
    expect((await stack.call('PUT', `/members/${member.id}/subscriptions`, { token: bound, body: { kinds } })).status).toBe(200);
    await stack.call('POST', '/auth/wechat', { body: { code } }); // the app's silent login on its next start
    const startsAt = new Date(daysFromNow(days));
    const session = (await stack.call('POST', '/branches/br-1/sessions', {
      token: secretary, body: { kind: 'theme_day', topic, startsAt: startsAt.toISOString(), place: '活动室', hostName: '张卫东', recorderName: '吴淑珍' },
    })).body;
    return { secretary, member, bound, session, startsAt };
  }

  return { secret, tokensAt, senderAt, subscribedMemberAndSession };
}
