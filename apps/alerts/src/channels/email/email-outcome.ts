import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import type { DeliveryOutcome } from '../channel-sender';

// What an SMTP failure tells (nodemailer's error: `code` for the stage that failed, `responseCode` for the server's
// answer). Only the code, status and nodemailer's own message are kept: never the password or the message body.
export interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message: string;
}

// Stages that fail before the server judged the message: the network or TLS, worth retrying.
const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'ECONNRESET', 'ECONNREFUSED']);

export function smtpFailureOutcome(failure: SmtpFailure): DeliveryOutcome {
  const detail = failure.message.slice(0, 500);
  if (failure.code === 'EAUTH') {
    // Wrong ALERTS_SMTP_USER/PASSWORD: retrying the same credentials cannot help.
    return { ok: false, retryable: false, code: DELIVERY_CODES.EMAIL_AUTH, detail };
  }
  if (failure.responseCode !== undefined) {
    // RFC 5321: 4yz is a transient failure (try again later), 5yz permanent (bad mailbox, refused content).
    const transient = failure.responseCode >= 400 && failure.responseCode < 500;
    return transient
      ? { ok: false, retryable: true, code: DELIVERY_CODES.EMAIL_DEFERRED, detail }
      : { ok: false, retryable: false, code: DELIVERY_CODES.EMAIL_REJECTED, detail };
  }
  if (failure.code !== undefined && NETWORK_CODES.has(failure.code)) {
    return { ok: false, retryable: true, code: DELIVERY_CODES.EMAIL_NETWORK, detail };
  }
  // Anything else (a protocol surprise) may be the server's passing state: retry, the dispatcher bounds it.
  return { ok: false, retryable: true, code: DELIVERY_CODES.EMAIL_NETWORK, detail };
}

export function smtpFailureOf(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  return {
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
    message: typeof e.message === 'string' ? e.message : 'SMTP failure',
  };
}
