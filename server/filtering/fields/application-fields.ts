import { ApplicationRawEnumField } from '../../../proto/gen/armonik/api/grpc/v1/applications_fields_pb';
import type { ApplicationData } from '../../store/task-options';
import { type FieldSpec, FieldTable } from '../field-spec';

/** Rows are indexes into the given application list. */
export function applicationFields(applications: readonly ApplicationData[]): FieldTable {
  const text = (label: string, pick: (a: ApplicationData) => string): FieldSpec => ({
    label,
    kind: 'string',
    get: (row) => pick(applications[row]!),
  });
  return new FieldTable({
    resource: 'application',
    // An application is its (name, version, namespace, service) tuple; NUL keeps tuple order.
    idKey: (row) => {
      const a = applications[row]!;
      return `${a.name}\u0000${a.version}\u0000${a.namespace}\u0000${a.service}`;
    },
    enums: {
      applicationField: {
        names: ApplicationRawEnumField,
        columns: {
          [ApplicationRawEnumField.NAME]: text('NAME', (a) => a.name),
          [ApplicationRawEnumField.VERSION]: text('VERSION', (a) => a.version),
          [ApplicationRawEnumField.NAMESPACE]: text('NAMESPACE', (a) => a.namespace),
          [ApplicationRawEnumField.SERVICE]: text('SERVICE', (a) => a.service),
        },
      },
    },
  });
}
