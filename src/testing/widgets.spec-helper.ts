import { resolveColumn } from '../app/grid/model/columns';
import type { ResourceDefinition, StatusSet } from '../app/grid/model/definition';
import type { FieldResolver } from '../app/grid/model/filter-proto';
import type { CodecContext } from '../app/grid/model/url-codec';
import { defaultView } from '../app/grid/model/view';

/**
 * A made-up resource with a column of every type, for the engine's unit tests: the engine is
 * tested without any real resource, as it must work for all of them.
 */
export interface Widget {
  id: string;
  state: number;
  name: string;
  size: number;
  born?: number;
  done: boolean;
  tags: string[];
  age: number;
  labels: Record<string, string>;
}

export const WIDGET_STATES: StatusSet = {
  looks: [
    { value: 1, key: 'on', icon: 'play_circle', tone: 'success' },
    { value: 2, key: 'off', icon: 'pause_circle', tone: 'warning' },
    { value: 3, key: 'gone', icon: 'delete', tone: 'neutral' },
  ],
  label: (key) => `widgets.state.${key}`,
};

const raw = (field: number) => ({ case: 'taskSummaryField' as const, value: { field } });

export const WIDGETS: ResourceDefinition<Widget> = {
  id: 'widgets',
  labels: {
    title: 'widgets.title',
    selectRow: 'widgets.selectRow',
    selectPage: 'widgets.selectPage',
    rowActions: 'widgets.rowActions',
    emptyFiltered: 'widgets.emptyFiltered',
    empty: 'widgets.empty',
    loadError: 'widgets.loadError',
    count: 'widgets.count',
    origins: { raw: 'widgets.origins.raw' },
  },
  rowId: (row) => row.id,
  changeKey: (row) => String(row.state),
  columns: [
    {
      key: 'id',
      label: 'w.id',
      kind: 'link',
      origin: 'raw',
      value: (r) => r.id,
      field: raw(1),
      sortable: true,
      filter: 'string',
    },
    {
      key: 'state',
      label: 'w.state',
      kind: 'status',
      origin: 'raw',
      value: (r) => r.state,
      field: raw(2),
      sortable: true,
      filter: 'status',
      statuses: WIDGET_STATES,
    },
    {
      key: 'size',
      label: 'w.size',
      kind: 'number',
      origin: 'raw',
      value: (r) => r.size,
      field: raw(3),
      sortable: true,
      filter: 'number',
    },
    {
      key: 'born',
      label: 'w.born',
      kind: 'date',
      origin: 'raw',
      value: (r) => r.born,
      field: raw(4),
      sortable: true,
      filter: 'date',
    },
    {
      key: 'done',
      label: 'w.done',
      kind: 'boolean',
      origin: 'raw',
      value: (r) => r.done,
      field: raw(5),
      sortable: true,
      filter: 'boolean',
    },
    {
      key: 'tags',
      label: 'w.tags',
      kind: 'array',
      origin: 'raw',
      value: (r) => r.tags,
      field: raw(6),
      filter: 'array',
    },
    {
      key: 'age',
      label: 'w.age',
      kind: 'duration',
      origin: 'computed',
      value: (r) => r.age,
      field: raw(7),
      sortable: true,
      filter: 'duration',
    },
    { key: 'labels', label: 'w.labels', kind: 'object', origin: 'options', value: (r) => r.labels },
    {
      key: 'name',
      label: 'w.name',
      kind: 'string',
      origin: 'options',
      value: (r) => r.name,
      field: { case: 'taskOptionField' as const, value: { field: 1 } },
      sortable: true,
      filter: 'string',
    },
  ],
  defaultColumns: ['id', 'state', 'born'],
  defaultSort: { column: 'born', direction: 'desc' },
  list: () => () => Promise.resolve({ rows: [], total: 0 }),
  custom: {
    field: (key) => ({ case: 'taskOptionGenericField' as const, value: { field: key } }),
    value: (row, key) => row.labels[key],
    keys: (row) => Object.keys(row.labels),
  },
  quick: {
    search: { column: 'id', label: 'widgets.search' },
    status: {
      column: 'state',
      label: 'widgets.states',
      keys: ['on', 'off'],
      presets: [{ label: 'widgets.activeOnly', keys: ['on'] }],
    },
  },
};

export const resolveWidgetField: FieldResolver = (key) => {
  const column = resolveColumn(WIDGETS, key);
  return column?.field && column.filter
    ? { field: column.field, type: column.filter, statuses: column.statuses }
    : undefined;
};

export const WIDGET_CODEC: CodecContext = {
  resolveField: resolveWidgetField,
  isColumn: (key) => resolveColumn(WIDGETS, key) !== undefined,
  isSortable: (key) => !!resolveColumn(WIDGETS, key)?.sortable,
  quickStatuses: ['on', 'off'],
  defaults: defaultView({
    sort: WIDGETS.defaultSort,
    columns: WIDGETS.defaultColumns,
    pageSize: 25,
  }),
};

export function widget(id: string, state = 1, extra: Partial<Widget> = {}): Widget {
  return { id, state, name: id, size: 1, done: false, tags: [], age: 0, labels: {}, ...extra };
}
