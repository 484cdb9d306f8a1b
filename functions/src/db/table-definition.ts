/**
 * The one table's key schema and indexes. The local stack creates the table from this and the
 * CDK stack deploys it from this, so the two can never drift apart.
 */
export const tableDefinition = {
  logicalName: 'Main',
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // Children listed under a parent: members of a branch, branches of an organisation.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // A second view of the same items: members paired with a contact.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
