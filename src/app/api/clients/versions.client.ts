import { Versions } from '../../../../proto/gen/armonik/api/grpc/v1/versions_service_pb';
import { clientToken } from './client-token';

export const VERSIONS_CLIENT = /*@__PURE__*/ clientToken(Versions);
