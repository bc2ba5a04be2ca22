import { type DescMessage, create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { expect } from '@jest/globals';

import { fieldResolver } from '../app/grid/field-resolver';
import { isFilterable, isSortable } from '../app/grid/model/columns';
import type { ColumnDef, ResourceDefinition } from '../app/grid/model/definition';
import { toProtoFilters, toProtoSort } from '../app/grid/model/filter-proto';
import { type FilterType, OPERATORS } from '../app/grid/model/filter-types';
import { defined } from './defined';

/** A valid value typed into the filter builder, per filter type. */
const SAMPLE_TEXT: Readonly<Record<Exclude<FilterType, 'status'>, string>> = {
  string: 'abc',
  number: '3',
  date: '2024-05-01T10:30:00Z',
  boolean: 'true',
  array: 'abc',
  duration: '90',
};

type Sort = ReturnType<typeof toProtoSort>;

interface Decoded {
  readonly filters: {
    readonly or: readonly {
      readonly and: readonly {
        readonly field: {
          readonly field: { readonly case?: string; readonly value?: { readonly field?: unknown } };
        };
        readonly valueCondition: { readonly case?: string };
      }[];
    }[];
  };
}

function encodeDecode(schema: DescMessage, init: object): unknown {
  return fromBinary(schema, toBinary(schema, create(schema, init as never)));
}

/**
 * What a definition promises the server, checked against the resource's real `List…Request`
 * schema: every filterable column makes a filter that survives binary encoding with the same
 * field and condition case, and every sortable column a sort. A wrong oneof case or enum value
 * would be dropped by the encoder and caught here. `sortOf` adapts the sort to requests that
 * spell it differently (applications sort on a list of fields).
 */
export function expectListRequestsEncode<T>(
  definition: ResourceDefinition<T>,
  schema: DescMessage,
  sortOf: (sort: Sort) => object = (sort) => sort,
): void {
  const resolve = fieldResolver(definition);
  const defaultColumn = definition.columns.find((c) => c.key === definition.defaultSort.column);
  expect(isSortable(defaultColumn)).toBe(true);
  const defaultField = defined(defaultColumn?.field, 'a server field for the default sort');
  const defaultSort = sortOf(toProtoSort(definition.defaultSort, defaultField));

  for (const column of definition.columns as readonly ColumnDef<T>[]) {
    const { filter: type, field } = column;
    if (isFilterable(column) && type) {
      const values =
        type === 'status'
          ? [defined(column.statuses?.looks[0], `a status of ${column.key}`).key]
          : [SAMPLE_TEXT[type]];
      const filters = toProtoFilters(
        [[{ field: column.key, op: OPERATORS[type][0].key, values }]],
        resolve,
      );
      expect({ column: column.key, ok: filters.ok }).toEqual({ column: column.key, ok: true });
      if (!filters.ok) continue;
      const sent = defined(filters.filters.or[0]?.and[0], `the condition on ${column.key}`);
      const decoded = encodeDecode(schema, {
        page: 0,
        pageSize: 10,
        filters: filters.filters,
        sort: defaultSort,
      }) as Decoded;
      const received = decoded.filters.or[0]?.and[0];
      expect({
        column: column.key,
        field: {
          case: received?.field.field.case,
          value: { field: received?.field.field.value?.field },
        },
        condition: received?.valueCondition.case,
      }).toEqual({ column: column.key, field: column.field, condition: sent.valueCondition.case });
    }
    if (isSortable(column) && field) {
      const sort = sortOf(toProtoSort({ column: column.key, direction: 'desc' }, field));
      const decoded = encodeDecode(schema, { page: 0, pageSize: 10, filters: { or: [] }, sort });
      expect({ column: column.key, decoded }).toMatchObject({
        column: column.key,
        decoded: { sort },
      });
    }
  }
}
