// What each service env key means, for docs/configuration.md. The env schemas in packages/shared
// carry comments rather than zod descriptions; a schema's own .describe() wins over this map.
// config-docs.spec.ts fails when a key has neither, so a new key cannot go undocumented.
export const ENV_DESCRIPTIONS: Readonly<Record<string, string>> = {
  NODE_ENV: 'Runtime mode.',
  LOG_LEVEL: 'Minimum level of the JSON log lines on stdout (secrets are redacted).',
  PORT: "HTTP port: the gateway's API, or the service's /health and /metrics.",
  HOST: 'Interface to listen on.',
  NATS_URL: 'NATS server(s) with JetStream, comma-separated: nats://host:4222.',
  NATS_USER:
    "This service's NATS user on an authorized bus (default: the service's name, which is what the generated server configuration names it). See docs/events.md, Bus authorization.",
  NATS_PASSWORD:
    "This service's NATS password on an authorized bus; without it the service connects unauthenticated (an open bus, for development). `npm run stack` and compose's secrets service generate one per service.",
  NATS_TLS_CA_FILE:
    "PEM file of the CA that signed the NATS server's certificate (TLS to the bus; else the system's CAs).",
  NATS_TLS_CERT_FILE: 'PEM client certificate, where the NATS server verifies clients (with NATS_TLS_KEY_FILE).',
  NATS_TLS_KEY_FILE: 'PEM private key of NATS_TLS_CERT_FILE.',
  MONGO_URL:
    'MongoDB (7) or another MongoDB-wire server: mongodb://host:27017. A request unanswered for 120 s fails (`?socketTimeoutMS=` changes it).',
  MONGO_DB: 'Database of this service (each service owns its own).',
  SEATWISE_BUS_PREFIX:
    'Prefix of every NATS subject, stream and consumer, so several installations can share a NATS server.',
  SEATWISE_ENCRYPTION_KEYS:
    'Keys that encrypt stored third-party secrets (Duo secret keys, PSA private keys): kid:base64-of-32-random-bytes, comma-separated; the first encrypts unless SEATWISE_ENCRYPTION_KEY_ID says otherwise, all decrypt. Create one with `echo k1:$(openssl rand -base64 32)`; `npm run stack` generates it. Keep it: without it stored secrets cannot be read.',
  SEATWISE_ENCRYPTION_KEY_ID:
    'Which key of SEATWISE_ENCRYPTION_KEYS encrypts (for key rotation: add the new key, point this at it; older values are re-encrypted at start-up).',
  CONNECTOR_SEALING_KEY:
    "The connector's private key (base64 of a 32-byte X25519 key) for the Duo secret keys the gateway seals to it before they cross the bus; its public key goes into the gateway's GATEWAY_SEALING_PUBLIC_KEYS. `npm run stack` and compose's secrets service generate both.",
  RECONCILE_SEALING_KEY:
    "Reconcile's private key (base64 of a 32-byte X25519 key) for the PSA keys the gateway seals to it before they cross the bus; its public key goes into the gateway's GATEWAY_SEALING_PUBLIC_KEYS.",
  ALERTS_SEALING_KEY:
    "The alerts service's private key (base64 of a 32-byte X25519 key) for the webhook secrets the gateway seals to it before they cross the bus; its public key goes into the gateway's GATEWAY_SEALING_PUBLIC_KEYS.",
  SEATWISE_OUTBOUND_ALLOW:
    'Exact host:port endpoints outbound calls (Duo, PSAs, webhooks, SMTP) may reach whatever their address and scheme, comma-separated: simulators and local sinks only (`npm run stack` lists its simulators). Empty by default: only public Duo and PSA hosts and public webhook/SMTP hosts are reachable; another spelling of a listed address does not match.',
  SEATWISE_OUTBOUND_PSA_HOSTS:
    "On-premise PSA servers (host, or host:port; port 443 otherwise), comma-separated. They are called over HTTPS and must resolve to public addresses, like the PSA vendors' cloud hosts, which need no entry.",
  DUO_BOOTSTRAP_INTEGRATIONS:
    'JSON array of {name, kind, apiHostname, integrationKey, secretKey} created at start-up when missing (for scripted deployments; the API is the usual way).',
  CONNECTOR_BACKFILL_DAYS: 'How far back the first sync of an account reads authentication logs (Duo keeps 180 days).',
  CONNECTOR_MAX_CONCURRENCY: 'Duo accounts polled at the same time.',
  CONNECTOR_LOG_POLL_INTERVAL_MS: "How often each account's new authentication logs are read.",
  CONNECTOR_USERS_INTERVAL_MS: "How often each account's full user list (and so its seat count) is read.",
  CONNECTOR_ACCOUNTS_REFRESH_MS: "How often an Accounts API integration's child accounts are listed again.",
  CONNECTOR_LEASE_MS:
    "How long a replica's hold on an account lasts unrenewed (renewed three times per period): with several replicas, a dead one's accounts are polled by the others within two periods.",
  CONNECTOR_LOGS_PER_MINUTE: 'Log requests per minute per Duo account (pacing; a 429 still backs off).',
  CONNECTOR_OBJECTS_PER_MINUTE: 'User/info requests per minute per Duo account.',
  CONNECTOR_DUO_TIMEOUT_MS: 'Timeout of one Duo API request.',
  CONNECTOR_DUO_MAX_ATTEMPTS: 'Attempts per Duo request on 429, 5xx, timeouts and dropped connections.',
  CONNECTOR_DUO_RETRY_BASE_MS: 'First back-off before retrying a failed Duo request (jittered, doubling).',
  CONNECTOR_DUO_RATE_LIMIT_RETRY_BASE_MS: 'First back-off after a Duo 429 (Duo sends no Retry-After).',
  DISCOVERY_BATCH_SIZE:
    'Authentication events aggregated per batch; the next batch is fetched while one is written, so memory holds at most two.',
  DISCOVERY_BATCH_MAX_WAIT_MS: 'How long a fetch waits to fill a batch before processing what it has.',
  DISCOVERY_USERS_BATCH_SIZE: 'Duo user records written per batch.',
  DISCOVERY_INVENTORY_WRITES:
    'How batches write the inventories: replace (by _id, each document atomic; MongoDB, FerretDB 2), rewrite (redo log, then delete + insert; FerretDB 1.x, which scans on every replace), or auto (asks the server).',
  DISCOVERY_EMBEDDED_MAX_SERVICES:
    'On the embedded database (FerretDB 1.x): services of all accounts together beyond which the overview takes over a second and discovery warns that the data has outgrown it (README "What the embedded database serves").',
  DISCOVERY_EMBEDDED_MAX_ACCOUNT_USERS:
    'On the embedded database: users of one account beyond which its users list takes over a second and discovery warns that the data has outgrown it.',
  DISCOVERY_CAPACITY_CHECK_MS: 'How often discovery checks the inventory against the two limits above (and at start).',
  DISCOVERY_CONSUME: 'Whether discovery consumes events (false: a query-only replica).',
  DISCOVERY_DENIAL_RATE_PERCENT:
    'A service or user is flagged when at least this share (%) of its attempts were denied (with DISCOVERY_DENIAL_MIN_ATTEMPTS).',
  DISCOVERY_DENIAL_MIN_ATTEMPTS: 'Attempts a service or user needs before its denial rate can flag it.',
  RECONCILE_QUICK_SYNC_INTERVAL_MS: 'How often each ConnectWise connection syncs what changed since the last run.',
  RECONCILE_FULL_SYNC_INTERVAL_MS: 'How often each ConnectWise connection syncs everything.',
  RECONCILE_PSA_TIMEOUT_MS: 'Timeout of one ConnectWise request.',
  RECONCILE_PUSH_LEASE_MS:
    'How long a push holds its row against other pushes and replicas; its PSA requests stop a tenth of it (at most 10 s) before.',
  RECONCILE_PSA_MAX_ATTEMPTS: 'Attempts per ConnectWise request on 429, 5xx and network errors.',
  RECONCILE_PSA_RETRY_BASE_MS: 'First back-off before retrying a failed ConnectWise request.',
  RECONCILE_PSA_MAX_RETRY_AFTER_MS:
    'Longest ConnectWise Retry-After honoured before the step fails (and is retried later).',
  RECONCILE_PSA_PAGE_SIZE: 'Page size of ConnectWise list requests.',
  RECONCILE_SUGGESTIONS: 'Ranked PSA company suggestions shown per unmapped Duo account.',
  SEATWISE_ADMIN_API_KEY:
    'Bootstrap admin API key (at least 24 characters, compared by hash). Needed once to create other keys through /api/v1/api-keys; `npm run stack` generates and prints it.',
  GATEWAY_CORS_ORIGINS: 'Browser origins allowed to call the API, comma-separated (empty: none, *: any).',
  GATEWAY_BODY_LIMIT_BYTES: 'Largest accepted request body.',
  GATEWAY_IMPORT_BODY_LIMIT_BYTES: 'Largest accepted body of POST /api/v1/psa/import (PSA data as JSON).',
  GATEWAY_RATE_LIMIT_PER_MINUTE:
    'Sustained requests per minute per API key, for all gateway replicas together (they share what they spend over NATS every 100 ms).',
  GATEWAY_RATE_LIMIT_BURST: 'Burst size per API key.',
  GATEWAY_CONNECTOR_TIMEOUT_MS:
    'How long the gateway waits for the connector (creating an integration probes Duo, hence longer).',
  GATEWAY_DISCOVERY_TIMEOUT_MS: 'How long the gateway waits for discovery.',
  GATEWAY_RECONCILE_TIMEOUT_MS: 'How long the gateway waits for reconcile.',
  GATEWAY_SSE_HEARTBEAT_MS: 'Interval of the heartbeat comment on /api/v1/events.',
  GATEWAY_CSV_MAX_ROWS: 'Most rows a CSV export follows (then it says it was truncated).',
};
