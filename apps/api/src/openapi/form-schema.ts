import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Field } from '@hardtech/domain';

/** OpenAPI for a payload described by the domain's form language, so the docs cannot drift. */
export function formSchema(fields: Field[]): SchemaObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: fields.filter((f) => f.required).map((f) => f.name),
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f)])),
  };
}

function fieldSchema(f: Field): SchemaObject {
  const description = `${f.label.zh} (${f.label.en})`;
  const nullable = f.nullable ? { nullable: true } : {};
  switch (f.kind) {
    case 'text':
      return {
        type: 'string',
        maxLength: f.maxLength,
        minLength: f.minLength,
        pattern: f.pattern,
        description,
        ...nullable,
      };
    case 'integer':
      return {
        type: 'integer',
        minimum: f.min,
        maximum: f.max,
        description: f.unit === 'yuan' ? `${description}, integer yuan` : description,
      };
    case 'number':
      return { type: 'number', minimum: f.min, maximum: f.max, description };
    case 'duration': {
      const iso: SchemaObject = { type: 'string', example: 'P10D', description: 'ISO 8601 duration' };
      if (!f.workingDays) return { ...iso, description: `${description}, ISO 8601 duration` };
      const days: SchemaObject = {
        type: 'object',
        properties: { workingDays: { type: 'integer', minimum: 1, maximum: 365 } },
        required: ['workingDays'],
        additionalProperties: false,
      };
      return { oneOf: [iso, days], description };
    }

    case 'boolean':
      return { type: 'boolean', description };

    case 'enum':
      return { type: 'string', enum: f.options.map((o) => o.value), description, ...nullable };
    case 'date':
      return { type: 'string', format: 'date', description };
    case 'quarter':
      return { type: 'string', pattern: '^\\d{4}Q[1-4]$', example: '2026Q3', description };
    case 'ref':
      return { type: 'string', description: `${description}, ${f.ref}` };
    case 'object':
      return { ...formSchema(f.fields), description };
    case 'list':
      return {
        type: 'array',
        maxItems: f.maxItems,
        minItems: f.minItems,
        items: formSchema(f.item),
        description,
      };
    case 'record':
      return {
        type: 'object',
        description,
        properties: Object.fromEntries(f.keys.map((k) => [k.value, formSchema(f.value)])),
        additionalProperties: false,
      };
  }
}
