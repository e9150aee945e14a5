import type { Diagnostic } from '../core/diagnostics.ts';
import { formatSummary } from '../core/format-diagnostics.ts';
import { codeBlock, literal, literalCode, messageText } from './markdown-escape.ts';
import type { NoticePreview, PrReport } from './pr-report.ts';

/** GitHub refuses a comment body over 65,536 characters; bytes are a safe upper bound of characters. */
export const COMMENT_MAX_BYTES = 65_000;
/** A step summary may hold 1 MiB. */
const SUMMARY_MAX_BYTES = 1_000_000;

export const PR_COMMENT_MARKER = '<!-- candor:pr-report -->';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

interface ReportOptions {
  /** Where the checked files can be read, e.g. `https://github.com/acme/status/blob/<sha>/`: each location links to its line. */
  blobUrl?: string;
}

/** The browsable tree of `sha`: built from trusted parts only (never from the report). */
export function blobUrl(serverUrl: string, owner: string, repo: string, sha: string): string {
  return new URL(
    `${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/blob/${encodeURIComponent(sha)}/`,
    serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`,
  ).href;
}

/** The job summary of the pull-request check: every diagnostic, every notice preview. */
export function buildJobSummary(report: PrReport, options: ReportOptions = {}): string {
  return buildReport(report, {
    ...options,
    maxBytes: SUMMARY_MAX_BYTES,
    more: 'not shown: the summary is full',
  });
}

interface CommentOptions extends ReportOptions {
  /** The check run that produced the report, for everything the comment has no room for. */
  runUrl?: string;
}

/** The one sticky comment on the PR: the same report, under GitHub's size limit. */
export function buildPrComment(report: PrReport, options: CommentOptions = {}): string {
  const footer = options.runUrl
    ? `\n<sub>From the [Candor check run](<${encodeURI(options.runUrl)}>).</sub>\n`
    : '';
  const body = buildReport(report, {
    ...(options.blobUrl ? { blobUrl: options.blobUrl } : {}),
    maxBytes: COMMENT_MAX_BYTES - bytes(PR_COMMENT_MARKER) - bytes(footer) - 1,
    more: options.runUrl
      ? 'not shown here: see the check run'
      : 'not shown here: see the check run of this commit',
  });
  return `${PR_COMMENT_MARKER}\n${body}${footer}`;
}

interface Limits extends ReportOptions {
  maxBytes: number;
  /** Said after "N more ..." when not everything fits. */
  more: string;
}

function buildReport(report: PrReport, limits: Limits): string {
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  const headline =
    errors > 0
      ? '❌ Candor found problems'
      : report.diagnostics.length > 0
        ? '⚠️ Candor: ready to merge, with warnings'
        : '✅ Candor: ready to merge';
  const head = `## ${headline}\n\nChecked ${literalCode(report.headSha.slice(0, 7))}: ${literal(formatSummary(report.diagnostics, report.filesChecked))}\n`;
  // The notices heading and a "more" line are reserved before diagnostics take their share.
  const reserve = 400;
  let budget = limits.maxBytes - bytes(head) - reserve;
  const diagnostics = fit(
    report.diagnostics.map((d) => diagnosticRow(d, limits.blobUrl)),
    budget,
    'diagnostics',
    limits.more,
  );
  const diagnosticsPart =
    report.diagnostics.length === 0 ? '' : `\n| | Where | Problem |\n|---|---|---|\n${diagnostics}`;
  budget = limits.maxBytes - bytes(head) - bytes(diagnosticsPart);
  return `${head}${diagnosticsPart}\n${noticesPart(report, budget, limits.more)}`;
}

function diagnosticRow(d: Diagnostic, blob: string | undefined): string {
  const icon = d.severity === 'error' ? '❌ error' : '⚠️ warning';
  const location = literalCode(`${d.file}:${d.line}:${d.column}`);
  // Every path segment percent-encoded, so the file name cannot end the <destination> or the cell.
  const where = blob
    ? `[${location}](<${blob}${d.file.split('/').map(encodeURIComponent).join('/')}#L${d.line}>)`
    : location;
  const hint = d.hint ? `<br>**Hint:** ${messageText(d.hint)}` : '';
  return `| ${icon} | ${where} | ${messageText(d.message)}${hint} <sub>${literal(d.code)}</sub> |\n`;
}

function noticesPart(report: PrReport, budget: number, more: string): string {
  const notices = report.notices;
  if (notices.kind === 'unavailable')
    return `### Notices\n\nNo preview: ${literal(notices.reason)}\n`;
  if (notices.kind === 'bootstrap') {
    return '### Notices\n\nNone will be sent: this repository has no notice ledger yet, so the first run after this merge records every existing incident and update as already announced.\n';
  }
  const warning = notices.warning ? `> [!WARNING]\n> ${literal(notices.warning)}\n\n` : '';
  if (notices.previews.length === 0)
    return `### Notices\n\n${warning}This merge sends no notice.\n`;
  const heading = `### Notices this merge will send (${notices.previews.length})\n\n${warning}`;
  return `${heading}${fit(notices.previews.map(previewBlock), budget - bytes(heading), 'notices', more)}`;
}

function previewBlock(p: NoticePreview): string {
  const summary = `${literal(p.type)} → ${literalCode(p.channel)} · ${literal(p.event)}: ${literal(p.title)} <sub>${literalCode(p.id)}</sub>`;
  return `<details><summary>${summary}</summary>\n\n${codeBlock(p.payload, p.language)}\n\n</details>\n\n`;
}

/** As many parts as fit in `budget` bytes, then one line counting the rest. */
function fit(parts: string[], budget: number, what: string, more: string): string {
  let used = 200; // room for the line counting the rest
  let shown = 0;
  for (const part of parts) {
    if (used + bytes(part) > budget) break;
    used += bytes(part);
    shown++;
  }
  const rest = parts.length - shown;
  return (
    parts.slice(0, shown).join('') + (rest > 0 ? `\n…and ${rest} more ${what}, ${more}.\n` : '')
  );
}
