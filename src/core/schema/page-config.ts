import * as z from 'zod';
import { didYouMean } from '../diagnostics.ts';
import { canonicalLanguage, languageMeant } from '../language.ts';
import { idSchema, impactSchema, visibilitySchema } from './common.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/**
 * The URL's path becomes Astro's `base` and a prefix of every link, feed item and notice: a path
 * that must be percent-encoded (non-ASCII, quotes, spaces) crashed the build, and a query,
 * fragment or credentials have no place in a page's address.
 */
function unbuildableUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // z.url() reports it
  }
  if (parsed.username || parsed.password) return 'a user name or password';
  if (parsed.search || url.includes('?')) return 'a query (`?…`)';
  if (parsed.hash || url.includes('#')) return 'a fragment (`#…`)';
  if (!/^[A-Za-z0-9._~/-]*$/.test(parsed.pathname))
    return 'characters in its path other than ASCII letters, digits, `-`, `_`, `.`, `~` and `/`';
  return undefined;
}

/** The status page itself: `page:` in components.yaml. */
const pageSchema = z.strictObject({
  /** Shown in the header, titles, feeds and notices. */
  name: z
    .string()
    .trim()
    .min(1)
    .describe('The name shown at the top of the page, in feeds and notices, e.g. "Acme Cloud".'),
  /** Absolute URL where the site is published; links in feeds and notices point here. */
  url: z
    .url({ protocol: /^https?$/ })
    .superRefine((url, ctx) => {
      const problem = unbuildableUrl(url);
      if (!problem) return;
      ctx.addIssue({
        code: 'custom',
        message: `has ${problem}, which the site's links cannot carry`,
        params: {
          hint: 'Write a plain address: https://, the host, and a path of ASCII letters, digits, `-`, `_`, `.`, `~` and `/`, e.g. "https://acme.github.io/status/".',
        },
      });
    })
    .describe(
      'Where the site is published, e.g. "https://status.acme.dev" or "https://acme.github.io/status/".',
    ),
  /** IANA zone in which times are shown. */
  timezone: z
    .string()
    .superRefine((zone, ctx) => {
      if (isTimeZone(zone)) return;
      const close = didYouMean(zone, TIME_ZONES);
      ctx.addIssue({
        code: 'custom',
        message: 'is not an IANA time zone',
        params: {
          hint: close
            ? `Did you mean \`${close}\`?`
            : 'Write an IANA zone such as `UTC`, `Europe/Berlin` or `America/New_York`.',
        },
      });
    })
    .default('UTC')
    .describe('The IANA time zone times are shown in, e.g. "UTC" or "Europe/Berlin".'),
  /** BCP 47 tag of the language every page, feed and notice is written in. */
  language: z
    .string()
    .transform((tag, ctx) => {
      const canonical = canonicalLanguage(tag.trim());
      if (canonical) return canonical;
      const meant = languageMeant(tag);
      ctx.addIssue({
        code: 'custom',
        message: 'is not a BCP 47 language tag',
        params: {
          hint: meant
            ? `Did you mean \`${meant}\`?`
            : 'Write a language tag such as `en`, `es`, `nl`, `de`, `fr` or `de-AT`.',
        },
      });
      return z.NEVER;
    })
    .default('en')
    .describe(
      'The language of the page, its feeds and notices, as a BCP 47 tag: "en" (default), "es", "nl", "de", "fr", or one with its own locales/<tag>.yaml.',
    ),
  /** Where readers can get help: an email address or URL. */
  contact: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Where readers get help: an email address or a URL.'),
  /** One sentence under the page name. */
  description: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('One sentence shown under the page name and in feeds.'),
  /** How often the site is rebuilt on a schedule: a page older than twice this tells readers it may be out of date. */
  rebuild_minutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .describe(
      'Minutes between scheduled rebuilds of the site (default 15). A page older than twice this tells readers it may be out of date.',
    ),
});

/** How much each status counts as downtime in uptime percentages (1 = fully down). */
const uptimeWeightsSchema = z
  .strictObject({
    degraded_performance: z.number().min(0).max(1).default(0),
    partial_outage: z.number().min(0).max(1).default(0.3),
    major_outage: z.number().min(0).max(1).default(1),
    under_maintenance: z.number().min(0).max(1).default(0),
  })
  .describe(
    'How much of each status counts as downtime, from 0 (up) to 1 (down). Defaults: degraded 0, partial 0.3, major 1, maintenance 0.',
  );

const groupSchema = z.strictObject({
  id: idSchema,
  /** Shown as the group heading. */
  name: z.string().trim().min(1).describe('The heading of the group on the page.'),
  description: z.string().trim().min(1).optional().describe('One sentence about the group.'),
  visibility: visibilitySchema.default('public'),
});

const componentSchema = z.strictObject({
  id: idSchema,
  /** Shown on the page, in notices and in the API. */
  name: z.string().trim().min(1).describe('The name readers know it by, e.g. "REST API".'),
  /** The `id` of a group in `groups:`. */
  group: idSchema.optional().describe('The id of the group this component belongs to.'),
  description: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('One short line, e.g. the host name it serves.'),
  /** Uptime history starts on this day; earlier days show no data. */
  since: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
    .optional()
    .describe('The day this component started to exist (YYYY-MM-DD); uptime is counted from then.'),
  visibility: visibilitySchema.default('public'),
});

/** components.yaml: the page, its groups and components. */
export const pageConfigSchema = z.strictObject({
  page: pageSchema,
  groups: z.array(groupSchema).default([]).describe('Sections of the page that gather components.'),
  components: z
    .array(componentSchema)
    .min(1)
    .describe('The parts of the service an incident can affect.'),
  uptime: z
    .strictObject({ weights: uptimeWeightsSchema.prefault({}) })
    .prefault({})
    .describe('How uptime percentages are computed.'),
  severity: z
    .partialRecord(impactSchema, z.string().trim().min(1))
    .optional()
    .describe('What each impact level means for this team, shown to readers and authors.'),
});

export type PageConfig = z.infer<typeof pageConfigSchema>;
export type PageSettings = PageConfig['page'];
export type Group = PageConfig['groups'][number];
export type Component = PageConfig['components'][number];
export type UptimeWeights = PageConfig['uptime']['weights'];
