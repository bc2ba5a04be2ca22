import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type BulkReportLine } from './bulk-runner';
import { reportText, sortReport } from './bulk-report';

const lines: BulkReportLine[] = [
  {
    sessionId: 'b',
    outcome: 'succeeded',
    status: SessionStatus.RUNNING,
    newStatus: SessionStatus.CLOSED,
  },
  { sessionId: 'a', outcome: 'skipped', status: SessionStatus.CANCELLED, refusal: 'status' },
  {
    sessionId: 'c',
    outcome: 'failed',
    status: SessionStatus.RUNNING,
    code: 'FAILED_PRECONDITION',
    message: 'Cannot close a session\twith status Closed\n',
  },
  { sessionId: 'd', outcome: 'notRun', status: SessionStatus.RUNNING },
];

describe('bulk report', () => {
  it('lists failures first, then not run, skipped and succeeded', () => {
    expect(sortReport(lines).map((l) => l.sessionId)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('copies as one tab-separated line per session', () => {
    expect(reportText('close', lines).split('\n')).toEqual([
      '# close',
      'session_id\toutcome\tdetail',
      'c\tfailed\tFAILED_PRECONDITION: Cannot close a session with status Closed ',
      'd\tnot run\tstopped before its turn',
      'a\tskipped\tstatus CANCELLED does not allow it',
      'b\tsucceeded\tnow CLOSED',
    ]);
  });
});
