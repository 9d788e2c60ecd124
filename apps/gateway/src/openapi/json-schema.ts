import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

// A zod schema as an OpenAPI 3.1 (JSON Schema 2020-12) schema: requests as they are sent (input),
// responses as they are answered (output).
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

// The fields of an object schema (query or path parameters), each with whether it may be left out.
export function objectFields(schema: z.ZodType | undefined): { name: string; schema: z.ZodType; required: boolean }[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    schema: field,
    required: !field.safeParse(undefined).success,
  }));
}
