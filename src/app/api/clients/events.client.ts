import { Events } from '../../../../proto/gen/armonik/api/grpc/v1/events_service_pb';
import { clientToken } from './client-token';

export const EVENTS_CLIENT = /*@__PURE__*/ clientToken(Events);
