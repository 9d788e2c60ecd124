import type { paths } from './schema.gen';

// Types of the gateway's answers, read from the generated OpenAPI types rather than written again.
type Success<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export type ResponseOf<P extends keyof paths, M extends 'get' | 'post' | 'patch' | 'put' | 'delete'> = Success<
  paths[P][M]
>;

export type ItemOf<P extends keyof paths> = ResponseOf<P, 'get'> extends { items: (infer I)[] } ? I : never;

export type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type BodyOf<P extends keyof paths, M extends 'post' | 'patch' | 'put' | 'delete'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
