import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type FilterFieldInit } from '../../grid/model/definition';
import { withStatus } from './selection-reader';

const condition = (value: string): FilterFieldInit => ({
  field: { field: { case: 'sessionRawField', value: { field: 1 } } },
  valueCondition: { case: 'filterString', value: { value, operator: 0 } },
});

describe('status counts of an "all matching" selection', () => {
  it('ANDs the status into every OR-group: (A or B) and S = (A and S) or (B and S)', () => {
    const filters = withStatus(
      { or: [{ and: [condition('a')] }, { and: [condition('b')] }] },
      SessionStatus.PAUSED,
    );
    expect(filters.or).toHaveLength(2);
    for (const group of filters.or) {
      expect(group.and).toHaveLength(2);
      expect(group.and[1]?.valueCondition).toEqual({
        case: 'filterStatus',
        value: { value: SessionStatus.PAUSED, operator: 0 },
      });
    }
    expect(filters.or[0]?.and[0]).toEqual(condition('a'));
  });

  it('filters on the status alone when there is no filter', () => {
    const filters = withStatus({ or: [] }, SessionStatus.RUNNING);
    expect(filters.or).toHaveLength(1);
    expect(filters.or[0]?.and).toHaveLength(1);
  });
});
