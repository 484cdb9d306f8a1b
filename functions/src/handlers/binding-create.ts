import { BindingInput } from '@ltx/shared/schemas/auth';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody } from '../http/request';
import { ok, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const { inviteCode } = parseBody(event, BindingInput);
  return ok(await ctx.auth.bind(actor, inviteCode));
});
