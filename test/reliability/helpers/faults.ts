import { ProvisionedThroughputExceededException, ThrottlingException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB's low-level command names, as the SDK's middleware sees them under the document client. */
export type DynamoCommand = 'GetItemCommand' | 'PutItemCommand' | 'UpdateItemCommand' | 'QueryCommand';

interface Fault {
  command: DynamoCommand;
  /** Calls of `command` let through before the fault starts. */
  skip: number;
  times: number;
  error: () => Error;
}

export const throughputExceeded = () =>
  new ProvisionedThroughputExceededException({ message: 'The level of configured provisioned throughput for the table was exceeded.', $metadata: { httpStatusCode: 400 } });
export const throttled = () => new ThrottlingException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: { httpStatusCode: 400 } });

/**
 * Makes chosen calls of a real DynamoDB client fail as DynamoDB would refuse them, before
 * they are sent (and after the SDK's retries, which a real throttle would have used up).
 * The document client shares the client's middleware stack, so the store's calls go through it.
 */
export function injectFaults(client: DynamoDBClient) {
  const faults: Fault[] = [];
  const calls: Record<string, number> = {};
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      calls[command] = (calls[command] ?? 0) + 1;
      const fault = faults.find((candidate) => candidate.command === command && candidate.times > 0);
      if (fault) {
        if (fault.skip > 0) fault.skip--;
        else {
          fault.times--;
          throw fault.error();
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'reliabilityFaults' },
  );
  return {
    calls,
    /** The `skip + 1`-th call of `command` (and the `times - 1` after it) fail with `error`. */
    fail(command: DynamoCommand, { skip = 0, times = 1, error = throughputExceeded }: { skip?: number; times?: number; error?: () => Error } = {}) {
      faults.push({ command, skip, times, error });
    },
    heal() {
      faults.length = 0;
    },
  };
}
