import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { tableDefinition } from '@ltx/functions/db/table-definition';
import type { DataKey } from './data-key.js';

export interface DataTableProps {
  /** Encrypts the table, its indexes and its backups. */
  key: DataKey;
}

/**
 * The single application table. Key names, indexes and their projections come from
 * `tableDefinition`, the same object the local stack uses to create its dynalite table, so the two
 * cannot drift apart. Every key attribute is a string (the repositories build composite keys like
 * `BRANCH#...`).
 */
export class DataTable extends Construct {
  readonly table: ITable;
  private readonly key: DataKey;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    this.key = props.key;

    const table = new Table(this, tableDefinition.logicalName, {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key.key,
      deletionProtection: true,
      // Member records are the branch's only copy: never let a stack update or delete drop them.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const gsi of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType[gsi.projection],
      });
    }

    this.table = table;
  }

  /**
   * Item read/write on the table and queries on its indexes, naming each index ARN from
   * `tableDefinition` instead of Table.grantReadWriteData's `<table>/index/*` wildcard, and the
   * table key through DynamoDB. No stream actions (the table has no stream), no Scan (the code reads
   * by key or Query; eslint forbids ScanCommand), no BatchWriteItem (it can delete, and IAM cannot
   * grant it for puts alone; eslint forbids BatchWriteCommand). DeleteItem only with `deletes`: the
   * functions whose routes declare they delete (api/declare.ts).
   */
  grantReadWriteData(grantee: IGrantable, options: { deletes?: boolean } = {}): void {
    const actions = options.deletes ? [...TABLE_DATA_ACTIONS, ...TABLE_DELETE_ACTIONS] : TABLE_DATA_ACTIONS;
    Grant.addToPrincipal({ grantee, actions, resourceArns: [this.table.tableArn] });
    Grant.addToPrincipal({
      grantee,
      actions: INDEX_DATA_ACTIONS,
      resourceArns: tableDefinition.globalSecondaryIndexes.map((gsi) => `${this.table.tableArn}/index/${gsi.indexName}`),
    });
    this.key.grantVia(grantee, 'dynamodb', TABLE_KEY_ACTIONS);
  }
}

export const TABLE_DATA_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];
export const TABLE_DELETE_ACTIONS = ['dynamodb:DeleteItem'];
export const INDEX_DATA_ACTIONS = ['dynamodb:Query'];
/** What DynamoDB asks KMS for on a caller's behalf to read and write a table under a customer key (no wildcards). */
export const TABLE_KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];
