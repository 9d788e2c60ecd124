import { z } from 'zod';

// The fields of ConnectWise's models that reconciliation reads. CW omits null members, so most are optional;
// unknown members are ignored.
const info = z.object({ lastUpdated: z.string().optional() }).optional();
const ref = z.object({ id: z.number().int() });

export const cwCompanySchema = z.object({
  id: z.number().int(),
  identifier: z.string().optional(),
  name: z.string(),
  _info: info,
});
export const cwProductSchema = z.object({
  id: z.number().int(),
  identifier: z.string().optional(),
  description: z.string().optional(),
  price: z.number().optional(),
  _info: info,
});
export const cwAgreementSchema = z.object({
  id: z.number().int(),
  name: z.string().optional(),
  company: ref,
  cancelledFlag: z.boolean().optional(),
  agreementStatus: z.string().optional(),
  currency: z.object({ currencyCode: z.string().optional() }).optional(),
  _info: info,
});
export const cwAdditionSchema = z.object({
  id: z.number().int(),
  product: ref,
  quantity: z.number(),
  unitPrice: z.number().optional(),
  cancelledDate: z.string().nullable().optional(),
  agreementId: z.number().int().optional(),
  _info: info,
});
export const cwCountSchema = z.object({ count: z.number().int() });

export type CwAddition = z.infer<typeof cwAdditionSchema>;
