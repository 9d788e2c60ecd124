import { z } from 'zod';

export interface EnvField {
  key: string;
  type: string;
  // The default as written in the environment, or null.
  defaultValue: string | null;
  required: boolean;
  description: string | null;
}

// Reads what the docs need from a zod 4 env schema: defaults and types by walking each key's
// wrappers, "required" by asking the schema itself whether an absent key parses.
export function envFields(schema: z.ZodObject): EnvField[] {
  return Object.entries(schema.shape).map(([key, field]) => {
    const type = field as z.ZodType;
    return {
      key,
      type: typeOf(type),
      defaultValue: defaultOf(type),
      required: !type.safeParse(undefined).success,
      description: descriptionOf(type),
    };
  });
}

function inner(type: z.ZodType): z.ZodType | null {
  if (type instanceof z.ZodDefault || type instanceof z.ZodOptional) return type.unwrap() as z.ZodType;
  if (type instanceof z.ZodPipe) return type.in as z.ZodType;
  return null;
}

function defaultOf(type: z.ZodType): string | null {
  for (let t: z.ZodType | null = type; t; t = inner(t)) {
    if (t instanceof z.ZodDefault) {
      const value: unknown = t.def.defaultValue;
      return typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return null;
}

function descriptionOf(type: z.ZodType): string | null {
  for (let t: z.ZodType | null = type; t; t = inner(t)) if (t.description) return t.description;
  return null;
}

function typeOf(type: z.ZodType): string {
  let t: z.ZodType = type;
  for (let next = inner(t); next; next = inner(t)) t = next;
  if (t instanceof z.ZodEnum) return t.options.map(String).join(' \\| ');
  if (t instanceof z.ZodNumber) {
    const integer = t.format === 'safeint' || t.format === 'int32';
    const range = [t.minValue, t.maxValue].map((v) =>
      v === null || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? '' : String(v),
    );
    const bounds = range[0] || range[1] ? ` ${range[0] ?? ''}…${range[1] ?? ''}` : '';
    return `${integer ? 'integer' : 'number'}${bounds}`;
  }
  if (t instanceof z.ZodBoolean) return 'boolean';
  return 'string';
}
