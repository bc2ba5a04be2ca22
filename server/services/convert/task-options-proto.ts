import { create } from '@bufbuild/protobuf';
import {
  type TaskOptions,
  TaskOptionsSchema,
} from '../../../proto/gen/armonik/api/grpc/v1/objects_pb';
import type { Cluster } from '../../store/cluster';
import type { TaskOptionsData } from '../../store/task-options';
import { durationToMs, toDuration } from '../../proto-time';

const cache = new WeakMap<TaskOptionsData, TaskOptions>();

/**
 * Interned options are immutable, so each converts once and the message is shared by every row
 * that uses it (serialization never mutates a message).
 */
export function toTaskOptions(cluster: Cluster, index: number): TaskOptions {
  const data = cluster.options.get(index);
  let message = cache.get(data);
  if (!message) {
    message = create(TaskOptionsSchema, {
      options: { ...data.options },
      maxDuration: toDuration(data.maxDurationMs),
      maxRetries: data.maxRetries,
      priority: data.priority,
      partitionId: data.partitionId,
      applicationName: data.applicationName,
      applicationVersion: data.applicationVersion,
      applicationNamespace: data.applicationNamespace,
      applicationService: data.applicationService,
      engineType: data.engineType,
    });
    cache.set(data, message);
  }
  return message;
}

export function fromTaskOptions(message: TaskOptions | undefined): TaskOptionsData | undefined {
  if (!message) return undefined;
  return {
    options: { ...message.options },
    maxDurationMs: message.maxDuration ? durationToMs(message.maxDuration) : NaN,
    maxRetries: message.maxRetries,
    priority: message.priority,
    partitionId: message.partitionId,
    applicationName: message.applicationName,
    applicationVersion: message.applicationVersion,
    applicationNamespace: message.applicationNamespace,
    applicationService: message.applicationService,
    engineType: message.engineType,
  };
}
