import type { APIGatewayProxyEvent } from 'aws-lambda';
import { toServiceRequest } from '../../lib/service/lambda';
import { toApiGatewayModelSchema } from '../../lib/service/schemas';
import { configSchema } from '../../lib/engine';
import { dispatchRequestSchema } from '../../lib/service/schemas';

const ENV = { POWERTOOLS_SERVICE_NAME: 'smslint', POWERTOOLS_LOG_LEVEL: 'ERROR', TABLE_NAME: 'smslint-table' };

function loadHandler(entry: 'lint' | 'templates' | 'dispatch', env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let module: { handler: (event: APIGatewayProxyEvent) => Promise<unknown> } | undefined;
    jest.isolateModules(() => {
      module = require(`../../lambdas/${entry}`);
    });
    return module!.handler;
  } finally {
    process.env = saved;
  }
}

function event(overrides: Partial<APIGatewayProxyEvent>): APIGatewayProxyEvent {
  return {
    httpMethod: 'GET',
    path: '/',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {} as APIGatewayProxyEvent['requestContext'],
    resource: '/',
    body: null,
    isBase64Encoded: false,
    ...overrides,
  };
}

describe('Lambda entries', () => {
  test.each([
    ['lint', 'POWERTOOLS_SERVICE_NAME'],
    ['templates', 'TABLE_NAME'],
    ['dispatch', 'TABLE_NAME'],
  ] as const)('%s throws at load when %s is missing', (entry, missing) => {
    const env = { ...ENV, [missing]: '' };
    expect(() => loadHandler(entry, env)).toThrow(`environment variable ${missing} is required`);
  });

  test('the lint handler converts a REST proxy event (base64 body, mixed-case headers) and answers the core result', async () => {
    const handler = loadHandler('lint', ENV);
    const body = JSON.stringify({ template: { locale: 'en', category: 'transactional', body: 'Your parcel arrives on Monday.' } });
    const result = await handler(
      event({ httpMethod: 'POST', path: '/v1/lint', headers: { 'Content-Type': 'application/json' }, body: Buffer.from(body).toString('base64'), isBase64Encoded: true }),
    );
    expect(result).toEqual({
      statusCode: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: expect.stringContaining('"encoding":"GSM-7"'),
    });
  });

  test('a route of another function is 404 in this one', async () => {
    const handler = loadHandler('lint', ENV);
    expect(await handler(event({ httpMethod: 'GET', path: '/v1/templates/a' }))).toMatchObject({ statusCode: 404 });
  });
});

describe('toServiceRequest', () => {
  const arn = 'arn:aws:sts::111122223333:assumed-role/Approvers/alice';
  const withIdentity = (userArn: string | null, headers: Record<string, string> = {}) =>
    toServiceRequest(event({ headers, requestContext: { identity: { userArn } } as unknown as APIGatewayProxyEvent['requestContext'] }));

  test("the principal is the signed caller's ARN from the request context", () => {
    expect(withIdentity(arn).principal).toBe(arn);
  });

  test('an X-Smslint-Principal header names nobody in AWS: no ARN, no principal', () => {
    expect(withIdentity(arn, { 'X-Smslint-Principal': 'someone-else' }).principal).toBe(arn);
    expect(withIdentity(null, { 'X-Smslint-Principal': 'someone-else' }).principal).toBeNull();
  });

  test('an IAM caller carries no groups: its policy decided what it may call', () => {
    expect(withIdentity(arn)).not.toHaveProperty('groups');
  });

  describe('through the Cognito authorizer', () => {
    /** The request context API Gateway builds from a verified ID token (IAM identity fields are null there). */
    const withClaims = (claims: Record<string, string>, headers: Record<string, string> = {}) =>
      toServiceRequest(event({ headers, requestContext: { identity: { userArn: null }, authorizer: { claims } } as unknown as APIGatewayProxyEvent['requestContext'] }));
    const alice = { sub: '8f1c2d3e-0000-4000-8000-000000000001', 'cognito:username': 'alice.martin', email: 'alice@example.com' };

    test('the principal is cognito:<username>, whatever the headers say', () => {
      expect(withClaims(alice, { 'X-Smslint-Principal': 'someone-else' })).toMatchObject({ principal: 'cognito:alice.martin', groups: [] });
    });

    test.each([
      ['one group', 'writers', ['writers']],
      ['several, as REST APIs write them', 'writers,approvers', ['writers', 'approvers']],
      ['several, as HTTP APIs write arrays', '[approvers senders]', ['approvers', 'senders']],
    ])('cognito:groups with %s', (_name, groups, expected) => {
      expect(withClaims({ ...alice, 'cognito:groups': groups }).groups).toEqual(expected);
    });

    test('claims without a username name nobody: nothing is recorded as someone', () => {
      expect(withClaims({ sub: alice.sub, 'cognito:groups': 'writers' })).toMatchObject({ principal: null, groups: ['writers'] });
    });
  });
});

describe('toApiGatewayModelSchema', () => {
  test('turns draft 2020 keywords into draft 4 and drops $id', () => {
    const model = toApiGatewayModelSchema(configSchema);
    expect(model.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(model).not.toHaveProperty('$id');
    const rules = (model.properties as Record<string, { additionalProperties: { anyOf: unknown[] } }>).rules;
    expect(rules.additionalProperties.anyOf[1]).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: [{ type: 'string', enum: ['off', 'warn', 'error'] }, { type: 'object' }],
      additionalItems: false,
    });
  });

  test('drops what draft 4 cannot say and converts const and exclusive bounds', () => {
    expect(toApiGatewayModelSchema({ $id: 'x', type: 'object', propertyNames: { maxLength: 3 }, properties: { a: { const: 1 }, b: { exclusiveMinimum: 0 } } })).toEqual({
      $schema: 'http://json-schema.org/draft-04/schema#',
      type: 'object',
      properties: { a: { enum: [1] }, b: { minimum: 0, exclusiveMinimum: true } },
    });
    const dispatch = toApiGatewayModelSchema(dispatchRequestSchema);
    expect((dispatch.properties as Record<string, object>).variables).toEqual({ type: 'object', description: expect.any(String) });
  });
});
