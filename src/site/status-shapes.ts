import type { Tone } from './labels.ts';

/** Each tone's icon shape (16×16), drawn in the tone's colour: the page's icons and its favicons share them. */
export const STATUS_SHAPES: Record<Tone, string> = {
  ok: '<circle cx="8" cy="8" r="7.5"/><path d="M4.5 8.3l2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="1.8"/>',
  mnt: '<rect x=".5" y=".5" width="15" height="15" rx="3"/><path d="M8 3.5V8l3 2" fill="none" stroke="#fff" stroke-width="1.8"/>',
  deg: '<path d="M8 .8l7.6 14H.4z"/><path d="M8 5.5v4.5m0 1.5v1.6" stroke="#fff" stroke-width="1.8"/>',
  par: '<path d="M8 .2L15.8 8 8 15.8.2 8z"/><path d="M8 4v5m0 1.6v1.6" stroke="#fff" stroke-width="1.8"/>',
  maj: '<path d="M5 .5h6L15.5 5v6L11 15.5H5L.5 11V5z"/><path d="M5.2 5.2l5.6 5.6m0-5.6l-5.6 5.6" stroke="#fff" stroke-width="1.8"/>',
  nd: '<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.5 8h7" stroke="currentColor" stroke-width="1.5"/>',
};

/** The light theme's tone colours (the `--ok` ... custom properties of site.css), for the favicons, which cannot read CSS. */
const FAVICON_COLOURS: Record<Exclude<Tone, 'nd'>, string> = {
  ok: '#1a7f37',
  mnt: '#0969da',
  deg: '#9a6700',
  par: '#bc4c00',
  maj: '#cf222e',
};

export const FAVICON_TONES = Object.keys(FAVICON_COLOURS) as Exclude<Tone, 'nd'>[];

/** A small SVG favicon of one state: its shape in its colour. */
export function faviconSvg(tone: Exclude<Tone, 'nd'>): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="${FAVICON_COLOURS[tone]}">${STATUS_SHAPES[tone]}</svg>`;
}
