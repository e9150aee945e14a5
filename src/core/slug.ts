/** "Elevated API error rates!" -> "elevated-api-error-rates": a file name and URL segment. */
export function slugify(text: string, fallback = 'incident'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return slug || fallback;
}
