import { APPLICATIONS_CLIENT } from '../api/clients';
import type { ApplicationRaw } from '../../../proto/gen/armonik/api/grpc/v1/applications_common_pb';
import { ApplicationRawEnumField as F } from '../../../proto/gen/armonik/api/grpc/v1/applications_fields_pb';
import { columnKit } from '../grid/column-kit';
import { equals, gridLink } from '../grid/grid-link';
import type { ProtoField, ResourceDefinition } from '../grid/model/definition';
import type { FilterGroup } from '../grid/model/filter-types';
import { listVia } from '../grid/list-request';
import { tasksByStatus } from '../tasks';

const raw = columnKit<ApplicationRaw>('applicationField', 'raw', 'applications.columns');

/**
 * An application as conditions on task options, which the sessions and tasks grids both name
 * alike: its sessions and its tasks are one link away. An empty part (no namespace) cannot be
 * filtered on and is left out.
 */
export function applicationScope(app: ApplicationRaw): FilterGroup {
  return [
    ...equals('applicationName', app.name),
    ...equals('applicationVersion', app.version),
    ...equals('applicationNamespace', app.namespace),
    ...equals('applicationService', app.service),
  ];
}

const IDENTITY = [F.NAME, F.VERSION, F.NAMESPACE, F.SERVICE];

function sortFields(first: ProtoField): { field: ProtoField }[] {
  const rest = IDENTITY.filter((field) => field !== first.value.field).map(raw.field);
  return [first, ...rest].map((field) => ({ field }));
}

export const applicationSessions = (app: ApplicationRaw) =>
  gridLink('/sessions', applicationScope(app));

/** The applications grid: distinct (name, version, namespace, service) with their tasks by status. */
export const APPLICATIONS: ResourceDefinition<ApplicationRaw> = {
  id: 'applications',
  labels: {
    title: 'applications.title',
    selectRow: 'applications.selectRow',
    selectPage: 'applications.selectPage',
    rowActions: 'applications.rowActions',
    emptyFiltered: 'applications.emptyFiltered',
    empty: 'applications.empty',
    loadError: 'applications.loadError',
    count: 'applications.count',
    origins: { raw: 'applications.origins.raw', computed: 'applications.origins.computed' },
  },
  // Control characters cannot appear in these names: a safe separator for an identity.
  rowId: (app) => [app.name, app.version, app.namespace, app.service].join('\u001f'),
  changeKey: () => '',
  columns: [
    raw.link(
      'name',
      F.NAME,
      (a) => a.name,
      () => ({ commands: ['/sessions'] }),
      {
        link: applicationSessions,
      },
    ),
    raw.string('version', F.VERSION, (a) => a.version),
    raw.string('namespace', F.NAMESPACE, (a) => a.namespace),
    raw.string('service', F.SERVICE, (a) => a.service),
    raw.counts('tasks'),
  ],
  defaultColumns: ['name', 'version', 'namespace', 'service', 'tasks'],
  defaultSort: { column: 'name', direction: 'asc' },
  // ListApplications sorts on a list of fields with one direction: the chosen one, then the
  // others, so that rows with the same name keep a stable order across pages.
  list: listVia(APPLICATIONS_CLIENT, 'listApplications', 'applications', ({ sort }) => ({
    sort: { fields: sortFields(sort.field.field), direction: sort.direction },
  })),
  counts: tasksByStatus(applicationScope),
  quick: { search: { column: 'name', label: 'applications.search' } },
  pinned: ['name'],
};
