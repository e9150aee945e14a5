import { de } from './messages/de.ts';
import { en } from './messages/en.ts';
import { es } from './messages/es.ts';
import { fr } from './messages/fr.ts';
import { nl } from './messages/nl.ts';
import type { Message } from './message.ts';

export type MessageKey = keyof typeof en;
/** A whole catalogue: every key English has, and no other. */
export type Catalogue = { readonly [K in MessageKey]: Message };

/** The languages Candor speaks out of the box, by BCP 47 primary language subtag. */
export const CATALOGUES = { en, es, nl, de, fr } as const satisfies Record<string, Catalogue>;
export type BuiltInLanguage = keyof typeof CATALOGUES;
export const BUILT_IN_LANGUAGES = Object.keys(CATALOGUES) as BuiltInLanguage[];
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** The built-in catalogue for a tag: `es-MX` falls back to `es`; undefined when there is none. */
export function builtInCatalogue(language: string): Catalogue | undefined {
  const base = language.split('-')[0]!.toLowerCase();
  return (CATALOGUES as Record<string, Catalogue>)[base];
}
