import { Partitions } from '../../../../proto/gen/armonik/api/grpc/v1/partitions_service_pb';
import { clientToken } from './client-token';

export const PARTITIONS_CLIENT = /*@__PURE__*/ clientToken(Partitions);
