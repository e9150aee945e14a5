import * as z from 'zod';
import { en } from '../../i18n/messages/en.ts';

export const incidentStatusSchema = z.enum([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
]);
export const maintenanceStatusSchema = z.enum([
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
]);
/** What an update heading may say; `update` repeats the previous status. */
export const updateStatusSchema = z.enum([
  ...incidentStatusSchema.options,
  ...maintenanceStatusSchema.options,
  'update',
]);

type IncidentStatus = z.infer<typeof incidentStatusSchema>;
type MaintenanceStatus = z.infer<typeof maintenanceStatusSchema>;
export type UpdateStatus = z.infer<typeof updateStatusSchema>;
/** The status of an incident or a maintenance at a moment. */
export type LifecycleStatus = IncidentStatus | MaintenanceStatus;

/**
 * The English word of a status ("In progress"), from the English catalogue: what messages to the
 * team (diagnostics, command output, commit messages) say, in every page language.
 */
export function englishStatusWord(status: UpdateStatus): string {
  return en[`status.${status}`];
}

/** `In Progress`, `in-progress`, `IN_PROGRESS` all read as `in_progress`. */
export function readUpdateStatus(text: string): UpdateStatus | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
  return updateStatusSchema.safeParse(key).data;
}
