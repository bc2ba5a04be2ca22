/** Static parts of the demo cluster: partitions and the compute pods that run tasks. */
export interface PartitionData {
  readonly id: string;
  readonly parentPartitionIds: readonly string[];
  readonly podReserved: number;
  readonly podMax: number;
  readonly preemptionPercentage: number;
  readonly priority: number;
  readonly podConfiguration: Readonly<Record<string, string>>;
}

export interface PodData {
  /** ArmoniK puts the pod IP here (agents are called back on http://<owner_pod_id>:1080). */
  readonly ownerPodId: string;
  readonly hostname: string;
  readonly partitionId: string;
}
