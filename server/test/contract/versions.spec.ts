/**
 * ListVersions as ArmoniK's own Admin GUI reads it: its version widget accepts dotted numbers
 * only (anything else shows "Core – Unavailable"). That the answer comes from the embedded
 * control plane is said in a response header, which clients ignore.
 */
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';

import {
  ListVersionsRequestSchema,
  ListVersionsResponseSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/versions_common_pb';
import pkg from '../../../package.json';
import { grpcWebTextCall, TEST_TIMEOUT_MS, useCluster } from './harness';

jest.setTimeout(TEST_TIMEOUT_MS);

const { cluster, c } = useCluster();

describe('Versions.ListVersions', () => {
  it('reports the package version as dotted numbers for core, over native gRPC', async () => {
    const { core, api } = await c.versions.ListVersions({});
    expect(core).toMatch(/^\d+(\.\d+)*$/);
    expect(core).toBe(pkg.version);
    expect(api).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('says "embedded" in a response header over gRPC-web text, leaving the version numeric', async () => {
    const request = toBinary(ListVersionsRequestSchema, create(ListVersionsRequestSchema));
    const reply = await grpcWebTextCall(
      cluster.url,
      '/armonik.api.grpc.v1.versions.Versions/ListVersions',
      request,
    );
    expect(reply.grpcStatus).toBe(0);
    expect(reply.headers.get('x-armonik-control-plane')).toBe(`embedded ${pkg.version}`);
    const { core } = fromBinary(ListVersionsResponseSchema, reply.messages[0]!);
    expect(core).toBe(pkg.version);
  });
});
