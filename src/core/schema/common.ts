import * as z from 'zod';
import { parseTimestamp } from '../timestamp.ts';

/** Lower-case letters, digits, `-` and `_`: ids appear in URLs, API ids and notice ids. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export const ID_MAX_LENGTH = 64;

export const idSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'must be lower-case letters, digits, "-" or "_", starting with a letter or digit',
  )
  .max(ID_MAX_LENGTH)
  .describe(
    'A stable identifier: lower-case letters, digits, "-" and "_". It appears in URLs; do not change it once published.',
  );

export const componentStatusSchema = z
  .enum([
    'operational',
    'degraded_performance',
    'partial_outage',
    'major_outage',
    'under_maintenance',
  ])
  .describe('A component status, as in Atlassian Statuspage.');
export type ComponentStatus = z.infer<typeof componentStatusSchema>;

export const impactSchema = z
  .enum(['none', 'minor', 'major', 'critical'])
  .describe('How bad it is for users: none | minor | major | critical.');
export type Impact = z.infer<typeof impactSchema>;

export const visibilitySchema = z
  .enum(['public', 'internal'])
  .describe('`internal` keeps this out of the public site, feeds, API and notices.');
export type Visibility = z.infer<typeof visibilitySchema>;

/** A timestamp string with a zone; becomes a Date. Naive times are refused with a hint. */
export const timestampSchema = z
  .string()
  .transform((text, ctx) => {
    const result = parseTimestamp(text);
    if (result.ok) return result.date;
    ctx.addIssue({
      code: 'custom',
      message: result.message,
      params: { rule: `timestamp-${result.reason}`, hint: result.hint },
    });
    return z.NEVER;
  })
  .describe('A time with its zone, e.g. "2026-11-22 14:03 UTC" or "2026-11-22T15:03:00+01:00".');
