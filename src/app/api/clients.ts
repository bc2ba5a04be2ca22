import { InjectionToken, inject } from '@angular/core';
import type { DescService } from '@bufbuild/protobuf';
import { type Client, createClient } from '@connectrpc/connect';

import { Applications } from './gen/armonik/api/grpc/v1/applications_service_pb';
import { Authentication } from './gen/armonik/api/grpc/v1/auth_service_pb';
import { Events } from './gen/armonik/api/grpc/v1/events_service_pb';
import { HealthChecksService } from './gen/armonik/api/grpc/v1/health_checks_service_pb';
import { Partitions } from './gen/armonik/api/grpc/v1/partitions_service_pb';
import { Results } from './gen/armonik/api/grpc/v1/results_service_pb';
import { Sessions } from './gen/armonik/api/grpc/v1/sessions_service_pb';
import { Tasks } from './gen/armonik/api/grpc/v1/tasks_service_pb';
import { Versions } from './gen/armonik/api/grpc/v1/versions_service_pb';
import { TRANSPORT } from './transport';

/** One injectable Connect client per ArmoniK service, all sharing the gRPC-web transport. */
function clientToken<S extends DescService>(service: S): InjectionToken<Client<S>> {
  return new InjectionToken<Client<S>>(`${service.typeName} client`, {
    providedIn: 'root',
    factory: () => createClient(service, inject(TRANSPORT)),
  });
}

export const SESSIONS_CLIENT = /*@__PURE__*/ clientToken(Sessions);
export const TASKS_CLIENT = /*@__PURE__*/ clientToken(Tasks);
export const RESULTS_CLIENT = /*@__PURE__*/ clientToken(Results);
export const PARTITIONS_CLIENT = /*@__PURE__*/ clientToken(Partitions);
export const APPLICATIONS_CLIENT = /*@__PURE__*/ clientToken(Applications);
export const EVENTS_CLIENT = /*@__PURE__*/ clientToken(Events);
export const AUTH_CLIENT = /*@__PURE__*/ clientToken(Authentication);
export const VERSIONS_CLIENT = /*@__PURE__*/ clientToken(Versions);
export const HEALTH_CLIENT = /*@__PURE__*/ clientToken(HealthChecksService);
