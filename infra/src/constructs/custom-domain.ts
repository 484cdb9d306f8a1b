import { CfnOutput, Stack } from 'aws-cdk-lib';
import { ApiMapping, DomainName, EndpointType, SecurityPolicy, type HttpApi, type HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { Construct } from 'constructs';
import type { StageDomain } from '@ltx/shared/config/domains';

export interface CustomDomainProps {
  /** The stage's domain, checked (shared/src/config/domains.ts `stageDomainOf`). */
  domain: StageDomain;
  httpApi: HttpApi;
  stage: HttpStage;
}

/**
 * `api.<domain>` in front of the HTTP API: a regional API Gateway custom domain with the stage's certificate
 * (ACM-issued, or imported into ACM where ACM issues none: AWS China), TLS 1.2, mapped at the root so the
 * routes keep their paths (`https://api.<domain>/api/v1/…`, `/files/…`). The operator points a CNAME at
 * `target` (docs/deploy.md). `certificate` and `domain` are public so another construct (the web console's
 * static site) can reuse the certificate and name its own host under the same domain. Mind where a certificate can
 * serve: this one is regional (API Gateway, an ALB in the region); CloudFront takes an ACM certificate from
 * us-east-1 in the global partition, and in AWS China only a certificate uploaded to IAM (server certificate), so a
 * CloudFront site there needs the same certificate uploaded a second time (`aws iam upload-server-certificate
 * --path /cloudfront/`), and its own ICP-filed host.
 */
export class CustomDomain extends Construct {
  readonly domain: StageDomain;
  readonly certificate: ICertificate;
  readonly apiDomainName: DomainName;
  /** API Gateway's regional host the DNS record for api.<domain> points at (a CNAME). */
  readonly target: string;

  constructor(scope: Construct, id: string, props: CustomDomainProps) {
    super(scope, id);
    this.domain = props.domain;
    this.certificate = Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn);
    this.apiDomainName = new DomainName(this, 'ApiDomain', {
      domainName: props.domain.apiHost,
      certificate: this.certificate,
      endpointType: EndpointType.REGIONAL,
      securityPolicy: SecurityPolicy.TLS_1_2,
    });
    new ApiMapping(this, 'ApiMapping', { api: props.httpApi, domainName: this.apiDomainName, stage: props.stage });
    this.target = this.apiDomainName.regionalDomainName;

    // Stack-level names (not prefixed with this construct's path), so the operator and the docs can name them.
    new CfnOutput(Stack.of(this), 'ApiOrigin', { value: props.domain.origin, description: 'apiOrigin of the stage (config/stages.json); WeChat request, uploadFile and downloadFile domain' });
    new CfnOutput(Stack.of(this), 'DnsRecord', {
      value: `${props.domain.apiHost} CNAME ${this.target}`,
      description: 'The DNS record to create at your DNS provider (docs/deploy.md, "DNS")',
    });
  }

  /** A host under the stage's domain, for another site of the same deployment (e.g. `console.<domain>`). */
  hostFor(label: string): string {
    return `${label}.${this.domain.domain}`;
  }
}
