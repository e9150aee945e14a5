/**
 * The shape of a catalogue entry. A message is text with `{name}` placeholders; a message that
 * depends on a number is one text per plural category of `Intl.PluralRules` (`other` is required,
 * `zero`, `one`, `two`, `few` and `many` as the language needs them), with `{count}` in it.
 */
type PluralForms = { readonly other: string } & {
  readonly [C in Exclude<Intl.LDMLPluralRule, 'other'>]?: string;
};
export type Message = string | PluralForms;

export const PLURAL_CATEGORIES: readonly Intl.LDMLPluralRule[] = [
  'zero',
  'one',
  'two',
  'few',
  'many',
  'other',
];

/** The placeholders of a message, as a union of their names: "{count} of {total}" -> "count" | "total". */
export type ParamNames<M> = M extends string
  ? NamesIn<M>
  : M extends PluralForms
    ? 'count' | NamesIn<M['other']>
    : never;
type NamesIn<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | NamesIn<Rest>
  : never;

/** The names of the `{placeholders}` a text uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z_][\w]*)\}/g)].map((m) => m[1]!))];
}
