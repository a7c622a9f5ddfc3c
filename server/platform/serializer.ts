/**
 * Every response is checked against its contract before it is sent: a field the contract does not name,
 * or a value of another type, is a 500 and nothing is sent (the portal's search must never carry a
 * director or an enrolment). fastify-type-provider-zod's own compiler checks by *encoding* (the codec
 * direction), which zod runs on its interpreted path: ≈ 100–140 µs for a page of 20 public institutions,
 * against ≈ 60 µs parsing it on zod's compiled path (bench/public-search.ts, issue 15). The contracts have
 * no codecs or transforms, so parsing makes the same check with the same result — and this compiler
 * refuses, when a route is registered, a response schema that has one (it would need encoding).
 */
import type { FastifySerializerCompiler } from 'fastify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

function resolveSchema(schema: unknown): $ZodType {
  if (schema instanceof $ZodType) return schema;
  if (
    typeof schema === 'object' &&
    schema !== null &&
    'properties' in schema &&
    schema.properties instanceof $ZodType
  )
    return schema.properties;
  throw new InvalidSchemaError(JSON.stringify(schema));
}

/** The first codec, transform or pipe inside `schema` (its path), or null: parse ≠ encode there. */
export function directionalPart(schema: $ZodType, path = '', seen = new Set<$ZodType>()): string | null {
  if (seen.has(schema)) return null;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (def.type === 'pipe' || def.type === 'transform') return path || '(root)';
  for (const [k, v] of Object.entries(def)) {
    const children =
      v instanceof $ZodType
        ? [[k, v] as const]
        : Array.isArray(v)
          ? v.flatMap((x, i) => (x instanceof $ZodType ? [[`${k}[${i}]`, x] as const] : []))
          : typeof v === 'object' && v !== null && k === 'shape'
            ? Object.entries(v).flatMap(([f, x]) => (x instanceof $ZodType ? [[f, x] as const] : []))
            : [];
    for (const [name, child] of children) {
      const found = directionalPart(child, `${path}.${name}`, seen);
      if (found) return found;
    }
  }
  // z.lazy: its getter is the only way in.
  if (def.type === 'lazy' && typeof def.getter === 'function') {
    const inner = (def.getter as () => unknown)();
    if (inner instanceof $ZodType) return directionalPart(inner, `${path}.lazy`, seen);
  }
  return null;
}

export const serializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const s = resolveSchema(schema);
  const part = directionalPart(s);
  if (part)
    throw new Error(
      `${method} ${url}: its response schema has a codec or transform at ${part}; the serializer checks by parsing (server/platform/serializer.ts)`,
    );
  return (data: unknown) => {
    const result = safeParse(s, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
