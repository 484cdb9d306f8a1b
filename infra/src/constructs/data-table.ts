import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableDefinition } from '@ltx/functions/db/table-definition';

/**
 * The single application table. Key names and indexes come from `tableDefinition`, the same
 * object the local stack uses to create its dynalite table, so the two cannot drift apart.
 * Every key attribute is a string (the repositories build composite keys like `BRANCH#...`).
 */
export class DataTable extends Construct {
  readonly table: ITable;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const table = new Table(this, tableDefinition.logicalName, {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      // Member records are the branch's only copy: never let a stack update or delete drop them.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const gsi of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
      });
    }

    this.table = table;
  }

  /**
   * Item read/write on the table and queries on its indexes, naming each index ARN from
   * `tableDefinition` instead of Table.grantReadWriteData's `<table>/index/*` wildcard.
   * No stream actions (the table has no stream) and no Scan: the code only reads by key or Query
   * (eslint forbids ScanCommand), so a Scan is never legitimate.
   */
  grantReadWriteData(grantee: IGrantable): void {
    Grant.addToPrincipal({ grantee, actions: TABLE_DATA_ACTIONS, resourceArns: [this.table.tableArn] });
    Grant.addToPrincipal({
      grantee,
      actions: INDEX_DATA_ACTIONS,
      resourceArns: tableDefinition.globalSecondaryIndexes.map((gsi) => `${this.table.tableArn}/index/${gsi.indexName}`),
    });
  }
}

export const TABLE_DATA_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
export const INDEX_DATA_ACTIONS = ['dynamodb:Query'];
