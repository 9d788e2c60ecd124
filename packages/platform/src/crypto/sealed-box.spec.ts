import { generateSealingKeyPair } from '@seatwise/shared/crypto/sealing-keys';
import { AppError } from '@seatwise/shared/errors/app-error';
import { installSecretOpener, openSealedFields, SealedSecretOpener, sealTo, sodiumReady } from './sealed-box';

const keysOf = () => {
  const pair = generateSealingKeyPair();
  return { publicKey: Buffer.from(pair.publicKey, 'base64'), privateKey: Buffer.from(pair.privateKey, 'base64') };
};

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
};

describe('secrets sealed on the bus', () => {
  beforeAll(sodiumReady);
  afterEach(() => {
    installSecretOpener(null);
  });

  it("opens what was sealed to the service's key (pairs made by node:crypto, as the stack makes them)", () => {
    const keys = keysOf();
    const sealed = sealTo(keys.publicKey, 'duo-secret-key-0123456789');
    expect(sealed).toMatch(/^sealed:v1:[A-Za-z0-9+/]+={0,2}$/);
    expect(sealed).not.toContain('duo-secret');
    expect(new SealedSecretOpener(keys.privateKey).open(sealed, 'secretKey')).toBe('duo-secret-key-0123456789');
    // Sealing is randomised: the same secret never looks the same twice on the bus.
    expect(sealTo(keys.publicKey, 'duo-secret-key-0123456789')).not.toBe(sealed);
  });

  it('refuses a value sealed to another key, or altered, without echoing it', () => {
    const mine = keysOf();
    const opener = new SealedSecretOpener(mine.privateKey);
    const toOther = sealTo(keysOf().publicKey, 'psa-private-key');
    expect(codeOf(() => opener.open(toOther, 'privateKey'))).toBe('SECRETS.UNREADABLE');
    const sealed = sealTo(mine.publicKey, 'psa-private-key');
    const altered = `${sealed.slice(0, -6)}AAAA${sealed.slice(-2)}`;
    expect(codeOf(() => opener.open(altered, 'privateKey'))).toBe('SECRETS.UNREADABLE');
    expect(() => opener.open(toOther, 'privateKey')).toThrow(/sealed privateKey cannot be opened/);
  });

  it("opens a request's sealed fields before validation, and passes secrets sent in clear by other bus clients", () => {
    const keys = keysOf();
    const request = { name: 'MSP', secretKey: sealTo(keys.publicKey, 'in-the-box'), other: 'x' };
    // No key installed: a sealed secret cannot be used, and says why.
    expect(codeOf(() => openSealedFields('duo-connector.integrations.create', ['secretKey'], request))).toBe(
      'SECRETS.SEALING_KEY_MISSING',
    );
    installSecretOpener(new SealedSecretOpener(keys.privateKey));
    expect(openSealedFields('duo-connector.integrations.create', ['secretKey'], request)).toEqual({
      name: 'MSP',
      secretKey: 'in-the-box',
      other: 'x',
    });
    const clear = { name: 'MSP', secretKey: 'sent-in-clear' };
    expect(openSealedFields('duo-connector.integrations.create', ['secretKey'], clear)).toBe(clear);
    // A field the contract does not list is never touched.
    const unlisted = { note: sealTo(keys.publicKey, 'not a secret field') };
    expect(openSealedFields('duo-connector.integrations.create', ['secretKey'], unlisted)).toBe(unlisted);
  });
});
