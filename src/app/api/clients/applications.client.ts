import { Applications } from '../../../../proto/gen/armonik/api/grpc/v1/applications_service_pb';
import { clientToken } from './client-token';

export const APPLICATIONS_CLIENT = /*@__PURE__*/ clientToken(Applications);
