/**
 * The reader-facing words of freshness, live status and the uptime days, kept together so they move
 * into the message catalogues in one piece.
 */
export const READER_WORDS = {
  language: 'en',
  zoneNote: 'All times are shown in',
  generated: 'Page generated',
  staleBefore: 'This page was last updated',
  staleAfter: '; it may be out of date.',
  updated: 'This page has been updated.',
  reload: 'Reload',
  nextUpdateBy: 'Next update by',
  overdueSince: 'Update overdue since',
  dayDialog: 'Incidents of the day',
  close: 'Close',
  noIncidents: 'No incidents reported',
  linkToUpdate: 'Link to this update',
  postmortem: 'Postmortem',
  readPostmortem: 'Read the postmortem',
} as const;
