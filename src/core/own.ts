/**
 * A record's value for a user-written key, or undefined. Plain objects inherit `constructor`,
 * `toString` and the rest from Object.prototype, so `record[id]` would find those for ids that
 * spell them; only the record's own keys count.
 */
export function ownValue<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
