import { Results } from '../../../../proto/gen/armonik/api/grpc/v1/results_service_pb';
import { clientToken } from './client-token';

export const RESULTS_CLIENT = /*@__PURE__*/ clientToken(Results);
