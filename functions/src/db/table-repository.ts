import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every repository is built from: the document client and the one table (see docs/data-model.md). */
export abstract class TableRepository {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}
}
