import type { ComponentStatus, Impact } from '../../core/model.ts';
import type { Section } from '../incident-text.ts';

/** An incident read from another status page, in Candor's terms, before it becomes a file. */
export interface ImportedIncident {
  /** Where it came from, for the report: a Statuspage id or a cState file. */
  source: string;
  title: string;
  kind: 'incident' | 'maintenance';
  impact?: Impact;
  /** When users were first affected, when that is before the first update. */
  started?: Date;
  scheduledFor?: Date;
  scheduledUntil?: Date;
  /** Candor component ids and their status from the first update on. */
  components: Record<string, ComponentStatus>;
  summary: string;
  sections: Section[];
  postmortem?: string;
}

/** What an importer read, and what it could not map (each note names its source). */
export interface ImportResult {
  incidents: ImportedIncident[];
  notes: string[];
}
