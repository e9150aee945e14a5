import * as z from 'zod';
import { componentStatusSchema } from '../core/schema/common.ts';
import { maintenanceStatusSchema } from '../core/schema/update-status.ts';

/**
 * Atlassian Statuspage's public v2 API, field for field (see docs/feeds-and-api.md). Strict: a
 * missing or extra field is an error, so the same schemas check what we serve and, for the
 * importer, what a Statuspage page serves.
 */

/** Statuspage writes both `Z` and local offsets, with or without milliseconds. */
const time = z.iso.datetime({ offset: true });

const statuspageIndicatorSchema = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);
const statuspageIncidentStatusSchema = z.enum([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
]);
const statuspageImpactSchema = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);
export {
  componentStatusSchema as statuspageComponentStatusSchema,
  maintenanceStatusSchema as statuspageMaintenanceStatusSchema,
};

const statuspagePageSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  time_zone: z.string(),
  updated_at: time,
});

const statuspageStatusSchema = z.strictObject({
  indicator: statuspageIndicatorSchema,
  description: z.string(),
});

const componentFields = {
  id: z.string(),
  name: z.string(),
  status: componentStatusSchema,
  created_at: time,
  updated_at: time,
  position: z.number().int().min(1),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  only_show_if_degraded: z.boolean(),
};

/** A component row, or a group row (`group: true`) listing its children's ids. */
export const statuspageComponentSchema = z.discriminatedUnion('group', [
  z.strictObject({ ...componentFields, group: z.literal(false) }),
  z.strictObject({ ...componentFields, group: z.literal(true), components: z.array(z.string()) }),
]);

const statuspageAffectedComponentSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  old_status: componentStatusSchema,
  new_status: componentStatusSchema,
});

const statuspageIncidentUpdateSchema = z.strictObject({
  id: z.string(),
  status: z.union([statuspageIncidentStatusSchema, maintenanceStatusSchema]),
  body: z.string(),
  incident_id: z.string(),
  created_at: time,
  updated_at: time,
  display_at: time,
  affected_components: z.array(statuspageAffectedComponentSchema).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().nullable(),
  tweet_id: z.string().nullable(),
});

const incidentFields = {
  id: z.string(),
  name: z.string(),
  created_at: time,
  updated_at: time.nullable(),
  monitoring_at: time.nullable(),
  resolved_at: time.nullable(),
  impact: statuspageImpactSchema,
  shortlink: z.string(),
  started_at: time,
  page_id: z.string(),
  /** Newest first. */
  incident_updates: z.array(statuspageIncidentUpdateSchema),
  components: z.array(statuspageComponentSchema),
  reminder_intervals: z.string().nullable(),
};

const statuspageIncidentSchema = z.strictObject({
  ...incidentFields,
  status: statuspageIncidentStatusSchema,
});

const statuspageScheduledMaintenanceSchema = z.strictObject({
  ...incidentFields,
  status: maintenanceStatusSchema,
  scheduled_for: time,
  scheduled_until: time,
});

export const statuspageSummarySchema = z.strictObject({
  page: statuspagePageSchema,
  status: statuspageStatusSchema,
  components: z.array(statuspageComponentSchema),
  incidents: z.array(statuspageIncidentSchema),
  scheduled_maintenances: z.array(statuspageScheduledMaintenanceSchema),
});
export const statuspageStatusResponseSchema = z.strictObject({
  page: statuspagePageSchema,
  status: statuspageStatusSchema,
});
export const statuspageComponentsResponseSchema = z.strictObject({
  page: statuspagePageSchema,
  components: z.array(statuspageComponentSchema),
});
export const statuspageIncidentsResponseSchema = z.strictObject({
  page: statuspagePageSchema,
  incidents: z.array(statuspageIncidentSchema),
});
export const statuspageScheduledMaintenancesResponseSchema = z.strictObject({
  page: statuspagePageSchema,
  scheduled_maintenances: z.array(statuspageScheduledMaintenanceSchema),
});

export type StatuspagePage = z.infer<typeof statuspagePageSchema>;
export type StatuspageStatus = z.infer<typeof statuspageStatusSchema>;
export type StatuspageComponent = z.infer<typeof statuspageComponentSchema>;
export type StatuspageAffectedComponent = z.infer<typeof statuspageAffectedComponentSchema>;
export type StatuspageIncidentUpdate = z.infer<typeof statuspageIncidentUpdateSchema>;
export type StatuspageIncident = z.infer<typeof statuspageIncidentSchema>;
export type StatuspageScheduledMaintenance = z.infer<typeof statuspageScheduledMaintenanceSchema>;
export type StatuspageSummary = z.infer<typeof statuspageSummarySchema>;
export type StatuspageStatusResponse = z.infer<typeof statuspageStatusResponseSchema>;
export type StatuspageComponentsResponse = z.infer<typeof statuspageComponentsResponseSchema>;
export type StatuspageIncidentsResponse = z.infer<typeof statuspageIncidentsResponseSchema>;
export type StatuspageScheduledMaintenancesResponse = z.infer<
  typeof statuspageScheduledMaintenancesResponseSchema
>;
