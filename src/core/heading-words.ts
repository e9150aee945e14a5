import type { Catalogue } from '../i18n/catalogue.ts';
import { createLocale } from '../i18n/locale.ts';
import { fold } from './language.ts';
import {
  readUpdateStatus,
  englishStatusWord,
  updateStatusSchema,
  type UpdateStatus,
} from './schema/update-status.ts';

/** The words an author may head an update or the postmortem with: English, and the page's language. */
export interface HeadingWords {
  /** The status a heading's word names, case and accents aside: "Investigating", "investigando", "En observacion". */
  status(text: string): UpdateStatus | undefined;
  /** Whether a level-2 heading opens the postmortem: "Postmortem", "Análisis posterior", "Nachbetrachtung". */
  isPostmortem(text: string): boolean;
  /** The page language's status words, for a hint that lists what may be written. */
  statusWords: string[];
}

const POSTMORTEM = /^post[- ]?mortem$/i;
const cache = new Map<string, HeadingWords>();

export function headingWords(language = 'en', words?: Partial<Catalogue>): HeadingWords {
  const key = words ? undefined : language;
  const cached = key && cache.get(key);
  if (cached) return cached;
  const { t } = createLocale({ language, timezone: 'UTC', ...(words ? { overrides: words } : {}) });
  const local = new Map(
    updateStatusSchema.options.map((status) => [fold(t(`status.${status}`)), status] as const),
  );
  const postmortem = fold(t('incident.postmortem'));
  const result: HeadingWords = {
    status: (text) => readUpdateStatus(text) ?? local.get(fold(text).replace(/\s+/g, ' ')),
    isPostmortem: (text) => POSTMORTEM.test(text) || fold(text).replace(/\s+/g, ' ') === postmortem,
    statusWords: updateStatusSchema.options.map((status) => t(`status.${status}`)),
  };
  if (key) cache.set(key, result);
  return result;
}

/** The English words, accepted on every page. */
export const ENGLISH_STATUS_WORDS = updateStatusSchema.options.map(englishStatusWord);
