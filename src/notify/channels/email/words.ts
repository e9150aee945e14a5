/**
 * The words of an email notice that no other channel uses. The rest (kind of notice, status,
 * component states) comes from the notice content every channel shares.
 */
export const EMAIL_WORDS = {
  pageStatus: (pageName: string) => `${pageName} status`,
  summary: 'Summary',
  status: 'Status',
  impact: 'Impact',
  affected: 'Affected',
  window: 'Window',
  update: 'What we are doing',
  postmortem: 'Postmortem',
  workaround: 'Workaround',
  nextUpdate: 'Next update',
  nextUpdateBy: (when: string) => `by ${when}`,
  contact: 'Contact',
  details: 'Full details',
  viewIncident: 'View on the status page',
  why: (pageName: string) => `You receive this because you subscribed to notices from ${pageName}.`,
  unsubscribe: 'Unsubscribe',
  reply: 'Re:',
};
