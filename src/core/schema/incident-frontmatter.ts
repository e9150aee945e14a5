import * as z from 'zod';
import {
  componentStatusSchema,
  idSchema,
  impactSchema,
  timestampSchema,
  visibilitySchema,
} from './common.ts';

/** The frontmatter of an incident or maintenance file in incidents/. */
export const incidentFrontmatterSchema = z.strictObject({
  /** Keeps the id (and so the URL and notice ids) when the file is renamed. */
  id: idSchema
    .optional()
    .describe(
      'Keeps the incident id, its URL and its notice ids when the file is renamed. Defaults to the file name.',
    ),
  /** The headline readers see. */
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'The headline: what is wrong, in the reader\'s words, e.g. "Elevated API error rates".',
    ),
  kind: z
    .enum(['incident', 'maintenance'])
    .default('incident')
    .describe('`incident` (default) or `maintenance`.'),
  /** Required for incidents; maintenance defaults to none. */
  impact: impactSchema
    .optional()
    .describe('How bad it is for users: none | minor | major | critical. Required for incidents.'),
  /**
   * Components affected while the incident is open, with their status. A maintenance may list ids
   * only: they are under maintenance while it is in progress.
   */
  components: z
    .union([z.record(z.string(), componentStatusSchema), z.array(z.string())])
    .default({})
    .describe(
      'Affected components and their status while open, e.g. `api: partial_outage`. A maintenance may list ids only.',
    ),
  /** When users were first affected, if earlier than the first update. */
  started: timestampSchema
    .optional()
    .describe('When users were first affected, if before the first update.'),
  scheduled_for: timestampSchema.optional().describe('Maintenance only: when the window starts.'),
  scheduled_until: timestampSchema.optional().describe('Maintenance only: when the window ends.'),
  /** Expected resolution time. */
  eta: timestampSchema.optional().describe('When we expect it to be resolved.'),
  /** When readers will hear from us next; a warning fires when it passes without an update. */
  next_update: timestampSchema
    .optional()
    .describe('When the next update will be posted. Candor warns when it passes without one.'),
  /** What readers can do meanwhile (Markdown). */
  workaround: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('What users can do meanwhile (Markdown).'),
  /** Where affected users get help, if different from the page contact. */
  contact: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Where affected users get help, if not the page contact.'),
  visibility: visibilitySchema.default('public'),
});

export type IncidentFrontmatterInput = z.input<typeof incidentFrontmatterSchema>;
export type IncidentFrontmatter = z.infer<typeof incidentFrontmatterSchema>;
