import { SessionStatus } from '../../../../proto/gen/armonik/api/grpc/v1/session_status_pb';
import { TaskStatus } from '../../../../proto/gen/armonik/api/grpc/v1/task_status_pb';
import {
  type AttentionKind,
  type SessionFacts,
  DEFAULT_THRESHOLDS,
  attentionOf,
} from './attention';
import { MINUTE } from '../../progress';

const NOW = 1_800_000_000_000;
const counts = (entries: Partial<Record<TaskStatus, number>>) =>
  new Map(
    Object.entries(entries).flatMap(([k, v]) =>
      v === undefined ? [] : [[Number(k) as TaskStatus, v] as const],
    ),
  );

const base: SessionFacts = {
  status: SessionStatus.RUNNING,
  createdAt: NOW - 60 * MINUTE,
  clientSubmission: true,
  maxDurationMs: 120 * MINUTE,
  counts: counts({ [TaskStatus.SUBMITTED]: 5, [TaskStatus.COMPLETED]: 50 }),
  lastEndedAt: NOW - MINUTE,
};
const S = TaskStatus;

describe('attention rules', () => {
  it.each<[string, Partial<SessionFacts>, AttentionKind[]]>([
    ['a healthy running session', {}, []],
    [
      'stuck: tasks waiting, nothing finished for 10 min',
      { lastEndedAt: NOW - 10 * MINUTE },
      ['stuck'],
    ],
    ['not stuck at 9 min', { lastEndedAt: NOW - 9 * MINUTE }, []],
    [
      'stuck since it opened: no task ever finished',
      { counts: counts({ [S.SUBMITTED]: 3 }), lastEndedAt: undefined },
      ['stuck'],
    ],
    [
      'a young session with nothing finished yet is not stuck',
      { createdAt: NOW - 2 * MINUTE, counts: counts({ [S.SUBMITTED]: 3 }), lastEndedAt: undefined },
      [],
    ],
    [
      'not stuck with only running tasks left',
      { counts: counts({ [S.PROCESSING]: 3, [S.COMPLETED]: 5 }), lastEndedAt: NOW - 20 * MINUTE },
      [],
    ],
    [
      'a paused session is never stuck',
      {
        status: SessionStatus.PAUSED,
        lastEndedAt: NOW - 20 * MINUTE,
        createdAt: NOW - 25 * MINUTE,
      },
      [],
    ],
    [
      'failing: 20 % of finished tasks failed',
      { counts: counts({ [S.COMPLETED]: 40, [S.ERROR]: 8, [S.TIMEOUT]: 2 }) },
      ['failing'],
    ],
    ['not failing at 19 %', { counts: counts({ [S.COMPLETED]: 81, [S.ERROR]: 19 }) }, []],
    ['too few finished tasks to say', { counts: counts({ [S.COMPLETED]: 4, [S.ERROR]: 5 }) }, []],
    [
      'over time: older than its max duration while Running',
      { createdAt: NOW - 121 * MINUTE },
      ['overTime'],
    ],
    [
      'no max duration, never over time',
      { createdAt: NOW - 1000 * MINUTE, maxDurationMs: undefined },
      [],
    ],
    [
      'paused for long: idle for over 30 min',
      { status: SessionStatus.PAUSED, lastEndedAt: NOW - 31 * MINUTE },
      ['pausedLong'],
    ],
    ['paused recently', { status: SessionStatus.PAUSED, lastEndedAt: NOW - 5 * MINUTE }, []],
    [
      'paused long is not over time',
      {
        status: SessionStatus.PAUSED,
        createdAt: NOW - 500 * MINUTE,
        lastEndedAt: NOW - 400 * MINUTE,
      },
      ['pausedLong'],
    ],
    [
      'submission open on finished work',
      { counts: counts({ [S.COMPLETED]: 30 }), lastEndedAt: NOW - 15 * MINUTE },
      ['submissionOpen'],
    ],
    [
      'submission closed on finished work',
      {
        clientSubmission: false,
        counts: counts({ [S.COMPLETED]: 30 }),
        lastEndedAt: NOW - 15 * MINUTE,
      },
      [],
    ],
    [
      'finished only moments ago',
      { counts: counts({ [S.COMPLETED]: 30 }), lastEndedAt: NOW - 2 * MINUTE },
      [],
    ],
    [
      'several reasons at once',
      {
        createdAt: NOW - 300 * MINUTE,
        lastEndedAt: NOW - 60 * MINUTE,
        counts: counts({ [S.SUBMITTED]: 9, [S.COMPLETED]: 10, [S.ERROR]: 10 }),
      },
      ['stuck', 'failing', 'overTime'],
    ],
  ])('%s', (_, patch, kinds) => {
    expect(attentionOf({ ...base, ...patch }, NOW).map((a) => a.kind)).toEqual(kinds);
  });

  it('uses the operator’s thresholds', () => {
    const session = { ...base, lastEndedAt: NOW - 4 * MINUTE };
    expect(
      attentionOf(session, NOW, { ...DEFAULT_THRESHOLDS, stuckMinutes: 3 }).map((a) => a.kind),
    ).toEqual(['stuck']);
    const failing = { ...base, counts: counts({ [S.COMPLETED]: 95, [S.ERROR]: 5 }) };
    expect(attentionOf(failing, NOW, { ...DEFAULT_THRESHOLDS, failingPercent: 5 })[0]).toEqual({
      kind: 'failing',
      facts: { failed: 5, finished: 100, percent: 5 },
    });
  });

  it('gives the numbers its sentence says', () => {
    const [stuck] = attentionOf({ ...base, lastEndedAt: NOW - 42 * MINUTE }, NOW);
    expect(stuck).toEqual({ kind: 'stuck', facts: { waiting: 5, idleMs: 42 * MINUTE } });
    const [never] = attentionOf(
      { ...base, counts: counts({ [S.SUBMITTED]: 2 }), lastEndedAt: undefined },
      NOW,
    );
    expect(never).toEqual({
      kind: 'stuck',
      facts: { waiting: 2, idleMs: 60 * MINUTE },
      variant: 'sinceOpened',
    });
  });
});
