// The API's requests and answers by path and method, from schema.d.ts (generated from the API's
// OpenAPI document by `npm run api:types`): a page that reads a field the API does not answer, or
// sends a query parameter or body it does not accept, fails the type check.
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Paths as the client names them: under /api, without the prefix (`/tasks/{id}`). */
export type ApiPath = keyof paths extends infer P ? (P extends `/api${infer R}` ? R : never) : never;
type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[`/api${P}` & keyof paths][M]>;
/** The paths that answer `method`. */
export type PathOf<M extends Method> = {
  [P in ApiPath]: [Operation<P, M>] extends [never] ? never : P;
}[ApiPath];

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type Success<Rs> = Rs[Extract<keyof Rs, 200 | 201 | 202 | 204>];
/** The JSON body of the success answer. */
export type Answer<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer Rs } ? Json<Success<Rs>> : never;
/** The JSON request body. */
export type Body<P extends ApiPath, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query parameters. */
export type QueryOf<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The `{name}` parameters of the path. */
export type PathParams<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { path: infer A } } ? A : Record<string, never>;

/** The document's "object" (`{ [key: string]: unknown }`) as `object`, so that an interface fits it. */
type Open<T> = T extends { [key: string]: unknown } ? (string extends keyof T ? object : T) : T;
/** An answer whose "object" fields take any object type: what a page's narrower view must fit. */
export type Loose<A> = { [K in keyof A]: Open<A[K]> };

/**
 * A page's own, narrower view of an answer: the fields in `R` replace the answer's (e.g. a form the
 * domain types precisely, where the document says "object"); `R` may only name fields the answer
 * has, each of a type that fits the answer's.
 */
export type Refine<A, R extends { [K in keyof R]: K extends keyof A ? Open<A[K]> : never }> = Omit<
  A,
  keyof R
> &
  R;

/** `path` with its `{name}` parameters filled in, each encoded. */
export function fillPath(path: string, params: object = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, unknown>)[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}
