// Candor as a library, for a team's own pages and scripts: read and validate a status repository,
// and derive what the page shows from it. Everything here takes `now` as a parameter.
export { readRepository } from './core/read-repository.ts';
export { loadRepository, type LoadResult, type RepositoryFiles } from './core/load-repository.ts';
export { forAudience, type Audience } from './core/audience.ts';
export { formatDiagnostics, type DiagnosticFormat } from './core/format-diagnostics.ts';
export { hasErrors, type Diagnostic } from './core/diagnostics.ts';
export {
  activeIncidents,
  activeMaintenance,
  componentStatuses,
  pageStatus,
  upcomingMaintenance,
  type PageStatus,
} from './core/status.ts';
export type { Component, Incident, StatusModel, Update } from './core/model.ts';
export { CandorError, ContentError, DeliveryError, UsageError } from './core/errors.ts';
