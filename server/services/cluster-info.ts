import { create } from '@bufbuild/protobuf';
import type { ServiceImpl } from '@connectrpc/connect';
import {
  GetCurrentUserResponseSchema,
  UserSchema,
} from '../../proto/gen/armonik/api/grpc/v1/auth_common_pb';
import type { Authentication } from '../../proto/gen/armonik/api/grpc/v1/auth_service_pb';
import {
  CheckHealthResponseSchema,
  CheckHealthResponse_ServiceHealthSchema,
  HealthStatusEnum,
} from '../../proto/gen/armonik/api/grpc/v1/health_checks_common_pb';
import type { HealthChecksService } from '../../proto/gen/armonik/api/grpc/v1/health_checks_service_pb';
import { ListVersionsResponseSchema } from '../../proto/gen/armonik/api/grpc/v1/versions_common_pb';
import type { Versions } from '../../proto/gen/armonik/api/grpc/v1/versions_service_pb';
import { API_VERSION, CONTROL_PLANE_KIND, CORE_VERSION } from '../version';
import type { ServiceContext } from './context';

/** Who the caller is and what it may do (no roles: authorization is simulated by the permission list). */
export function authenticationService({
  username,
  permissions,
}: ServiceContext): ServiceImpl<typeof Authentication> {
  return {
    getCurrentUser() {
      return create(GetCurrentUserResponseSchema, {
        user: create(UserSchema, { username, roles: [], permissions: [...permissions] }),
      });
    },
  };
}

/**
 * `core` stays dotted numbers for clients that parse it; what kind of control plane answers
 * travels in a response header that clients ignore.
 */
export function versionsService(): ServiceImpl<typeof Versions> {
  return {
    listVersions(_request, context) {
      context.responseHeader.set(
        'x-armonik-control-plane',
        `${CONTROL_PLANE_KIND} ${CORE_VERSION}`,
      );
      return create(ListVersionsResponseSchema, { core: CORE_VERSION, api: API_VERSION });
    },
  };
}

/** The three dependencies ArmoniK.Core reports; ours are in memory, hence always healthy. */
export function healthService({
  cluster,
}: ServiceContext): ServiceImpl<typeof HealthChecksService> {
  return {
    checkHealth() {
      const entry = (name: string, message: string) =>
        create(CheckHealthResponse_ServiceHealthSchema, {
          name,
          message,
          healthy: HealthStatusEnum.HEALTHY,
        });
      return create(CheckHealthResponseSchema, {
        services: [
          entry(
            'database',
            `in-memory store: ${cluster.sessions.liveCount} sessions, ${cluster.tasks.count} task rows`,
          ),
          entry('object', 'in-memory object storage (result data generated on demand)'),
          entry('queue', 'in-memory queue'),
        ],
      });
    },
  };
}
