import { HttpMethod, HttpRoute, HttpRouteKey, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUrlIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { filesPath } from '@ltx/shared/config/domains';
import type { UploadBucket } from './upload-bucket.js';

export interface FileGatewayProps {
  httpApi: HttpApi;
  uploads: UploadBucket;
  /** Where clients reach the files: `https://api.<domain>/files` (shared/src/config/domains.ts). */
  filesBaseUrl: string;
  /** The functions that sign upload forms and links: told the base through FILES_BASE_URL. */
  functions: Iterable<NodejsFunction>;
}

/**
 * Attachments through the stage's own domain. WeChat's uploadFile and downloadFile reach only ICP-filed domains
 * entered in its console, never `*.amazonaws.com(.cn)`, so the HTTP API passes presigned S3 requests through to
 * the bucket unchanged: `POST /files` (the presigned form) and `GET /files/{key}` (a presigned link) are HTTP
 * proxy integrations to the bucket's regional host. The functions still sign for that host, then swap the origin
 * for FILES_BASE_URL (functions/src/uploads/s3-upload-store.ts): API Gateway sends the integration's own Host
 * header, which is the host the signature names, and the query string (the signature) as it came. S3 checks the
 * signature and the policy exactly as before; the bucket stays private and no function handles file bytes.
 * Limits: API Gateway's 10 MB payload and 30 s integration time apply to every file.
 */
export class FileGateway extends Construct {
  constructor(scope: Construct, id: string, props: FileGatewayProps) {
    super(scope, id);
    const bucketHost = props.uploads.bucket.bucketRegionalDomainName;
    const routes = [
      new HttpRoute(this, 'Upload', {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(filesPath, HttpMethod.POST),
        integration: new HttpUrlIntegration('S3Post', `https://${bucketHost}/`, { method: HttpMethod.POST }),
      }),
      new HttpRoute(this, 'Download', {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(`${filesPath}/{proxy+}`, HttpMethod.GET),
        integration: new HttpUrlIntegration('S3Get', `https://${bucketHost}/{proxy}`, { method: HttpMethod.GET }),
      }),
    ];
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Passes presigned S3 requests to the private bucket: S3 itself checks the signature (and, for uploads, the signed policy: key, type, size), made by a function after its own access check.',
      });
    }
    for (const fn of props.functions) fn.addEnvironment('FILES_BASE_URL', props.filesBaseUrl);
  }
}
