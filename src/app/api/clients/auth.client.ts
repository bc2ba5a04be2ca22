import { Authentication } from '../../../../proto/gen/armonik/api/grpc/v1/auth_service_pb';
import { clientToken } from './client-token';

export const AUTH_CLIENT = /*@__PURE__*/ clientToken(Authentication);
