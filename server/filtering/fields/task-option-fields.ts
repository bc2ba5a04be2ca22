import { TaskOptionEnumField } from '../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import type { TaskOptionsData } from '../../store/task-options';
import type { FieldEnum, FieldSpec } from '../field-spec';

/**
 * Task-option columns, shared by sessions (their default options) and tasks (their options).
 * The sessions and tasks packages each declare a TaskOptionEnumField with the same numbers.
 */
export function taskOptionColumns(optionsOf: (row: number) => TaskOptionsData): FieldEnum {
  const text = (label: string, pick: (o: TaskOptionsData) => string): FieldSpec => ({
    label,
    kind: 'string',
    get: (row) => pick(optionsOf(row)),
  });
  const number = (label: string, pick: (o: TaskOptionsData) => number): FieldSpec => ({
    label,
    kind: 'number',
    get: (row) => pick(optionsOf(row)),
  });
  return {
    names: TaskOptionEnumField,
    columns: {
      [TaskOptionEnumField.MAX_DURATION]: {
        label: 'MAX_DURATION',
        kind: 'duration',
        get: (row) => optionsOf(row).maxDurationMs,
      },
      [TaskOptionEnumField.MAX_RETRIES]: number('MAX_RETRIES', (o) => o.maxRetries),
      [TaskOptionEnumField.PRIORITY]: number('PRIORITY', (o) => o.priority),
      [TaskOptionEnumField.PARTITION_ID]: text('PARTITION_ID', (o) => o.partitionId),
      [TaskOptionEnumField.APPLICATION_NAME]: text('APPLICATION_NAME', (o) => o.applicationName),
      [TaskOptionEnumField.APPLICATION_VERSION]: text(
        'APPLICATION_VERSION',
        (o) => o.applicationVersion,
      ),
      [TaskOptionEnumField.APPLICATION_NAMESPACE]: text(
        'APPLICATION_NAMESPACE',
        (o) => o.applicationNamespace,
      ),
      [TaskOptionEnumField.APPLICATION_SERVICE]: text(
        'APPLICATION_SERVICE',
        (o) => o.applicationService,
      ),
      [TaskOptionEnumField.ENGINE_TYPE]: text('ENGINE_TYPE', (o) => o.engineType),
    },
  };
}

/**
 * A key of TaskOptions.options as a string column. A row without the key reads as the empty
 * string: NOT_EQUAL "x" matches it, EQUAL "" matches it, and it sorts first.
 */
export function genericOptionColumn(
  optionsOf: (row: number) => TaskOptionsData,
): (key: string) => FieldSpec {
  return (key) => ({
    label: `options["${key}"]`,
    kind: 'string',
    get: (row) => optionsOf(row).options[key] ?? '',
  });
}
