import { CONFIG, incidentFile, type Files } from './helpers.ts';

/**
 * The open minor incident on sign-in (auth): investigating since 11:00 UTC on 2026-11-23, and an
 * update at 13:00 saying `identified`, which is not published before then.
 */
export const slowSignIn = (identified: string) =>
  incidentFile(
    `title: Slow sign-in
impact: minor
components:
  auth: degraded_performance`,
    `Sign-in is slow.

## 2026-11-23 11:00 UTC · Investigating
Sign-in takes up to 10 seconds.

## 2026-11-23 13:00 UTC · Identified
${identified}`,
  );

/**
 * A small page at 2026-11-23 12:00 UTC: a resolved outage with a postmortem, an open incident
 * with one update still in the future, a maintenance under way by the clock, an upcoming one,
 * and an internal incident that must never show.
 */
export const FILES: Files = {
  'components.yaml': CONFIG,
  'incidents/2026-11-20-outage.md': incidentFile(
    `title: API outage
impact: critical
components:
  api: major_outage
  web: partial_outage`,
    `The API was down.

## 2026-11-20 10:00 UTC · Investigating
The API is down.

## 2026-11-20 10:30 UTC · Monitoring
Components: api: degraded_performance, web: operational

A fix is out; we are watching.

## 2026-11-20 11:00 UTC · Resolved
All good.

## Postmortem
A bad deploy.`,
  ),
  'incidents/2026-11-23-slow-sign-in.md': slowSignIn('Not published before 13:00.'),
  'incidents/2026-11-23-web-maintenance.md': incidentFile(
    `title: Website hosting move
kind: maintenance
scheduled_for: 2026-11-23 11:30 UTC
scheduled_until: 2026-11-23 12:30 UTC
components: [web]`,
    `We move the website to a new host.

## 2026-11-22 09:00 UTC · Scheduled
Planned for 11:30 to 12:30 UTC tomorrow.`,
  ),
  'incidents/2026-12-01-api-maintenance.md': incidentFile(
    `title: API database upgrade
kind: maintenance
impact: minor
scheduled_for: 2026-12-01 02:00 +01:00
scheduled_until: 2026-12-01 03:00 +01:00
components:
  api: under_maintenance`,
    `Short API interruptions.

## 2026-11-21 08:00 UTC · Scheduled
The upgrade is planned.`,
  ),
  'incidents/2026-11-22-internal.md': incidentFile(
    `title: Secret internal thing
impact: major
visibility: internal
components:
  api: major_outage`,
    `Internal only.

## 2026-11-22 08:00 UTC · Investigating
SECRET-MARKER`,
  ),
};
