import { HealthChecksService } from '../../../../proto/gen/armonik/api/grpc/v1/health_checks_service_pb';
import { clientToken } from './client-token';

export const HEALTH_CLIENT = /*@__PURE__*/ clientToken(HealthChecksService);
