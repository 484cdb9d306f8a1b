import { CfnOutput, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods, CfnDistribution, Distribution, GeoRestriction, HttpVersion, PriceClass, ResponseHeadersPolicy, SecurityPolicyProtocol, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { isChinaRegion, type ConsoleSite } from '@ltx/shared/config/stages';

export interface WebConsoleProps {
  /** The ICP-filed domain and its certificate (config/stages.json `console`); required in AWS China to serve anything. */
  site?: ConsoleSite;
  /** Where S3 server access logs of the site bucket go (the upload bucket's log bucket, under `web-console/`). */
  accessLogs: IBucket;
}

/**
 * The web console: the H5 build, for secretaries and inspectors at a computer (printing ledgers, spreadsheets),
 * as a static site: a private bucket behind CloudFront, which alone may read it. The files are public code (no
 * data: every record comes from the API with the session the QR sign-in gives), so the bucket is S3-encrypted,
 * not under the data key. Uploading the build is the deploy's job (`aws s3 sync miniapp/dist/h5 s3://<ConsoleBucketName>`),
 * not a BucketDeployment, whose Lambda would count against the function limit.
 *
 * AWS China's CloudFront differs (docs.amazonaws.cn, CloudFront): it serves nothing at its own *.cloudfront.cn domain,
 * only at an ICP-filed alternate domain; it takes no ACM certificate, only one uploaded to IAM; and CloudFormation there
 * did not know AWS::CloudFront::OriginAccessControl (aws-solutions-constructs#1050), so the bucket is read through an
 * origin access identity. Without `site` in a China region only the bucket is made, and an output says why.
 */
export class WebConsole extends Construct {
  readonly bucket: Bucket;
  readonly distribution?: Distribution;

  constructor(scope: Construct, id: string, props: WebConsoleProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const china = !Token.isUnresolved(region) && isChinaRegion(region);
    const site = props.site;

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'web-console/',
      // The build can be uploaded again at any time; kept anyway, so a stack deletion never takes the live console down first.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, 'ConsoleBucketName', { value: this.bucket.bucketName, description: 'Upload the H5 build here: aws s3 sync miniapp/dist/h5 s3://<this> --delete' });

    if (china && !(site?.iamCertificateId)) {
      new CfnOutput(this, 'ConsoleNotServed', {
        value: 'config/stages.json console.domainName and console.iamCertificateId are needed',
        description: 'AWS China CloudFront serves only an ICP-filed domain with a certificate uploaded to IAM: the web console is not served until both are given',
      });
      return;
    }

    const acm = !china && site?.acmCertificateArn ? Certificate.fromCertificateArn(this, 'Certificate', site.acmCertificateArn) : undefined;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: '离退休干部党支部 web console (H5)',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: china ? S3BucketOrigin.withOriginAccessIdentity(this.bucket) : S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // HSTS, nosniff, frame denial, referrer policy: the console holds a session token in its storage.
        ...(china ? {} : { responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS }),
      },
      // The H5 router keeps its routes after `#`: every path CloudFront sees is a file.
      httpVersion: HttpVersion.HTTP2,
      ...(china ? {} : { priceClass: PriceClass.PRICE_CLASS_ALL, geoRestriction: GeoRestriction.allowlist('CN') }),
      ...(site && (acm || china) ? { domainNames: [site.domainName] } : {}),
      ...(acm ? { certificate: acm, minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      enableIpv6: !china,
    });

    if (china && site?.iamCertificateId) {
      // The L2 takes only ACM certificates: the IAM one is set on the template (sni-only: no dedicated IPs to pay for).
      (this.distribution.node.defaultChild as CfnDistribution).addPropertyOverride('DistributionConfig.ViewerCertificate', {
        IamCertificateId: site.iamCertificateId,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      });
    }
    this.acknowledge(china, Boolean(acm || china));

    new CfnOutput(this, 'ConsoleUrl', {
      value: `https://${site && (acm || china) ? site.domainName : this.distribution.distributionDomainName}`,
      description: 'The web console; with a console domain, point its CNAME at ConsoleDistributionDomain',
    });
    new CfnOutput(this, 'ConsoleDistributionDomain', { value: this.distribution.distributionDomainName });
  }

  /** cdk-nag's CloudFront findings this site accepts, each with why. */
  private acknowledge(china: boolean, ownCertificate: boolean): void {
    const d = this.distribution!;
    const acks: Record<string, string> = {
      'AwsSolutions-CFR2': 'Static public code only (no data, no forms): every read and write goes to the API, which has its own throttling and authorisation; a WAF web ACL would add cost and, in AWS China, is not offered for CloudFront.',
      'AwsSolutions-CFR3': 'The site serves public code only; requests that read or change data go to the API, whose access logs are kept (Api AccessLogs). Standard CloudFront logs would need an ACL-enabled bucket.',
    };
    if (china) {
      acks['AwsSolutions-CFR1'] = 'AWS China CloudFront has edge locations in mainland China only; its geo restriction is not relied upon there.';
      acks['AwsSolutions-CFR7'] = 'CloudFormation in the aws-cn partition did not offer AWS::CloudFront::OriginAccessControl (aws-solutions-constructs#1050): the private bucket is read through an origin access identity instead.';
    }
    if (!ownCertificate) {
      acks['AwsSolutions-CFR4'] = 'Without a console domain CloudFront serves its default certificate, whose security policy cannot be set; giving console.domainName and a certificate sets TLSv1.2_2021.';
    } else if (china) {
      acks['AwsSolutions-CFR4'] = 'The IAM certificate and its TLSv1.2_2021 policy are set by a property override (the L2 takes ACM only), which the rule reads before overrides apply; tests/infra/web-console.test.ts checks the template.';
    }
    Validations.of(d).acknowledge(...Object.entries(acks).map(([id, reason]) => ({ id, reason })));
  }
}
