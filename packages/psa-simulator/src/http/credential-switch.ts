import { z } from 'zod';

// How the simulated PSA treats the (otherwise correct) credentials: accepted, or refused as revoked API keys (401)
// or as keys whose role lost access (403). Every dialect checks it right after its own authentication, so a
// refusal answers in that PSA's shape, and nothing random is involved (a spec flips it and sees the next call fail).
export const credentialStateSchema = z
  .object({
    revoked: z.boolean(),
    // What a refused call answers; 401 (keys revoked) unless 403 (access removed) is asked for.
    status: z.union([z.literal(401), z.literal(403)]).default(401),
  })
  .strict();
export type CredentialStateInput = z.input<typeof credentialStateSchema>;
export type CredentialState = z.output<typeof credentialStateSchema>;

export class CredentialSwitch {
  private current: CredentialState = { revoked: false, status: 401 };

  set(state: CredentialState): void {
    this.current = { ...state };
  }

  state(): CredentialState {
    return { ...this.current };
  }

  // The status every authenticated call answers while refused; null while the credentials work.
  refusal(): 401 | 403 | null {
    return this.current.revoked ? this.current.status : null;
  }
}
