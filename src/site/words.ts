import { localeOf } from '../core/page-locale.ts';
import type { Locale } from '../i18n/locale.ts';
import { siteData } from './data.ts';

/** The page's locale: every word a reader sees comes from its catalogue. */
export async function pageLocale(): Promise<Locale> {
  return localeOf((await siteData()).model);
}

/** Stands for an element in a message, e.g. `{time}` where the page puts a `<time>`. */
export const SLOT = '\u0000';

/** A message filled with `SLOT` split around it: the text before and after the element. */
export function around(text: string): [string, string] {
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}
