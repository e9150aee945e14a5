/** "Elevated API error rates!" -> "elevated-api-error-rates": a file name and URL segment of at most `max` characters. */
export function slugify(text: string, fallback = 'incident', max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
  return slug || fallback;
}
