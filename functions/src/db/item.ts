/**
 * A stored item back as its record: the table's own attributes (keys, index keys, item type) are
 * storage, not part of any record, so they are dropped in one place.
 */
export function recordOf<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, type: _t, ...rest } = item;
  return rest as T;
}
