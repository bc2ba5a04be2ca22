import { InjectionToken, inject } from '@angular/core';
import type { DescService } from '@bufbuild/protobuf';
import { type Client, createClient } from '@connectrpc/connect';

import { TRANSPORT } from '../transport';

/** An injectable Connect client for one ArmoniK service, on the shared gRPC-web transport. */
export function clientToken<S extends DescService>(service: S): InjectionToken<Client<S>> {
  return new InjectionToken<Client<S>>(`${service.typeName} client`, {
    providedIn: 'root',
    factory: () => createClient(service, inject(TRANSPORT)),
  });
}
