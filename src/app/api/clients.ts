/**
 * One injectable Connect client per ArmoniK service. Each lives in its own module so that a
 * lazy feature pulls in only the descriptors of the services it calls (the shell needs three).
 * Code on a first view imports the client's own module (`./clients/sessions.client`): through
 * this list the bundler keeps every service's descriptors (generated files are not side-effect
 * free to it), about 5 kB gzip more on a cold /sessions.
 */
export { SESSIONS_CLIENT } from './clients/sessions.client';
export { TASKS_CLIENT } from './clients/tasks.client';
export { RESULTS_CLIENT } from './clients/results.client';
export { PARTITIONS_CLIENT } from './clients/partitions.client';
export { APPLICATIONS_CLIENT } from './clients/applications.client';
export { EVENTS_CLIENT } from './clients/events.client';
export { AUTH_CLIENT } from './clients/auth.client';
export { VERSIONS_CLIENT } from './clients/versions.client';
export { HEALTH_CLIENT } from './clients/health.client';
