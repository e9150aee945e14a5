import { z } from 'zod';
import type { Diagnostic } from '../core/diagnostics.ts';

/** One notice the merge would send, as the channel will receive it. */
export interface NoticePreview {
  /** The channel's name in notify.yaml. */
  channel: string;
  /** slack, discord, teams, webhook, ... */
  type: string;
  /** What happened, e.g. `incident.created`. */
  event: string;
  /** The notice's stable id, as the ledger will record it. */
  id: string;
  /** The one line a notification shows, e.g. `Identified · Elevated API error rates`. */
  title: string;
  /** The exact body the channel receives, secrets masked. */
  payload: string;
  /** The payload's language for highlighting, e.g. `json`. */
  language: string;
}

/** What the notice preview could be computed against. */
export type NoticeState =
  /** `warning`: the run will not send as planned (e.g. more than max_per_run). */
  | { kind: 'planned'; previews: NoticePreview[]; warning?: string }
  /** No ledger yet: the first run after the merge records everything as sent and announces nothing. */
  | { kind: 'bootstrap' }
  /** No preview, and why (no notify.yaml, the ledger could not be read, the content has errors). */
  | { kind: 'unavailable'; reason: string };

/**
 * What the pull-request check found, handed from the unprivileged check job to the job that
 * comments. It crosses a trust boundary: the commenting job parses it as untrusted data.
 */
export interface PrReport {
  version: 1;
  pullRequest: number;
  headSha: string;
  filesChecked: number;
  diagnostics: Diagnostic[];
  notices: NoticeState;
}

export const PR_REPORT_FILE = 'candor-pr-report.json';
/** Far above any real report; a bigger file is refused before it is parsed. */
export const PR_REPORT_MAX_BYTES = 5_000_000;

const text = (max: number) => z.string().max(max);

const diagnosticSchema = z.strictObject({
  file: text(1_000),
  line: z.int().min(1),
  column: z.int().min(1),
  severity: z.enum(['error', 'warning']),
  code: text(100),
  message: text(10_000),
  hint: text(10_000).optional(),
});

const previewSchema = z.strictObject({
  channel: text(200),
  type: text(100),
  event: text(200),
  id: text(500),
  title: text(1_000),
  payload: text(200_000),
  language: z.string().regex(/^[a-z0-9+-]{0,20}$/),
});

const prReportSchema = z.strictObject({
  version: z.literal(1),
  pullRequest: z.int().min(1),
  headSha: z.string().regex(/^[0-9a-f]{40}$/),
  filesChecked: z.int().min(0),
  diagnostics: z.array(diagnosticSchema).max(100_000),
  notices: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('planned'),
      previews: z.array(previewSchema).max(10_000),
      warning: text(2_000).optional(),
    }),
    z.strictObject({ kind: z.literal('bootstrap') }),
    z.strictObject({ kind: z.literal('unavailable'), reason: text(2_000) }),
  ]),
});

/** Parses a report written by another job; anything unexpected is refused with the first problem found. */
export function parsePrReport(json: string): PrReport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('The PR report is not JSON.');
  }
  const parsed = prReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `The PR report is not valid: ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    );
  }
  return parsed.data as PrReport;
}
