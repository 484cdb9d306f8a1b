import { UploadInput, UploadTicket } from '@ltx/shared/schemas/session';
import { defineRoute } from './declare';
import { serve, type DomainWiring } from './serve';
import { uploadsOf } from '../context';
import { routes as pushRoutes, wire as pushWire } from './wechat';

/**
 * Attachment upload forms. Its own function: the only one whose role may write to the bucket
 * (s3:PutObject, which presigned forms are checked against). It also serves WeChat's message push
 * (api/wechat.ts), whose image verdicts change an upload's check state.
 */
const uploadRoutes = [
  defineRoute({
    id: 'upload-create', method: 'POST', path: '/api/v1/uploads', auth: 'token', can: 'upload.create', summary: '申请上传附件（预签名表单）',
    body: UploadInput, response: UploadTicket, status: 201, uploads: 'presign',
    handle: async ({ ctx, actor, body }) => ctx.uploads.createTicket(actor, body),
  }),
];

export const routes = [...uploadRoutes, ...pushRoutes];

/** The services these routes use: the function bundles only these. */
export const wire: DomainWiring = (b) => ({ uploads: uploadsOf(b), ...pushWire(b) });

export const handler = serve(routes, wire);
