import { changesOf, draftOf, inputOf } from './psa-drafts';
import { isSynced } from './psa-kinds';
import { psaConnectionView } from './test-fixtures';

const HALO = psaConnectionView({
  kind: 'halopsa',
  siteUrl: null,
  companyId: null,
  publicKey: null,
  clientId: null,
  settings: { resourceUrl: 'https://acme.halopsa.com/api', authUrl: 'https://acme.halopsa.com/auth', clientId: 'c1' },
});

describe('PSA connection drafts', () => {
  it("creates a HaloPSA body without the optional fields left empty, so the API's defaults apply", () => {
    expect(
      inputOf({
        kind: 'halopsa',
        name: 'Halo',
        fields: { resourceUrl: ' https://acme.halopsa.com/api ', clientId: 'c1', clientSecret: ' s ', authUrl: '' },
      }),
    ).toEqual({
      kind: 'halopsa',
      name: 'Halo',
      resourceUrl: 'https://acme.halopsa.com/api',
      clientId: 'c1',
      // A secret is sent as typed.
      clientSecret: ' s ',
    });
  });

  it('edits from the stored settings, sending only changed fields and a secret only when typed', () => {
    if (!isSynced(HALO)) throw new Error('fixture is a synced connection');
    const draft = draftOf(HALO);
    expect(draft.fields).toEqual({
      resourceUrl: 'https://acme.halopsa.com/api',
      authUrl: 'https://acme.halopsa.com/auth',
      clientId: 'c1',
      tenant: '',
    });
    expect(changesOf(HALO, draft)).toEqual({});
    expect(changesOf(HALO, { ...draft, fields: { ...draft.fields, tenant: 'acme', clientSecret: 'new' } })).toEqual({
      tenant: 'acme',
      clientSecret: 'new',
    });
    // An optional field emptied is left alone: the API cannot unset it.
    expect(changesOf(HALO, { ...draft, fields: { ...draft.fields, authUrl: '' } })).toEqual({});
  });

  it("edits ConnectWise from the connection's own fields", () => {
    const cw = psaConnectionView();
    if (!isSynced(cw)) throw new Error('fixture is a synced connection');
    const draft = draftOf(cw);
    expect(draft.fields).toEqual({
      siteUrl: 'https://na.myconnectwise.net',
      companyId: 'acmemsp',
      clientId: 'client-1',
      publicKey: 'pubkey1',
    });
    expect(changesOf(cw, { ...draft, name: 'CW EU', fields: { ...draft.fields, companyId: 'acmeeu' } })).toEqual({
      name: 'CW EU',
      companyId: 'acmeeu',
    });
  });
});
