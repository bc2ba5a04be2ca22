import { HealthStatusEnum } from '../../../proto/gen/armonik/api/grpc/v1/health_checks_common_pb';
import { worstLevel } from './cluster-status.store';

describe('cluster health level', () => {
  it('is the worst of the services', () => {
    expect(worstLevel([HealthStatusEnum.HEALTHY, HealthStatusEnum.HEALTHY])).toBe('healthy');
    expect(worstLevel([HealthStatusEnum.HEALTHY, HealthStatusEnum.DEGRADED])).toBe('degraded');
    expect(worstLevel([HealthStatusEnum.DEGRADED, HealthStatusEnum.UNHEALTHY])).toBe('unhealthy');
  });

  it('does not call an unknown service state healthy', () => {
    expect(worstLevel([HealthStatusEnum.UNSPECIFIED])).toBe('degraded');
  });
});
