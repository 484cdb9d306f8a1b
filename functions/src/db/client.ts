import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

/**
 * The document client. Locally it points at dynalite on loopback with dummy credentials;
 * in AWS it uses the Lambda's role and region.
 */
export function createDocumentClient(endpoint?: string): DynamoDBDocumentClient {
  const client = endpoint
    ? new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
    : new DynamoDBClient({});
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Puts an item only if its key is new: `exists` tells a retry (or a race lost) from a first write. */
export async function putIfAbsent(db: DynamoDBDocumentClient, table: string, item: Record<string, unknown>): Promise<'created' | 'exists'> {
  try {
    await db.send(new PutCommand({ TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return 'created';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'exists';
    throw error;
  }
}

export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}
