import { MemberCreateInput } from '@ltx/shared/schemas/member';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody, pathParam } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const branchId = pathParam(event, 'branchId');
  const input = parseBody(event, MemberCreateInput);
  return created(await ctx.members.create(actor, branchId, input));
});
