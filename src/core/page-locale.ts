import { createLocale, type Locale } from '../i18n/locale.ts';
import type { StatusModel } from './model.ts';

const locales = new WeakMap<StatusModel['page'], Locale>();

/** The page's language and zone, with the team's own words: what every page, feed and notice writes with. */
export function localeOf(model: Pick<StatusModel, 'page' | 'words'>): Locale {
  let locale = locales.get(model.page);
  if (!locale) {
    locale = createLocale({ language: model.page.language, timezone: model.page.timezone, ...(model.words ? { overrides: model.words } : {}) });
    locales.set(model.page, locale);
  }
  return locale;
}
