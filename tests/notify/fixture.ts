import { rm } from 'node:fs/promises';
import { writeFiles, writeRepository } from '../support/repository.ts';
import { validateRepository } from '../../src/cli/validate.ts';
import type { StatusModel } from '../../src/core/model.ts';

export const NOW = new Date('2026-11-23T12:00:00Z');

export const COMPONENTS = `page: { name: Acme Cloud, url: https://status.acme.test/status, timezone: UTC }
components:
  - { id: api, name: REST API }
  - { id: dashboard, name: Dashboard }
  - { id: database, name: Managed PostgreSQL }
  - { id: billing, name: Billing, visibility: internal }
`;

/** An open major incident with two updates today, a promised next update, and a workaround. */
export const API_INCIDENT = `---
title: Elevated API error rates
impact: major
components:
  api: partial_outage
  dashboard: degraded_performance
next_update: 2026-11-23 16:00 UTC
workaround: Retry with backoff.
---
About one in five requests fail.

## 2026-11-23 09:12 UTC · Investigating
We are seeing elevated errors on the API.

## 2026-11-23 10:25 UTC · Monitoring
Components: api: degraded_performance, dashboard: operational

A fix is out; we are watching error rates.
`;

/** Resolved three days ago, with a postmortem: history a first run must not announce. */
export const OLD_INCIDENT = `---
title: Slow dashboard
impact: minor
components:
  dashboard: degraded_performance
---
The dashboard was slow.

## 2026-11-20 08:00 UTC · Investigating
The dashboard is slow.

## 2026-11-20 09:00 UTC · Resolved
It is fast again.

## Postmortem
A cache node failed.
`;

/** Announced this morning; starts on 5 December. */
export const MAINTENANCE = `---
title: Database upgrade
kind: maintenance
scheduled_for: 2026-12-05 02:00 UTC
scheduled_until: 2026-12-05 04:00 UTC
components: [database]
---
Each cluster fails over once.

## 2026-11-23 08:00 UTC · Scheduled
The upgrade is planned for 5 December.
`;

export const INTERNAL_INCIDENT = `---
title: Billing export stuck
impact: minor
visibility: internal
components:
  billing: partial_outage
---
Exports are stuck.

## 2026-11-23 11:00 UTC · Investigating
The nightly export is stuck.
`;

export const STANDARD_FILES: Record<string, string> = {
  'components.yaml': COMPONENTS,
  'incidents/2026-11-23-api-errors.md': API_INCIDENT,
  'incidents/2026-11-20-slow-dashboard.md': OLD_INCIDENT,
  'incidents/2026-12-05-database-upgrade.md': MAINTENANCE,
  'incidents/2026-11-23-billing.md': INTERNAL_INCIDENT,
};

/** A repository in a fresh temporary directory. */
export async function tempRepo(files: Record<string, string>): Promise<{
  dir: string;
  write: (path: string, text: string) => Promise<void>;
  remove: () => Promise<void>;
}> {
  const dir = await writeRepository(files);
  const write = (path: string, text: string) => writeFiles(dir, { [path]: text });
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The model of a repository on disk, failing the test on any error in it. */
export async function loadModel(dir: string, now = NOW): Promise<StatusModel> {
  const { model, diagnostics } = await validateRepository(dir, now);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!model || errors.length) throw new Error(`fixture has errors: ${JSON.stringify(errors)}`);
  return model;
}
