import type { Catalogue } from '../i18n/catalogue.ts';
import type { Position } from './diagnostics.ts';
import type { ComponentStatus, Impact, Visibility } from './schema/common.ts';
import type { IncidentFrontmatter } from './schema/incident-frontmatter.ts';
import type {
  Component,
  Group,
  PageSettings,
  PageConfig,
  UptimeWeights,
} from './schema/page-config.ts';
import type { LifecycleStatus, UpdateStatus } from './schema/update-status.ts';

export type {
  Component,
  ComponentStatus,
  Group,
  Impact,
  LifecycleStatus,
  PageSettings,
  UpdateStatus,
  UptimeWeights,
  Visibility,
};

export interface Update {
  /** Stable across rebuilds and renames: `<incident id>@<ISO time>`. Notice and feed ids derive from it. */
  id: string;
  at: Date;
  /** The status as written in the heading (`update` means "no change"). */
  written: UpdateStatus;
  /** The status this update leaves the incident in (`update` resolved to the one before). */
  status: LifecycleStatus;
  /** Markdown. */
  body: string;
  /** Every affected component's status after this update. */
  components: Record<string, ComponentStatus>;
  position: Position;
}

export interface Incident {
  /** The file name without `.md`, or the frontmatter `id`. */
  id: string;
  /** Path relative to the repository root. */
  file: string;
  kind: IncidentFrontmatter['kind'];
  title: string;
  impact: Impact;
  visibility: Visibility;
  /** Markdown before the first update. */
  summary: string;
  /** Oldest first. */
  updates: Update[];
  postmortem?: { body: string; position: Position };
  /** Each affected component's status while the incident is open, as declared in the frontmatter. */
  components: Record<string, ComponentStatus>;
  /** When users were first affected (frontmatter `started`, else the first update; for maintenance the window start). */
  started: Date;
  scheduledFor?: Date;
  scheduledUntil?: Date;
  eta?: Date;
  nextUpdate?: Date;
  /** Markdown. */
  workaround?: string;
  contact?: string;
}

export interface StatusModel {
  page: PageSettings;
  groups: Group[];
  components: Component[];
  uptimeWeights: UptimeWeights;
  severity: PageConfig['severity'];
  /** Newest first by start. */
  incidents: Incident[];
  /** The team's words from locales/<page.language>.yaml, checked against the catalogue; none when it has no such file. */
  words?: Partial<Catalogue>;
}
