import { NO_FILTERS } from '../model/filter-types';
import { decodeGroup } from '../model/url-codec';
import { drillTrail, entityTrail, sessionTrail } from './breadcrumbs';
import { timelineOf } from '../model/timeline';
import { defined } from '../../../testing/defined';

describe('breadcrumbs', () => {
  it('Sessions › session › Tasks, the tasks link filtered on the session', () => {
    const [sessions, session, tasks] = sessionTrail('s-1', 'breadcrumbs.tasks', '/tasks');
    expect(sessions).toEqual({ label: 'breadcrumbs.sessions', link: { commands: ['/sessions'] } });
    expect(session).toEqual({ text: 's-1', link: { commands: ['/sessions', 's-1'] } });
    expect(tasks?.link?.commands).toEqual(['/tasks']);
    expect(
      decodeGroup(defined(tasks?.link?.queryParams?.['f'], 'the tasks filter') as string),
    ).toEqual([{ field: 'sessionId', op: 'eq', values: ['s-1'] }]);
  });

  const parents = [
    { column: 'sessionId', trail: (id: string) => sessionTrail(id) },
    { column: 'partitionId', trail: (id: string) => entityTrail('p', '/partitions', id) },
  ];

  it('a grid opened by a drill-down sits below its parent', () => {
    const filters = {
      ...NO_FILTERS,
      groups: [
        [
          { field: 'sessionId', op: 'eq' as const, values: ['s-1'] },
          { field: 'status', op: 'eq' as const, values: ['error'] },
        ],
      ],
    };
    expect(drillTrail(filters, parents, 'breadcrumbs.tasks').map((c) => c.label ?? c.text)).toEqual(
      ['breadcrumbs.sessions', 's-1', 'breadcrumbs.tasks'],
    );
  });

  it.each([
    ['no filter', NO_FILTERS],
    [
      'two groups',
      { ...NO_FILTERS, groups: [[{ field: 'sessionId', op: 'eq' as const, values: ['a'] }], []] },
    ],
    [
      'not equality',
      { ...NO_FILTERS, groups: [[{ field: 'sessionId', op: 'has' as const, values: ['a'] }]] },
    ],
    [
      'several ids',
      { ...NO_FILTERS, groups: [[{ field: 'sessionId', op: 'eq' as const, values: ['a', 'b'] }]] },
    ],
  ])('no trail for %s', (_, filters) => {
    expect(drillTrail(filters, parents, 'x')).toEqual([]);
  });
});

describe('timeline', () => {
  it('drops missing times and keeps the given order for equal ones', () => {
    expect(
      timelineOf([
        ['a', 5],
        ['b', undefined],
        ['c', 0],
        ['d', 5],
        ['e', 2],
      ]),
    ).toEqual([
      { event: 'e', at: 2 },
      { event: 'a', at: 5, sincePrevious: 3 },
      { event: 'd', at: 5, sincePrevious: 0 },
    ]);
  });
});
