import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { type SessionAction } from '../session-rules';
import { type BulkReportLine } from './bulk-runner';

const ORDER = { failed: 0, notRun: 1, skipped: 2, succeeded: 3 } as const;

/** Failures first, then not run, skipped, succeeded; by session id within each group. */
export function sortReport(lines: readonly BulkReportLine[]): BulkReportLine[] {
  return [...lines].sort(
    (a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.sessionId.localeCompare(b.sessionId),
  );
}

function statusName(status: SessionStatus | undefined): string {
  return status === undefined ? '' : (SessionStatus[status] ?? String(status));
}

/** The machine-readable detail of a line: why skipped, the refusal, or the new status. */
export function lineDetail(line: BulkReportLine): string {
  switch (line.outcome) {
    case 'succeeded':
      return line.newStatus === undefined ? '' : `now ${statusName(line.newStatus)}`;
    case 'failed':
      return `${line.code ?? ''}: ${line.message ?? ''}`;
    case 'skipped':
      return line.refusal === 'status'
        ? `status ${statusName(line.status)} does not allow it`
        : line.refusal === 'submissionStopped'
          ? 'submission already stopped'
          : 'permission missing';
    case 'notRun':
      return 'stopped before its turn';
  }
}

/**
 * The report as tab-separated text (pastes into a spreadsheet or a ticket): one header line, then
 * session id, outcome and detail per session. Tabs and line breaks inside server messages are
 * flattened so every session stays on one line.
 */
export function reportText(action: SessionAction, lines: readonly BulkReportLine[]): string {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  const rows = sortReport(lines).map((line) =>
    [line.sessionId, line.outcome === 'notRun' ? 'not run' : line.outcome, lineDetail(line)]
      .map(clean)
      .join('\t'),
  );
  return [`# ${action}`, 'session_id\toutcome\tdetail', ...rows].join('\n');
}
