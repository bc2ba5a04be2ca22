import type { PartitionData } from '../store/catalog';

/** What the demo cluster is made of. Values are invented but shaped like a real ArmoniK deployment. */

export const PARTITIONS: readonly PartitionData[] = [
  {
    id: 'default',
    parentPartitionIds: [],
    podReserved: 2,
    podMax: 20,
    preemptionPercentage: 50,
    priority: 1,
    podConfiguration: {
      image: 'dockerhubaneo/armonik_worker_dll:0.31.2',
      cpu: '1000m',
      memory: '2Gi',
    },
  },
  {
    id: 'standard',
    parentPartitionIds: ['default'],
    podReserved: 4,
    podMax: 100,
    preemptionPercentage: 25,
    priority: 2,
    podConfiguration: {
      image: 'dockerhubaneo/armonik_worker_dll:0.31.2',
      cpu: '2000m',
      memory: '4Gi',
    },
  },
  {
    id: 'highmem',
    parentPartitionIds: ['standard'],
    podReserved: 1,
    podMax: 16,
    preemptionPercentage: 10,
    priority: 3,
    podConfiguration: {
      image: 'dockerhubaneo/armonik_worker_dll:0.31.2',
      cpu: '4000m',
      memory: '32Gi',
    },
  },
  {
    id: 'gpu',
    parentPartitionIds: [],
    podReserved: 0,
    podMax: 8,
    preemptionPercentage: 0,
    priority: 4,
    podConfiguration: {
      image: 'research/trainer:2.1.0-cuda12',
      cpu: '8000m',
      memory: '64Gi',
      'nvidia.com/gpu': '1',
    },
  },
];

export interface AppTemplate {
  readonly name: string;
  readonly versions: readonly string[];
  readonly namespace: string;
  readonly service: string;
  readonly engineType: string;
  readonly team: string;
  readonly partitions: readonly string[];
  /** Prefixes of the result names this application produces. */
  readonly outputs: readonly string[];
  /** Relative frequency among sessions. */
  readonly weight: number;
}

export const APPLICATIONS: readonly AppTemplate[] = [
  {
    name: 'ArmoniK.Samples.Pricing',
    versions: ['2.3.1', '2.4.0'],
    namespace: 'ArmoniK.Samples.Pricing',
    service: 'PricingService',
    engineType: 'Unified',
    team: 'pricing',
    partitions: ['standard', 'default'],
    outputs: ['npv', 'greeks'],
    weight: 5,
  },
  {
    name: 'RiskEngine.VaR',
    versions: ['1.12.0', '1.13.2'],
    namespace: 'Risk.Engine',
    service: 'VaRCalculator',
    engineType: 'Unified',
    team: 'risk',
    partitions: ['standard', 'highmem'],
    outputs: ['var', 'pnl-vector'],
    weight: 5,
  },
  {
    name: 'Research.MonteCarlo',
    versions: ['0.9.4'],
    namespace: 'Research.Sim',
    service: 'MonteCarloWorker',
    engineType: 'Unified',
    team: 'research',
    partitions: ['default', 'standard'],
    outputs: ['paths', 'stats'],
    weight: 3,
  },
  {
    name: 'Research.ModelTraining',
    versions: ['0.3.0'],
    namespace: 'Research.ML',
    service: 'Trainer',
    engineType: 'Unified',
    team: 'research',
    partitions: ['gpu'],
    outputs: ['checkpoint', 'metrics'],
    weight: 1,
  },
  {
    name: 'ArmoniK.Samples.HtcMock',
    versions: ['1.0.0'],
    namespace: 'ArmoniK.Samples.HtcMock',
    service: 'HtcMockWorker',
    engineType: 'Symphony',
    team: 'ops',
    partitions: ['default'],
    outputs: ['mock-output'],
    weight: 2,
  },
  {
    name: 'Ops.Reconciliation',
    versions: ['3.1.0'],
    namespace: 'Ops.Batch',
    service: 'ReconcileService',
    engineType: 'DataSynapse',
    team: 'ops',
    partitions: ['default', 'standard'],
    outputs: ['recon-report'],
    weight: 2,
  },
];

/** priority-class option → TaskOptions.priority */
export const PRIORITY_CLASSES: readonly (readonly [string, number, number])[] = [
  // [class, priority, weight]
  ['low', 1, 3],
  ['normal', 2, 6],
  ['high', 4, 2],
  ['critical', 5, 1],
];

export const OWNERS = [
  'alice',
  'bruno',
  'chen',
  'dmitri',
  'elena',
  'farid',
  'gwen',
  'hiro',
] as const;

export const PIPELINES = ['eod-batch', 'intraday', 'backtest', 'adhoc'] as const;

/** Error messages of failed attempts, with relative frequency. */
export const ERRORS: readonly (readonly [string, number])[] = [
  ['System.InvalidOperationException: Pricing model did not converge after 500 iterations', 4],
  ['ArmoniK.Api.Worker.WorkerException: Input payload could not be deserialized', 2],
  ['Grpc.Core.RpcException: Status(StatusCode="Unavailable", Detail="Worker pod was evicted")', 3],
  ['System.OutOfMemoryException: Insufficient memory to continue the execution of the program.', 2],
  ["System.IO.FileNotFoundException: Could not find market data snapshot 'EOD-2024-03-28'", 2],
  ['System.DivideByZeroException: Attempted to divide by zero.', 1],
  ['Agent container terminated: OOMKilled (exit code 137)', 1],
];

export const TIMEOUT_MESSAGE = 'Task exceeded its max duration and was stopped';
