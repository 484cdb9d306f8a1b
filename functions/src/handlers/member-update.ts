import { MemberPatchInput } from '@ltx/shared/schemas/member';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { accepted, ok, route } from '../http/route';

/** 200 with the member when applied; 202 with the pending change when it awaits the secretary. */
export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const memberId = pathParam(event, 'memberId');
  const patch = parseBody(event, MemberPatchInput);
  const outcome = await ctx.members.update(actor, memberId, patch);
  return outcome.kind === 'applied' ? ok(outcome.member) : accepted({ pendingChangeId: outcome.pendingChangeId });
});
