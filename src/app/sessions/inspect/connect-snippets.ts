import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { formatDuration, toMillis } from '../../shared/format';

/** What a client needs to submit into a session. */
export interface ConnectInfo {
  /**
   * Where a native gRPC client connects, e.g. `http://localhost:5001` (the runtime config's
   * `grpcEndpoint`); empty when the deployment did not say.
   */
  readonly endpoint: string;
  readonly sessionId: string;
  readonly partitionIds: readonly string[];
  /** The session's default task options, as key → text (tasks without options inherit them). */
  readonly defaults: readonly (readonly [string, string])[];
}

export type SnippetLanguage = 'grpcurl' | 'python' | 'csharp';

/** The snippets' comments, in the reader's language (the code itself stays code). */
export interface SnippetWords {
  /** "Tasks without their own options inherit:" */
  readonly inherit: string;
  /** "1. Create the payload (data in base64) and the expected output" */
  readonly createResults: string;
  /** "2. Submit a task with the result ids returned above" */
  readonly submit: string;
  /** Stands in for the endpoint when it is unknown: "<ask your administrator>" */
  readonly unknownEndpoint: string;
}

export const ENGLISH_SNIPPET_WORDS: SnippetWords = {
  inherit: 'Tasks without their own options inherit:',
  createResults: '1. Create the payload (data in base64) and the expected output',
  submit: '2. Submit a task with the result ids returned above',
  unknownEndpoint: '<gRPC endpoint: ask your administrator>',
};

/** A comment line: no line break of any kind (in a translation or an option value) ends it early. */
function comment(prefix: string, text: string): string {
  return `${prefix} ${text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ')}\n`;
}
export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['grpcurl', 'python', 'csharp'];

export function connectInfo(session: SessionRaw, endpoint: string): ConnectInfo {
  const options = session.options;
  const defaults: [string, string][] = [];
  if (options) {
    const ms = toMillis(options.maxDuration);
    const add = (key: string, value: string | number | undefined) => {
      if (value !== undefined && value !== '') defaults.push([key, String(value)]);
    };
    add('partition_id', options.partitionId);
    add('priority', options.priority);
    add('max_retries', options.maxRetries);
    // A comment a person reads: the console's one duration form, not protobuf's "3600s".
    add('max_duration', formatDuration(ms));
    add('application_name', options.applicationName);
    add('application_version', options.applicationVersion);
    add('application_namespace', options.applicationNamespace);
    add('application_service', options.applicationService);
    add('engine_type', options.engineType);
  }
  return { endpoint, sessionId: session.sessionId, partitionIds: session.partitionIds, defaults };
}

/**
 * A string literal valid in JSON, Python and C#: quotes, backslashes and every character outside
 * printable ASCII are escaped, so a hostile id cannot break out of the literal.
 */
export function quote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!; // for…of yields whole characters, never an empty one
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else
      for (const unit of String.fromCodePoint(code).split(''))
        out += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** Single-quotes a shell word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `host:port` and whether TLS is used, from an origin URL. */
export function hostOf(endpoint: string): { host: string; tls: boolean } {
  try {
    const url = new URL(endpoint);
    const tls = url.protocol === 'https:';
    return { host: `${url.hostname}:${url.port || (tls ? '443' : '80')}`, tls };
  } catch {
    return { host: endpoint, tls: false };
  }
}

function defaultsComment(info: ConnectInfo, prefix: string, words: SnippetWords): string {
  const pairs = info.defaults.map(([key, value]) => `${key}=${value}`).join(', ');
  return pairs ? comment(prefix, `${words.inherit} ${pairs}`) : '';
}

export function snippet(
  language: SnippetLanguage,
  info: ConnectInfo,
  words: SnippetWords = ENGLISH_SNIPPET_WORDS,
): string {
  if (info.endpoint === '') info = { ...info, endpoint: words.unknownEndpoint };
  switch (language) {
    case 'grpcurl':
      return grpcurl(info, words);
    case 'python':
      return python(info, words);
    case 'csharp':
      return csharp(info, words);
  }
}

