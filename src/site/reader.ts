// Optional: with JavaScript a page shows every time in the reader's own zone, keeps relative phrases
// and durations current, says when it is older than its rebuild schedule promises, and (home and
// incident pages) says when the published status has changed since it was built. Without it the page
// is complete: every time is written in the page's zone and nothing here is needed to read it.
import { dateFormats, durationWords } from '../i18n/format.ts';
import { relativePhrase } from './relative-time.ts';

const body = document.body;
// Words, dates and numbers stay in the page's language (its <html lang>), never the browser's: only
// the zone becomes the reader's.
const language = document.documentElement.lang || 'en';
const duration = durationWords(language);
const MINUTE = 60_000;

/** Every time, range and footer in one zone: all converted, or (when the zone is unknown) none. */
function showInReaderZone(root: ParentNode = document): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  const formats = dateFormats(language, zone);
  for (const el of root.querySelectorAll<HTMLTimeElement>('time[data-local]')) {
    const t = Date.parse(el.dateTime);
    if (Number.isNaN(t)) continue;
    el.title ||= el.textContent ?? '';
    el.textContent = formats.dateTime(new Date(t));
  }
  for (const range of root.querySelectorAll<HTMLElement>('[data-range]')) {
    const [from, to] = range.querySelectorAll('time');
    if (!from || !to) continue;
    const parts = formats.rangeParts(new Date(from.dateTime), new Date(to.dateTime));
    range.title ||= range.textContent ?? '';
    from.textContent = parts.from;
    to.textContent = parts.to;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-zone]')) el.textContent = zone;
}

/** Relative phrases, durations and promised updates as of now, not as of the build. */
function refresh(now: number): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-ago]')) {
    const t = Date.parse(el.dataset.ago ?? '');
    if (!Number.isNaN(t)) el.textContent = ` (${relativePhrase(t - now, language)})`;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-since]')) {
    const t = Date.parse(el.dataset.since ?? '');
    if (!Number.isNaN(t)) el.textContent = duration(now - t);
  }
  // A promised next update that has passed is shown as overdue, as the build does when it knows.
  for (const el of document.querySelectorAll<HTMLElement>('[data-due]')) {
    const overdue = Date.parse(el.dataset.due ?? '') <= now;
    for (const part of el.querySelectorAll<HTMLElement>('[data-when]'))
      part.hidden = (part.dataset.when === 'overdue') !== overdue;
  }
  const built = Date.parse(body.dataset.built ?? '');
  const interval = Number(body.dataset.rebuild) * MINUTE;
  if (now - built > 2 * interval) showNotice('stale', relativePhrase(built - now, language));
}

const shown = new Set<string>();

/** A notice from the page's own words, at the bottom of the window so nothing on the page moves. */
function showNotice(name: 'stale' | 'updated', ago?: string): void {
  const template = document.querySelector<HTMLTemplateElement>(`#notice-${name}`);
  const area = document.querySelector('.notices');
  if (!template || !area) return;
  if (shown.has(name)) {
    if (ago) area.querySelector(`[data-notice="${name}"] [data-ago]`)!.textContent = ago;
    return;
  }
  shown.add(name);
  const notice = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  notice.dataset.notice = name;
  const when = notice.querySelector('[data-ago]');
  if (when && ago) when.textContent = ago;
  notice.querySelector('a')!.addEventListener('click', (event) => {
    event.preventDefault();
    location.reload();
  });
  area.append(notice);
}

/**
 * Polls api/v2/status.json at most once a minute while the tab is visible; when the indicator or
 * the page's `updated_at` differs from what this page was built with, says so. Never reloads by itself.
 */
function watchStatus(url: string): void {
  let last = Date.now();
  const check = async (): Promise<void> => {
    if (document.hidden || shown.has('updated') || Date.now() - last < MINUTE - 1_000) return;
    last = Date.now();
    try {
      // Hosts cache the file for minutes (GitHub Pages: 10): a query string of the moment asks for a fresh copy.
      const response = await fetch(`${url}?t=${last}`, { cache: 'no-store' });
      if (!response.ok) return;
      const live = (await response.json()) as {
        page?: { updated_at?: string };
        status?: { indicator?: string };
      };
      if (
        live.status?.indicator !== body.dataset.indicator ||
        live.page?.updated_at !== body.dataset.updated
      )
        showNotice('updated');
    } catch {
      // Offline or a deploy in progress: the next minute tries again.
    }
  };
  setInterval(() => void check(), MINUTE);
  document.addEventListener('visibilitychange', () => void check());
}

const pages = new Map<string, Promise<Document>>();

/** A component page, fetched once, for the day sections its uptime cells link to. */
function componentPage(path: string): Promise<Document> {
  if (path === location.pathname) return Promise.resolve(document);
  let page = pages.get(path);
  if (!page) {
    page = fetch(path).then(async (r) =>
      new DOMParser().parseFromString(await r.text(), 'text/html'),
    );
    pages.set(path, page);
  }
  return page;
}

/** An uptime cell opens its day's section of the component page in a popover, instead of going there. */
function openDays(): void {
  const template = document.querySelector<HTMLTemplateElement>('#day-popover');
  if (!template || !('showPopover' in HTMLElement.prototype)) return;
  const popover = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const content = popover.lastElementChild!;
  let opener: HTMLElement | undefined;
  popover.querySelector('button')!.addEventListener('click', () => popover.hidePopover());
  popover.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'closed') opener?.focus();
  });
  body.append(popover);
  document.addEventListener('click', (event) => {
    const cell = (event.target as Element).closest?.<HTMLAnchorElement>('.bar > a');
    if (!cell) return;
    event.preventDefault();
    opener = cell;
    const url = new URL(cell.href);
    void componentPage(url.pathname).then(
      (page) => {
        const day = page.getElementById(url.hash.slice(1));
        if (!day) {
          location.href = cell.href;
          return;
        }
        content.replaceChildren(...Array.from(day.cloneNode(true).childNodes));
        showInReaderZone(content);
        popover.showPopover();
        popover.focus();
      },
      () => {
        location.href = cell.href;
      },
    );
  });
}

showInReaderZone();
openDays();
refresh(Date.now());
setInterval(() => refresh(Date.now()), MINUTE);
if (body.dataset.live) watchStatus(body.dataset.live);
