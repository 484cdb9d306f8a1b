import { UploadInput } from '@ltx/shared/schemas/session';
import { appContext } from '../context';
import { requireActor } from '../http/auth';
import { parseBody } from '../http/request';
import { created, route } from '../http/route';

export const handler = route(async (event) => {
  const ctx = appContext();
  const actor = await requireActor(event, ctx.tokens);
  const input = parseBody(event, UploadInput);
  return created(await ctx.uploads.createTicket(actor, input));
});
