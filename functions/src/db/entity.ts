import * as z from 'zod/mini';

/** The table's own attributes: keys, index keys. Storage only, never part of a record. */
export interface ItemKeys {
  pk: string;
  sk: string;
  gsi1pk?: string;
  gsi1sk?: string;
  gsi2pk?: string;
  gsi2sk?: string;
}

/** A record's shape as stored, without the table's attributes: a zod/mini object schema. */
type RecordSchema = z.ZodMiniType<object>;

/**
 * One stored entity, declared once: its item type (the `type` attribute), the schema of its record
 * and how its keys derive from the record (and, for a few, from the context it is written in, e.g.
 * an audit entry's scope). Record types are `z.infer` of the schema; `toItem` and `fromItem` are the
 * only mapping between records and items, so repositories hold no casts.
 *
 * Reading drops the table's attributes and parses the rest with the schema (zod's default strips
 * keys it does not declare): no extra request, and an old item without an optional field still reads.
 */
export interface Entity<S extends RecordSchema, A extends unknown[], K extends ItemKeys> {
  readonly type: string;
  readonly schema: S;
  /** The item's keys and index keys. */
  keys(record: z.output<S>, ...context: A): K;
  /** Just the primary key, for GetItem, UpdateItem and DeleteItem. */
  key(record: z.output<S>, ...context: A): Pick<ItemKeys, 'pk' | 'sk'>;
  /** The whole item: keys, index keys, `type`, then the record's attributes (the stored layout). */
  toItem(record: z.output<S>, ...context: A): K & { type: string } & z.output<S>;
  fromItem(item: object): z.output<S>;
}

export function defineEntity<S extends RecordSchema, A extends unknown[], K extends ItemKeys>(definition: {
  type: string;
  schema: S;
  keys: (record: z.output<S>, ...context: A) => K;
}): Entity<S, A, K> {
  const { type, schema, keys } = definition;
  return {
    type,
    schema,
    keys,
    key: (record, ...context) => {
      const { pk, sk } = keys(record, ...context);
      return { pk, sk };
    },
    toItem: (record, ...context) => ({ ...keys(record, ...context), type, ...record }),
    fromItem: (item) => {
      const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, type: _type, ...record }: Partial<ItemKeys & { type: string }> = item;
      return z.parse(schema, record);
    },
  };
}

/** A schema that checks only that the value is an object and gives it a type declared elsewhere (shared). */
export const objectOf = <T extends object>() =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value));
