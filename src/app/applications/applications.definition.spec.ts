import { TestBed } from '@angular/core/testing';
import { create } from '@bufbuild/protobuf';

import { APPLICATIONS_CLIENT } from '../api/clients';

import {
  ApplicationRawSchema,
  ListApplicationsRequestSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/applications_common_pb';
import { ApplicationRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/applications_fields_pb';
import { expectListRequestsEncode } from '../../testing/definition-contract.spec-helper';
import { resolveColumn } from '../grid/model/columns';
import { decodeGroup } from '../grid/model/url-codec';
import { APPLICATIONS, applicationScope, applicationSessions } from './applications.definition';
import { defined } from '../../testing/defined';

const app = create(ApplicationRawSchema, {
  name: 'pricer',
  version: '1.2',
  namespace: 'risk',
  service: 'svc',
});

const raw = (field: F) => ({ case: 'applicationField' as const, value: { field } });

describe('applications definition ↔ ApplicationRaw', () => {
  it.each([
    ['name', raw(F.NAME), 'string', 'pricer'],
    ['version', raw(F.VERSION), 'string', '1.2'],
    ['namespace', raw(F.NAMESPACE), 'string', 'risk'],
    ['service', raw(F.SERVICE), 'string', 'svc'],
  ])('%s', (key, field, filter, value) => {
    const column = defined(resolveColumn(APPLICATIONS, key), `column ${key}`);
    expect(column.field).toEqual(field);
    expect(column.filter).toBe(filter);
    expect(column.value(app, 0)).toEqual(value);
  });

  it('an application is its four parts, as task-option conditions', () => {
    expect(applicationScope(app)).toEqual([
      { field: 'applicationName', op: 'eq', values: ['pricer'] },
      { field: 'applicationVersion', op: 'eq', values: ['1.2'] },
      { field: 'applicationNamespace', op: 'eq', values: ['risk'] },
      { field: 'applicationService', op: 'eq', values: ['svc'] },
    ]);
    // An empty part cannot be filtered on (the API refuses nothing, the console refuses "").
    expect(applicationScope({ ...app, namespace: '' })).toHaveLength(3);
  });

  it('its name leads to the sessions grid filtered on the application', () => {
    const link = defined(resolveColumn(APPLICATIONS, 'name')?.link?.(app), 'the name link');
    expect(link).toEqual(applicationSessions(app));
    expect(link.commands).toEqual(['/sessions']);
    expect(decodeGroup(link.queryParams?.['f'] as string)).toEqual(applicationScope(app));
  });

  it('rows are told apart by all four parts', () => {
    expect(APPLICATIONS.rowId(app)).not.toBe(APPLICATIONS.rowId({ ...app, version: '1.3' }));
  });

  it('lists with the chosen sort first, then the other parts for a stable order', async () => {
    const listApplications = jest.fn().mockResolvedValue({ applications: [app], total: 1 });
    TestBed.configureTestingModule({
      providers: [{ provide: APPLICATIONS_CLIENT, useValue: { listApplications } }],
    });
    const list = TestBed.runInInjectionContext(() => APPLICATIONS.list());
    const page = await list(
      {
        page: 2,
        pageSize: 25,
        filters: { or: [] },
        sort: { field: { field: raw(F.VERSION) }, direction: 2 },
      },
      new AbortController().signal,
    );
    expect(page).toEqual({ rows: [app], total: 1 });
    expect(listApplications.mock.calls[0][0]).toEqual({
      page: 2,
      pageSize: 25,
      filters: { or: [] },
      sort: {
        fields: [F.VERSION, F.NAME, F.NAMESPACE, F.SERVICE].map((field) => ({ field: raw(field) })),
        direction: 2,
      },
    });
  });

  it('every filter and sort encodes as a ListApplicationsRequest (sorted on all four parts)', () => {
    expectListRequestsEncode(APPLICATIONS, ListApplicationsRequestSchema, (sort) => ({
      fields: [sort.field],
      direction: sort.direction,
    }));
  });
});
