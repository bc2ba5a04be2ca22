/**
 * One injectable Connect client per ArmoniK service. Each lives in its own module so that a
 * lazy feature pulls in only the descriptors of the services it calls (the shell needs three).
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
