import { z } from 'zod';

// The fields of Autotask's entities that reconciliation reads. Autotask answers nulls; unknown members are ignored.
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const atZoneSchema = z.object({ url: z.url() });
export const atThresholdSchema = z.object({
  externalRequestThreshold: z.number().int().positive(),
  currentTimeframeRequestCount: z.number().int().min(0),
});
export const atPageSchema = z.object({
  items: z.array(z.unknown()),
  pageDetails: z.object({ nextPageUrl: maybe(z.string()) }),
});
export const atCountSchema = z.object({ queryCount: z.number().int() });
export const atItemSchema = z.object({ item: z.unknown() });
export const atCreatedSchema = z.object({ itemId: z.number().int() });

export const atCompanySchema = z.object({
  id: z.number().int(),
  companyName: z.string(),
  companyNumber: maybe(z.string()),
  lastTrackedModifiedDateTime: maybe(z.string()),
});
export const atServiceSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  unitPrice: maybe(z.number()),
  lastModifiedDate: maybe(z.string()),
});
export const atContractSchema = z.object({
  id: z.number().int(),
  companyID: z.number().int(),
  contractName: maybe(z.string()),
  contractType: z.number().int(),
  status: z.number().int(),
  endDate: maybe(z.string()),
  lastModifiedDateTime: maybe(z.string()),
});
export const atContractServiceSchema = z.object({
  id: z.number().int(),
  contractID: z.number().int(),
  serviceID: z.number().int(),
  unitPrice: maybe(z.number()),
  adjustedPrice: maybe(z.number()),
});
export const atUnitSchema = z.object({
  id: z.number().int(),
  contractServiceID: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  units: z.number(),
});
export const atCurrencySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  isInternalCurrency: maybe(z.boolean()),
});

export type AtContract = z.infer<typeof atContractSchema>;
export type AtContractService = z.infer<typeof atContractServiceSchema>;
export type AtUnit = z.infer<typeof atUnitSchema>;
