export type Msg = Record<string, unknown>;

export interface Timestamp {
  seconds: string;
  nanos: number;
}
export type Duration = Timestamp;

export interface TaskOptions {
  options: Record<string, string>;
  max_duration: Duration | null;
  max_retries: number;
  priority: number;
  partition_id: string;
  application_name: string;
  application_version: string;
  application_namespace: string;
  application_service: string;
  engine_type: string;
}

export interface SessionRaw {
  session_id: string;
  status: string;
  partition_ids: string[];
  options: TaskOptions | null;
  created_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  duration: Duration | null;
  client_submission: boolean;
  worker_submission: boolean;
  purged_at: Timestamp | null;
  deleted_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface TaskSummary {
  id: string;
  session_id: string;
  options: TaskOptions | null;
  status: string;
  created_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  error: string;
  status_message: string;
  owner_pod_id: string;
  count_data_dependencies: string;
  submitted_at: Timestamp | null;
  count_expected_output_ids: string;
  count_retry_of_ids: string;
  creation_to_end_duration: Duration | null;
  processing_to_end_duration: Duration | null;
  pod_hostname: string;
  received_at: Timestamp | null;
  acquired_at: Timestamp | null;
  pod_ttl: Timestamp | null;
  count_parent_task_ids: string;
  initial_task_id: string;
  processed_at: Timestamp | null;
  received_to_end_duration: Duration | null;
  fetched_at: Timestamp | null;
  payload_id: string;
  created_by: string;
}

export interface TaskDetailed {
  id: string;
  session_id: string;
  owner_pod_id: string;
  parent_task_ids: string[];
  data_dependencies: string[];
  expected_output_ids: string[];
  retry_of_ids: string[];
  status: string;
  status_message: string;
  options: TaskOptions | null;
  created_at: Timestamp | null;
  submitted_at: Timestamp | null;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  pod_ttl: Timestamp | null;
  output: { success: boolean; error: string } | null;
  pod_hostname: string;
  received_at: Timestamp | null;
  acquired_at: Timestamp | null;
  creation_to_end_duration: Duration | null;
  processing_to_end_duration: Duration | null;
  initial_task_id: string;
  received_to_end_duration: Duration | null;
  processed_at: Timestamp | null;
  fetched_at: Timestamp | null;
  payload_id: string;
  created_by: string;
}

export interface ResultRaw {
  session_id: string;
  name: string;
  owner_task_id: string;
  status: string;
  created_at: Timestamp | null;
  completed_at: Timestamp | null;
  result_id: string;
  size: string;
  created_by: string;
  opaque_id: Buffer;
  manual_deletion: boolean;
}

export interface PartitionRaw {
  id: string;
  parent_partition_ids: string[];
  pod_reserved: string;
  pod_max: string;
  preemption_percentage: string;
  priority: string;
  pod_configuration: Record<string, string>;
}

export interface ApplicationRaw {
  name: string;
  version: string;
  namespace: string;
  service: string;
}

export interface StatusCount {
  status: string;
  count: number;
}

export interface EventSubscriptionResponse {
  session_id: string;
  update?: string;
  task_status_update: { task_id: string; status: string } | null;
  result_status_update: { result_id: string; status: string } | null;
  result_owner_update: {
    result_id: string;
    previous_owner_id: string;
    current_owner_id: string;
  } | null;
  new_task: { task_id: string; status: string } | null;
  new_result: { result_id: string; owner_id: string; status: string } | null;
}

export interface Paged {
  page: number;
  page_size: number;
  total: number;
}
