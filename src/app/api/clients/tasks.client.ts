import { Tasks } from '../../../../proto/gen/armonik/api/grpc/v1/tasks_service_pb';
import { clientToken } from './client-token';

export const TASKS_CLIENT = /*@__PURE__*/ clientToken(Tasks);
