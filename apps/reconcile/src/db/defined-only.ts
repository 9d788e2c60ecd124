// The fields a caller gave: optional request fields arrive as undefined, and an undefined value must
// neither become an equality filter nor overwrite a stored field.
export function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
