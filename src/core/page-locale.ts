import type { MessageKey } from '../i18n/catalogue.ts';
import { createLocale, type Locale } from '../i18n/locale.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { PageStatus } from './status.ts';

interface LocaleSource {
  page: { language: string; timezone: string };
  /** The team's words from locales/<language>.yaml. */
  words?: Partial<Catalogue> | undefined;
}

const locales = new WeakMap<object, Locale>();

/** The page's language and zone, with the team's own words: what every page, feed and notice writes with. */
export function localeOf(source: LocaleSource): Locale {
  let locale = locales.get(source.page);
  if (!locale) {
    locale = createLocale({
      language: source.page.language,
      timezone: source.page.timezone,
      ...(source.words ? { overrides: source.words } : {}),
    });
    locales.set(source.page, locale);
  }
  return locale;
}

// The page's overall status in readers' words; the API keeps Statuspage's English description.
const OVERALL: Record<string, Extract<MessageKey, `overall.${string}`>> = {
  'All Systems Operational': 'overall.operational',
  'Major System Outage': 'overall.major_system_outage',
  'Partial System Outage': 'overall.partial_system_outage',
  'Minor Service Outage': 'overall.minor_service_outage',
  'Degraded System Service': 'overall.degraded_system_service',
  'Partially Degraded Service': 'overall.partially_degraded_service',
  'Service Under Maintenance': 'overall.under_maintenance',
  'Major Service Outage': 'overall.major_service_outage',
};

/** "Todos los sistemas funcionan con normalidad" for the API's "All Systems Operational". */
export function describeOverall(locale: Locale, status: PageStatus): string {
  const key = OVERALL[status.description];
  return key ? locale.t(key) : status.description;
}
