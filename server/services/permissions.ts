import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';

/**
 * ArmoniK permission strings, `<Service>:<Method>`, for every service GetCurrentUser reports
 * (armonik-semantics.md §4). The Submitter list is the legacy service's RPCs.
 */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  Submitter: [
    'GetServiceConfiguration',
    'CreateSession',
    'CancelSession',
    'CreateSmallTasks',
    'CreateLargeTasks',
    'ListTasks',
    'ListSessions',
    'CountTasks',
    'TryGetResultStream',
    'WaitForCompletion',
    'CancelTasks',
    'GetTaskStatus',
    'GetResultStatus',
    'TryGetTaskOutput',
    'WaitForAvailability',
    'WatchResults',
  ],
  Sessions: [
    'CancelSession',
    'GetSession',
    'ListSessions',
    'CreateSession',
    'PauseSession',
    'CloseSession',
    'PurgeSession',
    'DeleteSession',
    'ResumeSession',
    'StopSubmission',
  ],
  Tasks: [
    'GetTask',
    'ListTasks',
    'GetResultIds',
    'CancelTasks',
    'CountTasksByStatus',
    'ListTasksDetailed',
    'SubmitTasks',
  ],
  Results: [
    'GetOwnerTaskId',
    'ListResults',
    'CreateResultsMetaData',
    'CreateResults',
    'DeleteResultsData',
    'DownloadResultData',
    'GetServiceConfiguration',
    'UploadResultData',
    'GetResult',
    'ImportResultsData',
    'WatchResults',
  ],
  Applications: ['ListApplications'],
  Events: ['GetEvents'],
  General: ['Impersonate'],
  Partitions: ['GetPartition', 'ListPartitions'],
  Versions: ['ListVersions'],
  HealthChecks: ['CheckHealth'],
};

export const ALL_PERMISSIONS: readonly string[] = Object.entries(METHODS).flatMap(
  ([service, methods]) => methods.map((m) => `${service}:${m}`),
);

/** Reading RPCs only: Get*, List*, Count*, Check*, the event stream and downloads. */
export const READ_ONLY_PERMISSIONS: readonly string[] = ALL_PERMISSIONS.filter((p) =>
  /:(Get|List|Count|Check|DownloadResultData$)/.test(p),
);

export type PermissionOption = readonly string[] | 'all' | 'read-only';

export function resolvePermissions(option: PermissionOption | undefined): readonly string[] {
  if (option === undefined || option === 'all') return ALL_PERMISSIONS;
  if (option === 'read-only') return READ_ONLY_PERMISSIONS;
  return [...new Set(option.map((p) => p.trim()).filter((p) => p.length > 0))];
}

/** gRPC service name → the service part of ArmoniK permission strings (undefined = no check). */
const SERVICE_PERMISSION_NAME: Readonly<Record<string, string | undefined>> = {
  'armonik.api.grpc.v1.sessions.Sessions': 'Sessions',
  'armonik.api.grpc.v1.tasks.Tasks': 'Tasks',
  'armonik.api.grpc.v1.results.Results': 'Results',
  'armonik.api.grpc.v1.partitions.Partitions': 'Partitions',
  'armonik.api.grpc.v1.applications.Applications': 'Applications',
  'armonik.api.grpc.v1.events.Events': 'Events',
  'armonik.api.grpc.v1.versions.Versions': 'Versions',
  'armonik.api.grpc.v1.health_checks.HealthChecksService': 'HealthChecks',
  // GetCurrentUser needs no permission: a client must always be able to learn what it may do.
  'armonik.api.grpc.v1.auth.Authentication': undefined,
};

/** Refuses, before the handler runs, any RPC whose `<Service>:<Method>` permission the user lacks. */
export function permissionInterceptor(username: string, granted: readonly string[]): Interceptor {
  const allowed = new Set(granted);
  return (next) => async (req) => {
    const service = SERVICE_PERMISSION_NAME[req.service.typeName];
    if (service !== undefined) {
      const permission = `${service}:${req.method.name}`;
      if (!allowed.has(permission)) {
        throw new ConnectError(
          `Permission denied: user '${username}' lacks the permission '${permission}'.`,
          Code.PermissionDenied,
        );
      }
    }
    return next(req);
  };
}