function grpcurl(info: ConnectInfo, words: SnippetWords): string {
  const { host, tls } = hostOf(info.endpoint);
  const flags = tls ? '' : ' -plaintext';
  const id = quote(info.sessionId);
  const call = (body: string, method: string) =>
    `grpcurl${flags} -d ${shellQuote(body)} ${shellQuote(host)} ${method}`;
  return (
    `# Session ${id}\n` +
    defaultsComment(info, '#', words) +
    comment('#', words.createResults) +
    call(
      `{"session_id": ${id}, "results": [{"name": "payload", "data": "aGVsbG8="}]}`,
      'armonik.api.grpc.v1.results.Results/CreateResults',
    ) +
    '\n' +
    call(
      `{"session_id": ${id}, "results": [{"name": "output"}]}`,
      'armonik.api.grpc.v1.results.Results/CreateResultsMetaData',
    ) +
    '\n' +
    comment('#', words.submit) +
    call(
      `{"session_id": ${id}, "task_creations": [{"payload_id": "<payload result id>", "expected_output_keys": ["<output result id>"]}]}`,
      'armonik.api.grpc.v1.tasks.Tasks/SubmitTasks',
    ) +
    '\n'
  );
}

function python(info: ConnectInfo, words: SnippetWords): string {
  const { host, tls } = hostOf(info.endpoint);
  const channel = tls
    ? `grpc.secure_channel(${quote(host)}, grpc.ssl_channel_credentials())`
    : `grpc.insecure_channel(${quote(host)})`;
  return (
    'import grpc\n' +
    'from armonik.client import ArmoniKResults, ArmoniKTasks\n' +
    'from armonik.common import TaskDefinition\n\n' +
    `SESSION_ID = ${quote(info.sessionId)}\n` +
    defaultsComment(info, '#', words) +
    `\nwith ${channel} as channel:\n` +
    '    results = ArmoniKResults(channel)\n' +
    '    tasks = ArmoniKTasks(channel)\n' +
    '    payload = results.create_results({"payload": b"hello"}, SESSION_ID)["payload"]\n' +
    '    output = results.create_results_metadata(["output"], SESSION_ID)["output"]\n' +
    '    submitted = tasks.submit_tasks(\n' +
    '        SESSION_ID,\n' +
    '        [TaskDefinition(payload_id=payload.result_id, expected_output_ids=[output.result_id])],\n' +
    '    )\n' +
    '    print(submitted[0].id)\n'
  );
}

function csharp(info: ConnectInfo, words: SnippetWords): string {
  return (
    'using ArmoniK.Api.Client.Options;\n' +
    'using ArmoniK.Api.Client.Submitter;\n' +
    'using ArmoniK.Api.gRPC.V1.Results;\n' +
    'using ArmoniK.Api.gRPC.V1.Tasks;\n' +
    'using Google.Protobuf;\n\n' +
    `var sessionId = ${quote(info.sessionId)};\n` +
    defaultsComment(info, '//', words) +
    `var channel = GrpcChannelFactory.CreateChannel(new GrpcClient { Endpoint = ${quote(info.endpoint)} });\n` +
    'var results = new Results.ResultsClient(channel);\n' +
    'var payload = (await results.CreateResultsAsync(new CreateResultsRequest\n' +
    '{\n' +
    '  SessionId = sessionId,\n' +
    '  Results = { new CreateResultsRequest.Types.ResultCreate { Name = "payload", Data = ByteString.CopyFromUtf8("hello") } },\n' +
    '})).Results[0];\n' +
    'var output = (await results.CreateResultsMetaDataAsync(new CreateResultsMetaDataRequest\n' +
    '{\n' +
    '  SessionId = sessionId,\n' +
    '  Results = { new CreateResultsMetaDataRequest.Types.ResultCreate { Name = "output" } },\n' +
    '})).Results[0];\n' +
    'var tasks = new Tasks.TasksClient(channel);\n' +
    'var submitted = await tasks.SubmitTasksAsync(new SubmitTasksRequest\n' +
    '{\n' +
    '  SessionId = sessionId,\n' +
    '  TaskCreations = { new SubmitTasksRequest.Types.TaskCreation { PayloadId = payload.ResultId, ExpectedOutputKeys = { output.ResultId } } },\n' +
    '});\n' +
    'Console.WriteLine(submitted.TaskInfos[0].TaskId);\n'
  );
}
