/**
 * The embeddable status: another site adds `<script src="https://status.example.com/embed.js" async>`
 * and gets the current state and any active incident or maintenance in place of the script (or in an
 * element with `data-candor-status`), read from this page's api/v2/summary.json. It is served as
 * `embed.js` from this function's source, so it may use nothing from outside its own body.
 */
export function candorEmbed(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const colours: Record<string, string> = {
    none: '#1a7f37',
    minor: '#9a6700',
    major: '#bc4c00',
    critical: '#cf222e',
    maintenance: '#0969da',
  };
  const host =
    document.querySelector('[data-candor-status]') ??
    script.parentNode!.insertBefore(document.createElement('div'), script);
  // A shadow root keeps the host page's styles out, and this widget's out of the host page.
  const root = (host as HTMLElement).attachShadow({ mode: 'open' });
  const link = (href: string, text: string) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  };
  fetch(new URL('api/v2/summary.json', script.src))
    .then((response) => response.json())
    .then(
      (summary: {
        page: { name: string; url: string };
        status: { indicator: string; description: string };
        incidents: { name: string; shortlink: string }[];
        scheduled_maintenances: { name: string; shortlink: string; status: string }[];
      }) => {
        const style = document.createElement('style');
        style.textContent =
          ':host{display:block;font:14px/1.4 system-ui,sans-serif}div{display:flex;gap:.5em;align-items:center}i{width:.75em;height:.75em;border-radius:50%;flex:none}ul{margin:.25em 0 0 1.25em;padding:0}a{color:inherit}';
        const line = document.createElement('div');
        const dot = document.createElement('i');
        dot.style.background = colours[summary.status.indicator] ?? colours.none!;
        line.append(
          dot,
          link(summary.page.url, `${summary.page.name}: ${summary.status.description}`),
        );
        const list = document.createElement('ul');
        const open = [
          ...summary.incidents,
          ...summary.scheduled_maintenances.filter(
            (m) => m.status === 'in_progress' || m.status === 'verifying',
          ),
        ];
        for (const item of open) {
          const li = document.createElement('li');
          li.append(link(item.shortlink, item.name));
          list.append(li);
        }
        root.append(style, line, ...(open.length ? [list] : []));
      },
    )
    .catch(() => {
      // The embedding page never breaks because the status page is unreachable.
    });
}
