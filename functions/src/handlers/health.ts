import { ok, route } from '../http/route';

export const handler = route(async () => ok({ status: 'ok' }));
