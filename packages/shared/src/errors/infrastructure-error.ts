// Errors that say a server is out of reach (the database, NATS), not that the work is wrong: retrying the same work
// later succeeds once the server is back. Told apart by name and label, so no driver has to be imported here; a
// wrapped error counts by its cause.
const INFRASTRUCTURE_ERROR_NAMES: ReadonlySet<string> = new Set([
  // MongoDB driver and mongoose: no server selectable, a dropped socket, a closed client or pool.
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoOperationTimeoutError',
  // nats.js: the connection is down, closing or timed out.
  'ConnectionError',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'TimeoutError',
  'NoResponders',
]);

// What the MongoDB driver labels an error a failover or an outage causes (an election, a primary stepping down).
const TRANSIENT_LABELS = ['RetryableWriteError', 'TransientTransactionError', 'ResetPool'];

export function isInfrastructureError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (INFRASTRUCTURE_ERROR_NAMES.has(current.name)) return true;
    if (isUnacknowledgedPublish(current) || isClusterUnavailable(current)) return true;
    if (hasTransientLabel(current) || isBufferingTimeout(current)) return true;
    if (isUnreachableBulkWrite(current)) return true;
    current = current.cause;
  }
  return false;
}

// JetStream did not answer a publish (a timeout, a closed connection: status null) or no stream took it (503, a
// stream being re-created): the message may be sent again. A refusal with a JetStream error code is not retried.
function isUnacknowledgedPublish(error: Error): boolean {
  if (error.name !== 'JetStreamPublishError') return false;
  const { status } = error as Error & { status?: unknown };
  return status === null || status === 503;
}

// JetStream's API answering that the cluster cannot serve it now: a node restarting, a meta leader being elected
// (10008 "JetStream system temporarily unavailable", 10009 "JetStream cluster can not handle request"). Seen by the
// fault run (#18): a replica restarted beside a NATS node's restart failed its stream set-up with 10008 and exited.
const CLUSTER_UNAVAILABLE_CODES: ReadonlySet<unknown> = new Set([10008, 10009]);

function isClusterUnavailable(error: Error): boolean {
  if (error.name !== 'JetStreamApiError') return false;
  return CLUSTER_UNAVAILABLE_CODES.has((error as Error & { code?: unknown }).code);
}

function hasTransientLabel(error: Error): boolean {
  const { errorLabels } = error as Error & { errorLabels?: unknown };
  if (errorLabels instanceof Set) return TRANSIENT_LABELS.some((label) => errorLabels.has(label));
  return Array.isArray(errorLabels) && TRANSIENT_LABELS.some((label) => errorLabels.includes(label));
}

// Mongoose queues a model's operations while its connection is down and fails them after bufferTimeoutMS with a
// plain MongooseError: the server was out of reach for that long.
function isBufferingTimeout(error: Error): boolean {
  return error.name === 'MongooseError' && /buffering timed out/.test(error.message);
}

// A bulk write the server never answered: the driver re-throws its network or selection error as a
// MongoBulkWriteError with no write errors, keeping the message but not the name (or a cause).
const NETWORK_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|Server selection timed out|connection .*closed/i;

function isUnreachableBulkWrite(error: Error): boolean {
  if (error.name !== 'MongoBulkWriteError') return false;
  const { writeErrors } = error as Error & { writeErrors?: unknown };
  return (!Array.isArray(writeErrors) || writeErrors.length === 0) && NETWORK_MESSAGE.test(error.message);
}
