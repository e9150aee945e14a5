import { level2Headings } from './body-headings.ts';
import { checkInternalBlocks, findInternalBlocks, insideInternalBlock } from './internal-blocks.ts';
import {
  didYouMean,
  error,
  excerpt,
  suggest,
  warning,
  type Diagnostic,
  type Position,
} from './diagnostics.ts';
import { componentStatusSchema, type ComponentStatus } from './schema/common.ts';
import { ENGLISH_STATUS_WORDS, headingWords, type HeadingWords } from './heading-words.ts';
import type { UpdateStatus } from './schema/update-status.ts';
import { parseTimestamp } from './timestamp.ts';

export interface ParsedUpdate {
  at: Date;
  status: UpdateStatus;
  /** Markdown of the update, without its heading and components line. */
  body: string;
  /** Status changes stated on a `Components:` line, with where each id was written. */
  componentChanges: { id: string; status: ComponentStatus; position: Position }[];
  position: Position;
}

interface ParsedBody {
  summary: string;
  updates: ParsedUpdate[];
  postmortem?: { body: string; position: Position };
}

const SEPARATOR = /\s[·|—–-]\s/g;
const HEADING_EXAMPLE = '`## 2026-11-22 14:03 UTC · Investigating`';
const UPDATE_AT_WRONG_LEVEL = /^( {0,3})(#|#{3,6})[ \t]+(\d{4}-\d{2}-\d{2}[^\n]*)$/gm;
const COMPONENTS_LINE = /^components?:(.*)$/i;

/** A heading's text without its `#` marks. */
function headingTextOf(raw: string): string {
  return withoutClosingHashes(raw.replace(/^[ \t]*#+[ \t]*/, '')).trim();
}

/**
 * `Title ##` -> `Title`: the optional closing `#`s of an ATX heading, which follow a space or tab.
 * Scanned from the end, as a pattern anchored at the end would be tried from every space: quadratic.
 */
function withoutClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || (text[hashes - 1] !== ' ' && text[hashes - 1] !== '\t'))
    return text;
  return text.slice(0, hashes);
}

/** The time and status of `<time> · <status>`, split at the last separator; undefined without one. */
function splitUpdateHeading(
  text: string,
): { time: string; status: string; statusIndex: number } | undefined {
  const last = [...text.matchAll(SEPARATOR)].at(-1);
  if (!last) return undefined;
  const rest = text.slice(last.index + last[0].length);
  return {
    time: text.slice(0, last.index).trim(),
    status: rest.trim(),
    statusIndex: text.length - rest.trimStart().length,
  };
}

/**
 * Reads the Markdown after the frontmatter: the summary, then `## <time> · <status>` updates,
 * then an optional `## Postmortem`. `lineOffset` is the number of lines before the body.
 */
export function parseIncidentBody(
  file: string,
  body: string,
  lineOffset: number,
  words: HeadingWords = headingWords(),
): { body: ParsedBody; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  // Internal blocks first: a heading inside one is internal text, never the start of a public update.
  diagnostics.push(...checkInternalBlocks(file, body, lineOffset + 1));
  const { blocks } = findInternalBlocks(body);
  const { atx: allHeadings, setext } = level2Headings(body);
  const headings = allHeadings.filter((heading) => {
    const block = insideInternalBlock(blocks, heading.line - 1);
    if (!block) return true;
    diagnostics.push(
      error(
        file,
        { line: heading.line + lineOffset, column: heading.column },
        'heading-in-internal-block',
        `This \`##\` heading is inside the internal block opened on line ${block.open + lineOffset + 1}: an update or a postmortem cannot be internal.`,
        'Close the block before the heading and open another after it, or use `###` for a heading inside internal text.',
      ),
    );
    return false;
  });
  // Only `## ` headings divide the body. A line of `---` under text also makes a level-2 heading
  // (setext), nearly always by accident: it is reported, and not taken for an update.
  for (const heading of setext) {
    diagnostics.push(
      error(
        file,
        { line: heading.line + lineOffset, column: heading.column },
        'setext-heading',
        'The `---` line under this text turns the text into a heading.',
        `Leave a blank line before \`---\` for a horizontal rule; head updates like ${HEADING_EXAMPLE}.`,
      ),
    );
  }
  const postmortemHeading = headings.find((h) =>
    words.isPostmortem(headingTextOf(body.slice(h.startOffset, h.endOffset))),
  );
  diagnostics.push(
    ...updatesAtWrongLevel(
      file,
      body.slice(0, postmortemHeading?.startOffset ?? body.length),
      lineOffset,
      words,
    ),
  );
  const offsets = headings.map((h) => h.startOffset);
  const summary = body.slice(0, offsets[0] ?? body.length).trim();
  const updates: ParsedUpdate[] = [];
  let postmortem: ParsedBody['postmortem'];

  headings.forEach((heading, i) => {
    const position = { line: heading.line + lineOffset, column: heading.column };
    const raw = body.slice(heading.startOffset, heading.endOffset);
    const headingText = headingTextOf(raw);
    // Where the heading's text starts on its line, so the time and status columns are exact.
    const textColumn = heading.column + raw.length - raw.replace(/^[ \t]*#+[ \t]*/, '').length;
    const content = body.slice(heading.endOffset, offsets[i + 1] ?? body.length);
    const contentLine = heading.endLine + lineOffset;

    if (words.isPostmortem(headingText)) {
      if (postmortem) {
        diagnostics.push(
          error(
            file,
            position,
            'duplicate-postmortem',
            'There is a second `## Postmortem` section.',
            'Merge the two postmortem sections into one.',
          ),
        );
      }
      postmortem = { body: content.trim(), position };
      return;
    }
    if (postmortem) {
      diagnostics.push(
        error(
          file,
          position,
          'postmortem-not-last',
          `${excerpt(headingText)} comes after the postmortem.`,
          'Keep `## Postmortem` as the last section, after every update.',
        ),
      );
    }
    const parts = splitUpdateHeading(headingText);
    if (!parts) {
      const looksLikeTime = /^\d{4}-\d{2}-\d{2}/.test(headingText);
      diagnostics.push(
        error(
          file,
          position,
          looksLikeTime ? 'update-heading' : 'unknown-section',
          looksLikeTime
            ? `The update heading ${excerpt(headingText)} has no status.`
            : `${excerpt(`## ${headingText}`)} is neither an update nor the postmortem.`,
          looksLikeTime
            ? `Write the time, a separator (·, -, — or |) and the status: ${HEADING_EXAMPLE}.`
            : `Updates are headed like ${HEADING_EXAMPLE}; use \`###\` for headings inside an update or the summary.`,
        ),
      );
      return;
    }
    const { time: timeText, status: statusText } = parts;
    const statusColumn = textColumn + parts.statusIndex;
    const time = parseTimestamp(timeText);
    const status = words.status(statusText);
    if (!time.ok) {
      diagnostics.push(
        error(
          file,
          { line: position.line, column: textColumn },
          `timestamp-${time.reason}`,
          time.message,
          time.hint,
        ),
      );
    }
    if (!status) {
      diagnostics.push(
        error(
          file,
          { line: position.line, column: statusColumn },
          'unknown-status',
          `${excerpt(statusText)} is not an update status.`,
          statusHint(statusText, words),
        ),
      );
    }
    const { text, changes } = readComponentsLine(file, content, contentLine, diagnostics);
    if (time.ok && status) {
      if (text.length === 0) {
        diagnostics.push(
          warning(
            file,
            position,
            'empty-update',
            'This update has no text.',
            'Say what changed, what users can do, and when the next update comes.',
          ),
        );
      }
      updates.push({ at: time.date, status, body: text, componentChanges: changes, position });
    }
  });
  return { body: { summary, updates, ...(postmortem ? { postmortem } : {}) }, diagnostics };
}

/**
 * An update written as `#` or `###` would silently become part of the text above it. `text` ends
 * before the postmortem, whose own timeline may use such headings.
 */
function updatesAtWrongLevel(
  file: string,
  text: string,
  lineOffset: number,
  words: HeadingWords,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const match of text.matchAll(UPDATE_AT_WRONG_LEVEL)) {
    const parts = splitUpdateHeading(withoutClosingHashes(match[3]!));
    if (!parts || !words.status(parts.status)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    diagnostics.push(
      error(
        file,
        { line: line + lineOffset, column: match[1]!.length + 1 },
        'update-heading-level',
        `This looks like an update, but its heading starts with ${match[2]!.length === 1 ? 'one `#`' : `${match[2]!.length} \`#\``}.`,
        `Head each update with exactly two: ${HEADING_EXAMPLE}.`,
      ),
    );
  }
  return diagnostics;
}

/** A did-you-mean when a word is close, and always the page language's words (English is accepted too). */
function statusHint(written: string, words: HeadingWords): string {
  const close = didYouMean(written, [...words.statusWords, ...ENGLISH_STATUS_WORDS]);
  const english = words.statusWords.every((w, i) => w === ENGLISH_STATUS_WORDS[i]);
  return `${close ? `Did you mean \`${close}\`? ` : ''}Write one of: ${words.statusWords.join(', ')}${english ? '' : ' (or the English word)'}.`;
}

/** An update may open with `Components: api: degraded_performance, dashboard: operational`. */
function readComponentsLine(
  file: string,
  content: string,
  firstLine: number,
  diagnostics: Diagnostic[],
) {
  const lines = content.split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  const match = index >= 0 ? COMPONENTS_LINE.exec(lines[index]!.trim()) : null;
  if (!match) return { text: content.trim(), changes: [] };
  const line = firstLine + index;
  const changes: ParsedUpdate['componentChanges'] = [];
  const raw = lines[index]!;
  const trimmed = raw.trim();
  // Columns count from the raw line, so each id is pointed at even when the same text repeats.
  let offset = raw.length - raw.trimStart().length + trimmed.length - match[1]!.length;
  for (const pair of match[1]!.split(',')) {
    const column = offset + pair.length - pair.trimStart().length + 1;
    offset += pair.length + 1;
    if (!pair.trim()) continue;
    const parts = /^([^\s:=]+)(?:\s*[:=]\s*|\s+)(\S+)$/.exec(pair.trim());
    const status = parts && componentStatusSchema.safeParse(parts[2]!.toLowerCase()).data;
    if (!parts || !status) {
      diagnostics.push(
        error(
          file,
          { line, column },
          'components-line',
          `${excerpt(pair.trim())} is not a component status change.`,
          parts
            ? suggest(parts[2]!, componentStatusSchema.options)
            : 'Write `Components: <id>: <status>, <id>: <status>`, e.g. `Components: api: degraded_performance`.',
        ),
      );
      continue;
    }
    changes.push({ id: parts[1]!, status, position: { line, column } });
  }
  return {
    text: lines
      .slice(index + 1)
      .join('\n')
      .trim(),
    changes,
  };
}
