// The Markdown dialects of the chat services: each escapes what its service reads as markup or as a
// mention. Raw HTML is shown as text there, escaped, as each service would otherwise drop or read it.
import type { Dialect } from '../../core/markdown-text.ts';

/** `@everyone`, `@here`, `@channel`: a word joiner after the `@` keeps them readable and stops every service from pinging. */
export function defuseMentions(value: string): string {
  return value.replace(/@(everyone|here|channel|all)\b/gi, '@\u2060$1');
}

/** Text shown as-is (Slack plain_text): `<!channel>`, `<@U1>` are never parsed there, and a word joiner after `<` keeps it so if pasted on. */
export function defusePlain(value: string): string {
  return defuseMentions(value).replace(/<([!@#])/g, '<\u2060$1');
}

/** Slack mrkdwn: &, < and > are the only characters Slack asks to escape; `<!channel>` becomes harmless text. */
export const slackDialect: Dialect = {
  text: (v) => defuseMentions(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  strong: (s) => `*${s}*`,
  emphasis: (s) => `_${s}_`,
  strike: (s) => `~${s}~`,
  inlineCode: (v) => `\`${slackDialect.text(v).replace(/`/g, 'ˋ')}\``,
  codeBlock: (v) => `\`\`\`\n${slackDialect.text(v).replace(/```/g, 'ˋˋˋ')}\n\`\`\``,
  link: (s, url) => `<${url.replace(/[|<>]/g, encodeURIComponent)}|${s.replace(/\|/g, '¦')}>`,
  heading: (s) => `*${s}*`,
  html: (v) => slackDialect.text(v),
  bullet: '•',
};

/** Backslash-escapes the characters a service reads as Markdown, and the list (and other) markers it reads at the start of a line. */
function backslashEscape(value: string, characters: RegExp, lineStart: RegExp): string {
  return defuseMentions(value)
    .replace(characters, '\\$&')
    .replace(lineStart, '\\$1')
    .replace(/^(\d+)\./gm, '$1\\.');
}

/** Discord Markdown (embeds). `<` is escaped too, so `<@id>` and `<#id>` are not mentions. */
export const discordDialect: Dialect = {
  text: (v) => backslashEscape(v, /[\\*_~`|[\]()<>]/g, /^([#>+-])/gm),
  strong: (s) => `**${s}**`,
  emphasis: (s) => `*${s}*`,
  strike: (s) => `~~${s}~~`,
  inlineCode: (v) => `\`${defuseMentions(v).replace(/`/g, 'ˋ')}\``,
  codeBlock: (v) => `\`\`\`\n${defuseMentions(v).replace(/```/g, 'ˋˋˋ')}\n\`\`\``,
  link: (s, url) => `[${s}](<${url.replace(/[<>()]/g, encodeURIComponent)}>)`,
  heading: (s) => `**${s}**`,
  html: (v) => discordDialect.text(v),
  bullet: '•',
};

/**
 * The Markdown subset of Adaptive Card TextBlocks: bold, italic, lists, links; no code, no HTML, no
 * mentions without entities. Only what that subset reads is escaped: Teams shows other escapes as typed.
 */
export const teamsDialect: Dialect = {
  text: (v) => backslashEscape(v, /[\\*_[\]]/g, /^([+-])/gm),
  strong: (s) => `**${s}**`,
  emphasis: (s) => `_${s}_`,
  strike: (s) => s,
  inlineCode: (v) => teamsDialect.text(v),
  codeBlock: (v) => teamsDialect.text(v),
  link: (s, url) => `[${s}](${url.replace(/[()]/g, encodeURIComponent)})`,
  heading: (s) => `**${s}**`,
  html: (v) => teamsDialect.text(v),
  bullet: '-',
};
