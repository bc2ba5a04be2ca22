import { Sessions } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { clientToken } from './client-token';

export const SESSIONS_CLIENT = /*@__PURE__*/ clientToken(Sessions);
