import { BUILT_IN_LANGUAGES } from '../i18n/catalogue.ts';
import { didYouMean } from './diagnostics.ts';

/** A well-formed BCP 47 tag ("es", "de-AT", "pt-BR") in its canonical case, or undefined. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The tag an author probably meant: "Spanish", "español", "espanol" or "sp" -> "es". Languages are
 * matched by tag and by name, in English and in the language itself.
 */
export function languageMeant(
  written: string,
  available: readonly string[] = BUILT_IN_LANGUAGES,
): string | undefined {
  const names = new Map<string, string>();
  for (const tag of available) {
    names.set(fold(tag), tag);
    for (const inLanguage of ['en', tag]) {
      const name = displayName(inLanguage, tag);
      if (name) names.set(fold(name), tag);
    }
  }
  const plain = fold(written);
  const close =
    names.get(plain) ?? names.get(plain.split(/[-_]/)[0]!) ?? didYouMean(plain, names.keys());
  return close === undefined ? undefined : (names.get(close) ?? close);
}

function displayName(inLanguage: string, tag: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag);
  } catch {
    return undefined;
  }
}

/** Lower case without accents: "En observación" and "en observacion" are the same word to a typist. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
