import { DELIVERY_CODES } from '@seatwise/shared/contracts/alerts-channels';
import { smtpFailureOf, smtpFailureOutcome } from './email-outcome';

describe('SMTP failure classification', () => {
  it.each([
    [{ code: 'EAUTH', responseCode: 535, message: 'auth failed' }, false, DELIVERY_CODES.EMAIL_AUTH],
    [{ code: 'EENVELOPE', responseCode: 550, message: 'no such mailbox' }, false, DELIVERY_CODES.EMAIL_REJECTED],
    [{ code: 'EMESSAGE', responseCode: 552, message: 'too big' }, false, DELIVERY_CODES.EMAIL_REJECTED],
    [{ code: 'EENVELOPE', responseCode: 451, message: 'try later' }, true, DELIVERY_CODES.EMAIL_DEFERRED],
    [{ code: 'EPROTOCOL', responseCode: 421, message: 'closing' }, true, DELIVERY_CODES.EMAIL_DEFERRED],
    [{ code: 'ECONNECTION', message: 'refused' }, true, DELIVERY_CODES.EMAIL_NETWORK],
    [{ code: 'ETIMEDOUT', message: 'timeout' }, true, DELIVERY_CODES.EMAIL_NETWORK],
    [{ message: 'something else' }, true, DELIVERY_CODES.EMAIL_NETWORK],
  ])('%j → retryable %s, %s', (failure, retryable, code) => {
    expect(smtpFailureOutcome(failure)).toEqual({ ok: false, retryable, code, detail: failure.message });
  });

  it('reads only code, response code and message from a thrown error', () => {
    const error = Object.assign(new Error('550 5.1.1 unknown'), { code: 'EENVELOPE', responseCode: 550, extra: 'x' });
    expect(smtpFailureOf(error)).toEqual({ code: 'EENVELOPE', responseCode: 550, message: '550 5.1.1 unknown' });
    expect(smtpFailureOf('plain')).toEqual({ message: 'plain' });
  });
});
