import { authLogEvent } from './__fixtures__/events';
import { eventFilter, eventNameOfSubject, eventSubject, rpcSubject, streamName, subjectToken } from './subjects';

describe('subjects', () => {
  it('builds event subjects under the prefix with the account as last token', () => {
    expect(eventSubject('seatwise', 'duo.authlog', authLogEvent('DA1', 't'))).toBe('seatwise.duo.authlog.DA1');
    expect(eventFilter('seatwise', 'duo.users.record')).toBe('seatwise.duo.users.record.*');
  });

  it('never lets a token widen or split a subject', () => {
    expect(subjectToken('a.b>*c d')).toBe('a_b__c_d');
    expect(subjectToken('')).toBe('_');
  });

  it('maps a subject back to the longest matching event name', () => {
    expect(
      eventNameOfSubject('p', 'p.duo.users.snapshot-complete.DA1', ['duo.users.record', 'duo.users.snapshot-complete']),
    ).toBe('duo.users.snapshot-complete');
    expect(eventNameOfSubject('p', 'q.duo.authlog.DA1', ['duo.authlog'])).toBeNull();
    expect(eventNameOfSubject('p', 'p.duo.authlogx.DA1', ['duo.authlog'])).toBeNull();
  });

  it('keeps requests out of every stream namespace and names streams per prefix', () => {
    expect(rpcSubject('seatwise', 'discovery.health')).toBe('seatwise.rpc.discovery.health');
    expect(streamName('t-1a', 'DUO_AUTHLOGS')).toBe('T_1A_DUO_AUTHLOGS');
  });
});
