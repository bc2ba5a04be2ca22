import { type ActivityEntry, isActivityEntry } from './activity-entry';
import { toCsv, toJson } from './activity-export';
import { filterActivity } from '../sessions';
import { ACTIVITY_LIMIT, parseJournal } from './activity-journal';

const base: ActivityEntry = {
  id: '1',
  at: '2026-01-01T08:00:00.000Z',
  user: 'Anonymous',
  sessionId: 'a1',
  action: 'pause',
  origin: 'single',
  outcome: 'succeeded',
  status: 'PAUSED',
};
const refused: ActivityEntry = {
  ...base,
  id: '2',
  at: '2026-01-01T08:01:00.000Z',
  sessionId: 'b2',
  action: 'close',
  outcome: 'failed',
  status: undefined,
  code: 'FAILED_PRECONDITION',
  message: 'The session transition is invalid: Cannot close a session with status Closed',
};

describe('activity journal', () => {
  it('keeps only well-formed stored entries, bounded', () => {
    const stored = JSON.stringify([base, { ...base, action: 'explode' }, 42, { ...base, at: 'x' }]);
    expect(parseJournal(stored)).toEqual([base]);
    expect(parseJournal('not json')).toEqual([]);
    expect(parseJournal(null)).toEqual([]);
    const many = JSON.stringify(
      Array.from({ length: ACTIVITY_LIMIT + 5 }, (_, i) => ({ ...base, id: String(i) })),
    );
    const parsed = parseJournal(many);
    expect(parsed).toHaveLength(ACTIVITY_LIMIT);
    expect(parsed[0]?.id).toBe('5');
    expect(isActivityEntry(refused)).toBe(true);
  });

  it('filters by session, action, outcome and text, newest first', () => {
    const all = [base, refused];
    expect(filterActivity(all, { text: '', action: '', outcome: '' }).map((e) => e.id)).toEqual([
      '2',
      '1',
    ]);
    expect(filterActivity(all, { text: 'STATUS CLOSED', action: '', outcome: '' })).toEqual([
      refused,
    ]);
    expect(filterActivity(all, { text: '', action: 'pause', outcome: '' })).toEqual([base]);
    expect(filterActivity(all, { text: '', action: '', outcome: 'failed' })).toEqual([refused]);
    expect(filterActivity(all, { text: '', action: '', outcome: '', sessionId: 'a1' })).toEqual([
      base,
    ]);
  });

  it('exports CSV with quoting and without spreadsheet formulas', () => {
    const hostile: ActivityEntry = {
      ...refused,
      sessionId: '=HYPERLINK("x")',
      message: 'a, "b"\nc',
    };
    const csv = toCsv([base, hostile]).split('\r\n');
    expect(csv[0]).toBe('at,user,sessionId,action,detail,origin,outcome,status,code,message');
    expect(csv[1]).toBe('2026-01-01T08:00:00.000Z,Anonymous,a1,pause,,single,succeeded,PAUSED,,');
    expect(csv[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv[2]).toContain('"a, ""b""\nc"'.split('\n')[0]);
  });

  it('exports JSON with every column', () => {
    const parsed = JSON.parse(toJson([refused]));
    expect(parsed[0]).toMatchObject({
      sessionId: 'b2',
      action: 'close',
      outcome: 'failed',
      code: 'FAILED_PRECONDITION',
      detail: null,
    });
  });
});
