import { type Client } from '@connectrpc/connect';

import { type SessionRaw } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_common_pb';
import { type Sessions } from '../../../../proto/gen/armonik/api/grpc/v1/sessions_service_pb';
import { type SessionAction } from '../session-rules';

/** Which submissions Stop submission closes: clients, workers or both. */
export interface StopSubmissionChoice {
  readonly client: boolean;
  readonly worker: boolean;
}

export const STOP_BOTH: StopSubmissionChoice = { client: true, worker: true };

/** One action on one session, exactly as it is sent to the control plane. */
export interface ActionRequest {
  readonly action: SessionAction;
  readonly sessionId: string;
  /** Only for Stop submission; both when absent. */
  readonly stop?: StopSubmissionChoice;
}

/**
 * Sends one action's RPC. Resolves with the session the server returned (its view after the
 * action), rejects with whatever the transport threw.
 */
export async function sendAction(
  client: Client<typeof Sessions>,
  request: ActionRequest,
  signal: AbortSignal,
): Promise<SessionRaw | undefined> {
  const sessionId = request.sessionId;
  const options = { signal };
  switch (request.action) {
    case 'pause':
      return (await client.pauseSession({ sessionId }, options)).session;
    case 'resume':
      return (await client.resumeSession({ sessionId }, options)).session;
    case 'cancel':
      return (await client.cancelSession({ sessionId }, options)).session;
    case 'close':
      return (await client.closeSession({ sessionId }, options)).session;
    case 'purge':
      return (await client.purgeSession({ sessionId }, options)).session;
    case 'delete':
      return (await client.deleteSession({ sessionId }, options)).session;
    case 'stopSubmission': {
      const stop = request.stop ?? STOP_BOTH;
      return (
        await client.stopSubmission(
          { sessionId, client: stop.client, worker: stop.worker },
          options,
        )
      ).session;
    }
  }
}
