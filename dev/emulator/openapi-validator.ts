/**
 * Validates requests and responses against Atlassian's Jira Cloud platform OpenAPI spec
 * (../shared/openapi). Concrete paths are matched to the spec's templated paths; schemas are
 * compiled lazily per operation, so loading stays cheap.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEFAULT_SPEC = resolve(__dirname, '../../../shared/openapi/jira-platform-swagger-v3.v3.json');

interface Parameter { name: string; in: string; required?: boolean; schema?: { type?: string } }
interface Operation {
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { parameters?: Record<string, Parameter> };
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

export function createSpecValidator(specPath = DEFAULT_SPEC) {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec & {
    components?: { schemas?: Record<string, unknown> };
  };
  // `JsonNode` describes Jackson's Java class, not the JSON it carries: the spec's own examples
  // (any property value) violate it. It means "any JSON value" on the wire.
  if (spec.components?.schemas?.JsonNode) spec.components.schemas.JsonNode = {};
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(spec as object, 'jira');
  const templates = Object.keys(spec.paths)
    .map((p) => ({
      template: p,
      re: new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literal: p.replace(/\{[^}]+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal);
  const cache = new Map<string, ValidateFunction | null>();

  const templateOf = (path: string) =>
    templates.find((t) => t.re.test(path.split('?')[0]!))?.template ?? null;

  function validatorFor(pointer: string): ValidateFunction | null {
    if (!cache.has(pointer)) {
      try {
        cache.set(pointer, ajv.compile({ $ref: `jira#${pointer}` }));
      } catch {
        cache.set(pointer, null);
      }
    }
    return cache.get(pointer)!;
  }

  /** Every error ajv found, not only the first. */
  const parameterOf = (p: Parameter | { $ref: string }): Parameter | undefined =>
    ('$ref' in p ? spec.components?.parameters?.[p.$ref.split('/').pop()!] : p);

  /** Query parameters the operation does not document, required ones missing, and numbers that are not. */
  function queryErrors(method: string, template: string, op: Operation, query: URLSearchParams): string[] {
    const params = (op.parameters ?? [])
      .map(parameterOf)
      .filter((p): p is Parameter => !!p && p.in === 'query');
    const errors: string[] = [];
    for (const name of new Set(query.keys())) {
      const p = params.find((x) => x.name === name);
      if (!p) errors.push(`${method} ${template} request: query parameter "${name}" is not in the spec`);
      else if (p.schema?.type === 'integer' && query.getAll(name).some((v) => !/^-?\d+$/.test(v)))
        errors.push(`${method} ${template} request: query parameter "${name}" must be an integer`);
    }
    for (const p of params)
      if (p.required && !query.has(p.name))
        errors.push(`${method} ${template} request: required query parameter "${p.name}" is missing`);
    return errors;
  }

  /**
   * Header parameters the operation requires but the request lacks (the spec documents no response headers).
   */
  function headerErrors(
    method: string,
    template: string,
    op: Operation,
    headers: Record<string, unknown>,
  ): string[] {
    const params = (op.parameters ?? [])
      .map(parameterOf)
      .filter((p): p is Parameter => !!p && p.in === 'header');
    return params
      .filter((p) => p.required && headers[p.name.toLowerCase()] === undefined)
      .map((p) => `${method} ${template} request: required header "${p.name}" is missing`);
  }

  const describe = (v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');

  return {
    templateOf,
    /** Whether the spec documents this method on this templated path. */
    hasOperation: (method: string, template: string) => !!spec.paths[template]?.[method.toLowerCase()],
    /** Errors for a request sent to this operation: its query parameters and its body (empty when valid). */
    validateRequest(
      method: string,
      path: string,
      body: unknown,
      query?: URLSearchParams,
      headers?: Record<string, unknown>,
    ): string[] {
      const t = templateOf(path);
      if (!t) return [`${method} ${path}: no such path in the spec`];
      const op = spec.paths[t]![method.toLowerCase()];
      if (!op) return [`${method} ${t}: no such operation in the spec`];
      const errors = [
        ...(query ? queryErrors(method, t, op, query) : []),
        ...(headers ? headerErrors(method, t, op, headers) : []),
      ];
      if (body === undefined || !op.requestBody?.content?.['application/json']) return errors;
      const v = validatorFor(
        `/paths/${escape(t)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`,
      );
      return v && !v(body) ? [...errors, `${method} ${t} request: ${describe(v)}`] : errors;
    },
    /** Errors for a response of this operation (empty when valid or when the spec gives no schema). */
    validateResponse(method: string, path: string, status: number, body: unknown): string[] {
      const t = templateOf(path);
      if (!t) return [`${method} ${path}: no such path in the spec`];
      const op = spec.paths[t]![method.toLowerCase()];
      if (!op) return [`${method} ${t}: no such operation in the spec`];
      const response = op.responses?.[String(status)] ?? op.responses?.default;
      if (!response) return [`${method} ${t}: status ${status} is not documented`];
      if (!response.content?.['application/json'] || body === undefined || body === '') return [];
      const documented = response === op.responses?.default ? 'default' : status;
      const responsePath = `/paths/${escape(t)}/${method.toLowerCase()}/responses/${documented}`;
      const v = validatorFor(`${responsePath}/content/application~1json/schema`);
      return v && !v(body) ? [`${method} ${t} ${status}: ${describe(v)}`] : [];
    },
  };
}
