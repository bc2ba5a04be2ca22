import type { ApplicationField } from '../../../../proto/gen/armonik/api/grpc/v1/applications_fields_pb';
import type { PartitionField } from '../../../../proto/gen/armonik/api/grpc/v1/partitions_fields_pb';
import type { ResultField } from '../../../../proto/gen/armonik/api/grpc/v1/results_fields_pb';
import type { SessionField } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_fields_pb';
import type { TaskField } from '../../../../proto/gen/armonik/api/grpc/v1/tasks_fields_pb';

/**
 * Every `<Resource>Field.field` oneof case of the API, read from the generated code: a column's
 * `field` with a misspelt or unknown case is a compile error. (Types only: the engine still names
 * no resource at run time.)
 */
export type FieldCase = NonNullable<
  (ApplicationField | PartitionField | ResultField | SessionField | TaskField)['field']['case']
>;
