import { create } from '@bufbuild/protobuf';
import type { ServiceImpl } from '@connectrpc/connect';
import {
  ApplicationRawSchema,
  ListApplicationsResponseSchema,
} from '../../proto/gen/armonik/api/grpc/v1/applications_common_pb';
import type { Applications } from '../../proto/gen/armonik/api/grpc/v1/applications_service_pb';
import { applicationFields } from '../filtering/fields/application-fields';
import type { ServiceContext } from './context';
import { runListQuery } from './list-query';

/** Applications = distinct (name, version, namespace, service) over the options of live tasks. */
export function applicationsService({
  cluster,
  limits,
}: ServiceContext): Partial<ServiceImpl<typeof Applications>> {
  return {
    async listApplications(request) {
      const applications = cluster.options.applications();
      const { rows, total } = await runListQuery({
        request,
        table: applicationFields(applications),
        sortFields: request.sort?.fields ?? [],
        sortFieldProperty: 'Sort.Fields',
        rowCount: applications.length,
        isLive: () => true,
        limits,
      });
      return create(ListApplicationsResponseSchema, {
        applications: rows.map((row) => create(ApplicationRawSchema, { ...applications[row]! })),
        page: request.page,
        pageSize: request.pageSize,
        total,
      });
    },
  };
}
