import { builtInCatalogue, type Catalogue, type MessageKey } from './catalogue.ts';
import { en } from './messages/en.ts';
import { dateFormats, formattingLocale, type DateFormats } from './format.ts';
import type { Message, ParamNames } from './message.ts';

type Params<K extends MessageKey> = [ParamNames<(typeof en)[K]>] extends [never]
  ? []
  : [Record<ParamNames<(typeof en)[K]>, string | number>];

/** One page's language: its words (`t`) and its way of writing dates and numbers, in the page's zone. */
export interface Locale extends DateFormats {
  /** The BCP 47 tag, as `<html lang>` and `xml:lang` want it. */
  readonly language: string;
  /** The message `key` with its `{parameters}` filled in; `{count}` also picks the plural form. */
  t<K extends MessageKey>(key: K, ...params: Params<K>): string;
}

interface LocaleOptions {
  /** `page.language`, e.g. "es" or "de-AT". */
  language: string;
  /** `page.timezone`. */
  timezone: string;
  /** The team's words from locales/<language>.yaml, already checked; they win over the built-in ones. */
  overrides?: Partial<Catalogue>;
}

/** A language without a built-in catalogue needs a full one of its own in `overrides`. */
export function createLocale({ language, timezone, overrides = {} }: LocaleOptions): Locale {
  const catalogue: Catalogue = { ...(builtInCatalogue(language) ?? en), ...overrides };
  const plurals = new Intl.PluralRules(formattingLocale(language));
  const t = <K extends MessageKey>(key: K, ...[params]: Params<K>): string => {
    const values = (params ?? {}) as Record<string, string | number>;
    return fill(pick(catalogue[key], values.count, plurals), values);
  };
  return { language, t, ...dateFormats(language, timezone) };
}

function pick(
  message: Message,
  count: string | number | undefined,
  plurals: Intl.PluralRules,
): string {
  if (typeof message === 'string') return message;
  const n = Number(count);
  // An exact `zero` form is used for 0 even where the language's rules have no such category (en, es…).
  if (n === 0 && message.zero !== undefined) return message.zero;
  return message[plurals.select(n)] ?? message.other;
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{([A-Za-z_]\w*)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
