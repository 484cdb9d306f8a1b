/**
 * The one table's key schema and indexes. The local stack creates the table from this and the
 * CDK stack deploys it from this, so the two can never drift apart.
 *
 * Both indexes project their keys only (KEYS_ONLY): an index holds the table's and its own key
 * attributes, never a record's content. A Query on an index finds the items and one BatchGetItem
 * reads them from the table (db/query-index.ts), where the repository chooses what to read (a
 * member list leaves out `sensitive`). So health and care data, phone numbers and openids live in
 * the table alone, and no index can leak what a new attribute holds. INCLUDE was no option: the
 * lists read whole records of eleven entity types (more than DynamoDB's 100 projected attributes per
 * table), and it projects top-level attributes whole, so a visit's `delivered` would bring its care
 * observations along. docs/data-model.md lists the queries.
 */
export const tableDefinition = {
  logicalName: 'Main',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items that carry it (Idempotency-Key answers, http/idempotency.ts) are removed by DynamoDB after that time (epoch seconds). */
  timeToLiveAttribute: 'ttl',
  globalSecondaryIndexes: [
    // Children listed under a parent: members of a branch, branches of an organisation.
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
    // A second view of the same items: members paired with a contact.
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
