import type { TaskOptions } from '../../../proto/gen/armonik/api/grpc/v1/objects_pb';
import { TaskOptionEnumField } from '../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';
import { columnKit, mapEntries, pageOf } from '../grid/column-kit';
import type { ColumnDef, CustomColumnsSpec, ProtoField } from '../grid/model/definition';
import { formatDuration, toMillis } from '../grid/model/duration';

/**
 * The columns of `TaskOptions`, for every resource that carries them (sessions' default task
 * options, tasks' own options). Both packages name the oneof cases `task_option_field` and
 * `task_option_generic_field` and number `TaskOptionEnumField` alike, so one set serves both.
 */
export function taskOptionColumns<T>(options: (row: T) => TaskOptions | undefined): ColumnDef<T>[] {
  const kit = columnKit<T>('taskOptionField', 'options', 'tasks.options');
  const get =
    <V>(pick: (o: TaskOptions) => V, empty: V) =>
    (row: T) => {
      const o = options(row);
      return o ? pick(o) : empty;
    };
  return [
    kit.object('options', (row, locale) => optionEntries(options(row), locale)),
    kit.object('customData', (row) => mapEntries(options(row)?.options)),
    kit.duration(
      'maxDuration',
      TaskOptionEnumField.MAX_DURATION,
      get((o) => o.maxDuration, undefined),
    ),
    kit.number(
      'maxRetries',
      TaskOptionEnumField.MAX_RETRIES,
      get((o) => o.maxRetries, 0),
    ),
    kit.number(
      'priority',
      TaskOptionEnumField.PRIORITY,
      get((o) => o.priority, 0),
    ),
    kit.link(
      'partitionId',
      TaskOptionEnumField.PARTITION_ID,
      get((o) => o.partitionId, ''),
      pageOf('/partitions'),
    ),
    kit.string(
      'applicationName',
      TaskOptionEnumField.APPLICATION_NAME,
      get((o) => o.applicationName, ''),
    ),
    kit.string(
      'applicationVersion',
      TaskOptionEnumField.APPLICATION_VERSION,
      get((o) => o.applicationVersion, ''),
    ),
    kit.string(
      'applicationNamespace',
      TaskOptionEnumField.APPLICATION_NAMESPACE,
      get((o) => o.applicationNamespace, ''),
    ),
    kit.string(
      'applicationService',
      TaskOptionEnumField.APPLICATION_SERVICE,
      get((o) => o.applicationService, ''),
    ),
    kit.string(
      'engineType',
      TaskOptionEnumField.ENGINE_TYPE,
      get((o) => o.engineType, ''),
    ),
  ];
}

/** User columns on keys of `options.options` (ArmoniK's "custom data"). */
export function taskOptionCustom<T>(
  options: (row: T) => TaskOptions | undefined,
): CustomColumnsSpec<T> {
  return {
    field: (key): ProtoField => ({ case: 'taskOptionGenericField', value: { field: key } }),
    value: (row, key) => options(row)?.options[key],
    keys: (row) => Object.keys(options(row)?.options ?? {}),
  };
}

/**
 * Every standard option as text in `locale` (the console's language: the maximum duration through
 * the one duration formatter), in the API's order; the custom map has its own column.
 */
export function optionEntries(
  options: TaskOptions | undefined,
  locale: string,
): [string, string][] {
  if (!options) return [];
  const maxDuration = toMillis(options.maxDuration);
  return [
    ['maxDuration', maxDuration === undefined ? '' : formatDuration(maxDuration, locale)],
    ['maxRetries', String(options.maxRetries)],
    ['priority', String(options.priority)],
    ['partitionId', options.partitionId],
    ['applicationName', options.applicationName],
    ['applicationVersion', options.applicationVersion],
    ['applicationNamespace', options.applicationNamespace],
    ['applicationService', options.applicationService],
    ['engineType', options.engineType],
  ];
}
