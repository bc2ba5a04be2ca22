import type { ConnectRouter } from '@connectrpc/connect';
import { Applications } from '../../proto/gen/armonik/api/grpc/v1/applications_service_pb';
import { Authentication } from '../../proto/gen/armonik/api/grpc/v1/auth_service_pb';
import { Events } from '../../proto/gen/armonik/api/grpc/v1/events_service_pb';
import { HealthChecksService } from '../../proto/gen/armonik/api/grpc/v1/health_checks_service_pb';
import { Partitions } from '../../proto/gen/armonik/api/grpc/v1/partitions_service_pb';
import { Results } from '../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { Sessions } from '../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { Tasks } from '../../proto/gen/armonik/api/grpc/v1/tasks_service_pb';
import { Versions } from '../../proto/gen/armonik/api/grpc/v1/versions_service_pb';
import { applicationsService } from './applications';
import { authenticationService, healthService, versionsService } from './cluster-info';
import type { ServiceContext } from './context';
import { eventsService } from './events';
import { partitionsService } from './partitions';
import { resultsService } from './results';
import { sessionsService } from './sessions';
import { tasksService } from './tasks';

/**
 * Every ArmoniK service the console uses. Methods a service object leaves out (client-only
 * RPCs such as UploadResultData or WatchResults) are answered UNIMPLEMENTED by the router.
 */
export function registerServices(context: ServiceContext): (router: ConnectRouter) => void {
  return (router) => {
    router.service(Sessions, sessionsService(context));
    router.service(Tasks, tasksService(context));
    router.service(Results, resultsService(context));
    router.service(Partitions, partitionsService(context));
    router.service(Applications, applicationsService(context));
    router.service(Events, eventsService(context));
    router.service(Authentication, authenticationService(context));
    router.service(Versions, versionsService());
    router.service(HealthChecksService, healthService(context));
  };
}
