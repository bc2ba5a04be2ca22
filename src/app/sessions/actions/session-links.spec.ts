import { create } from '@bufbuild/protobuf';

import { SessionRawSchema } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { decodeGroup } from '../../grid/model/url-codec';
import { sessionLinks, sessionTasksLink } from './session-links';
import { defined } from '../../../testing/defined';

describe('session links', () => {
  const session = create(SessionRawSchema, {
    sessionId: 'a:b,c;d%',
    partitionIds: ['default', 'gpu'],
  });
  const f = (query: unknown) => defined((query as Record<string, string>)['f'], 'an f parameter');

  it('filters the tasks and results grids on the session, whatever its id holds', () => {
    const links = sessionLinks(session);
    expect(links.session).toEqual(['/sessions', 'a:b,c;d%']);
    expect(links.tasks.commands).toEqual(['/tasks']);
    expect(decodeGroup(f(links.tasks.queryParams))).toEqual([
      { field: 'sessionId', op: 'eq', values: ['a:b,c;d%'] },
    ]);
    expect(links.results.commands).toEqual(['/results']);
    expect(decodeGroup(f(links.results.queryParams))).toEqual([
      { field: 'sessionId', op: 'eq', values: ['a:b,c;d%'] },
    ]);
  });

  it('filters the partitions grid on any of the session partitions', () => {
    const groups = (
      defined(sessionLinks(session).partitions.queryParams?.['f'], 'a filter') as string[]
    ).map(decodeGroup);
    expect(groups).toEqual([
      [{ field: 'id', op: 'eq', values: ['default'] }],
      [{ field: 'id', op: 'eq', values: ['gpu'] }],
    ]);
  });

  it('links a status bar to the tasks of the session in those statuses', () => {
    expect(decodeGroup(f(sessionTasksLink('s', ['completed', 'error']).queryParams))).toEqual([
      { field: 'sessionId', op: 'eq', values: ['s'] },
      { field: 'status', op: 'eq', values: ['completed', 'error'] },
    ]);
  });
});
