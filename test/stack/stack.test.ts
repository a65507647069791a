import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import { dispatchRoutes } from '../../lib/service/dispatch-routes';
import { configRoutes, defaultServiceConfig } from '../../lib/service/config';
import { healthRoutes } from '../../lib/service/health-routes';
import { lintRoutes } from '../../lib/service/lint-routes';
import { reviewRoutes } from '../../lib/service/review-routes';
import { templateRoutes } from '../../lib/service/template-routes';
import { DeployGateError } from '../../lib/stack/deploy-gate';
import { SmslintStack } from '../../lib/stack/smslint-stack';
import { emptyTemplatesDir } from './no-templates';
import type { ServiceApi } from '../../lib/stack/api';
import type { ServiceFunction } from '../../lib/stack/service-function';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let stack: SmslintStack;
let template: Template;

const noTemplates = emptyTemplatesDir();
afterAll(() => noTemplates.remove());

/** A team config beside the templates: the stack finds it as the CLI would and ships it in each bundle. */
const teamConfig = { allowedDomains: ['telvo.uk'], segmentLimits: { transactional: 1 } };
let assemblyDir: string;

beforeAll(() => {
  writeFileSync(join(noTemplates.dir, 'smslint.config.json'), JSON.stringify(teamConfig));
  // Asset metadata names each bundle's folder in the assembly, where its code is read back.
  const app = new App({ context: { 'aws:cdk:enable-asset-metadata': true } });
  stack = new SmslintStack(app, 'Smslint', { templatesDir: noTemplates.dir });
  template = Template.fromStack(stack);
  assemblyDir = app.synth().directory;
});

/** A function's asset folder in the assembly: its code as deployed. */
const assetDirOf = (fn: ServiceFunction) => join(assemblyDir, (fn.function.node.defaultChild as CfnFunction).getMetadata('aws:asset:path'));
const bundleOf = (fn: ServiceFunction) => readFileSync(join(assetDirOf(fn), 'index.js'), 'utf8');

const logicalId = (fn: ServiceFunction) => stack.getLogicalId(fn.function.node.defaultChild as CfnFunction);
const roleId = (fn: ServiceFunction) => stack.getLogicalId(fn.function.role!.node.defaultChild as CfnRole);

/** Every statement of every policy attached to the function's role. */
function statementsOf(fn: ServiceFunction): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId(fn) }] } });
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

function actionsOf(fn: ServiceFunction, effect: Statement['Effect'] = 'Allow'): string[] {
  return statementsOf(fn)
    .filter((statement) => statement.Effect === effect)
    .flatMap((statement) => [statement.Action].flat())
    .sort();
}

describe('the table', () => {
  test('is on demand, with point-in-time recovery, deletion protection and encryption at rest, keyed pk/sk', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      },
    });
  });
});

describe('the functions', () => {
  test('run Node.js 22 on arm64 with reserved concurrency, tracing, their own log group and Powertools settings', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    expect(Object.keys(functions).sort()).toEqual([stack.dispatch, stack.lint, stack.templates, stack.web!].map(logicalId).sort());
    for (const { Properties } of Object.values(functions)) {
      expect(Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        ReservedConcurrentExecutions: expect.any(Number),
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'smslint', POWERTOOLS_LOG_LEVEL: 'INFO' } },
      });
    }
  });

  test('the lint and web functions are not told where the table is; the others are', () => {
    const variables = (fn: ServiceFunction) =>
      template.findResources('AWS::Lambda::Function')[logicalId(fn)].Properties.Environment.Variables as Record<string, unknown>;
    expect(variables(stack.lint)).not.toHaveProperty('TABLE_NAME');
    expect(variables(stack.web!)).not.toHaveProperty('TABLE_NAME');
    expect(variables(stack.templates).TABLE_NAME).toEqual({ Ref: stack.getLogicalId(stack.table.node.defaultChild as never) });
    expect(variables(stack.dispatch).TABLE_NAME).toEqual(variables(stack.templates).TABLE_NAME);
  });

  test('every log group has a retention period', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBe(6); // four functions + the access logs of the two APIs
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('the credentials of the functions that call AWS', () => {
  test("come from the environment Lambda sets, without the default chain's profiles, SSO, web identity and container sources", () => {
    for (const fn of [stack.templates, stack.dispatch]) {
      const bundle = bundleOf(fn);
      expect(bundle).toContain('AWS_SECRET_ACCESS_KEY');
      expect(bundle).not.toMatch(/sso_start_url|AWS_WEB_IDENTITY_TOKEN_FILE|AWS_CONTAINER_CREDENTIALS_FULL_URI/);
    }
  });
});

describe('the runtime compilers and the locale models', () => {
  test("are left out of the bundles that lint, and carried beside each, where the bundle's require finds them", () => {
    const englishWeights = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'lib', 'engine', 'locales', 'en', 'tone-model.json'), 'utf8')) as { weights: string }).weights;
    for (const fn of [stack.lint, stack.templates, stack.dispatch]) {
      expect(readdirSync(assetDirOf(fn)).sort()).toEqual(['en', 'fr', 'index.js', 'runtime-compilers.js']);
      expect(readdirSync(join(assetDirOf(fn), 'en')).sort()).toEqual(['dictionary.json', 'spam-model.json', 'tone-model.json']);
      expect(readdirSync(join(assetDirOf(fn), 'fr')).sort()).toEqual(['dictionary.json', 'tone-model.json']);
      expect(readFileSync(join(assetDirOf(fn), 'en', 'tone-model.json'), 'utf8')).toContain(englishWeights);
      expect(bundleOf(fn)).toContain('require("./runtime-compilers")');
      expect(bundleOf(fn)).toContain('require("./fr/tone-model.json")');
      expect(bundleOf(fn)).not.toContain(englishWeights.slice(0, 64));
      // An error message of RE2JS's parser and one of ajv's compiler.
      expect(bundleOf(fn)).not.toMatch(/missing closing \)|schema with key or id/);
    }
  });

  test("the lint function as deployed, in a fresh process as Lambda starts one, checks a variable's pattern with them", () => {
    const lintWithPattern = `
      const { handler } = require(process.argv[1]);
      const lint = (pattern) => handler({
        httpMethod: 'POST', path: '/v1/lint', headers: { 'content-type': 'application/json' }, requestContext: {},
        body: JSON.stringify({ template: {
          locale: 'en', category: 'transactional', sender: 'Acme', body: 'Acme: your code is {{code}}. It expires in 10 minutes.',
          variables: { type: 'object', properties: { code: { type: 'string', pattern } } },
        } }),
      });
      Promise.all([lint('^[0-9]{6}$'), lint('^(a)\\\\1$')]).then((responses) => console.log(JSON.stringify(responses)));`;
    const run = spawnSync(process.execPath, ['-e', lintWithPattern, join(assetDirOf(stack.lint), 'index.js')], {
      env: { PATH: process.env.PATH, POWERTOOLS_SERVICE_NAME: 'smslint', POWERTOOLS_LOG_LEVEL: 'ERROR' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const [linear, backreference] = JSON.parse(run.stdout) as { statusCode: number; body: string }[];
    expect(linear.statusCode).toBe(200);
    expect(backreference.statusCode).toBe(400);
    expect(JSON.parse(backreference.body).error.details).toEqual([
      { path: '/template/variables/properties/code/pattern', message: expect.stringContaining('backreferences and lookaround are not supported') },
    ]);
  });
  test('the lint function as deployed, in a fresh process, decides with the models beside it', () => {
    const lintBoth = `
      const { handler } = require(process.argv[1]);
      const lint = (template) => handler({ httpMethod: 'POST', path: '/v1/lint', headers: { 'content-type': 'application/json' }, requestContext: {}, body: JSON.stringify({ template }) });
      Promise.all([
        lint({ locale: 'fr', category: 'transactional', sender: 'Acme', body: 'Acme : rappelez-nous immédiatement au 0102030405.' }),
        lint({ locale: 'en', category: 'promotional', sender: 'Acme', body: 'Acme: WINNER! You have won a £1000 prize. Call 09061701461 now to claim. Reply STOP to opt out' }),
      ]).then((responses) => console.log(JSON.stringify(responses)));`;
    const run = spawnSync(process.execPath, ['-e', lintBoth, join(assetDirOf(stack.lint), 'index.js')], {
      env: { PATH: process.env.PATH, POWERTOOLS_SERVICE_NAME: 'smslint', POWERTOOLS_LOG_LEVEL: 'ERROR' },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const [french, english] = (JSON.parse(run.stdout) as { statusCode: number; body: string }[]).map((response) => {
      expect(response.statusCode).toBe(200);
      return (JSON.parse(response.body) as { findings: { ruleId: string; confidence?: number }[] }).findings;
    });
    // Each confidence is a model's (tone-model.json, spam-model.json), read from the files beside the bundle.
    expect(french.filter((finding) => finding.confidence !== undefined).map((finding) => finding.ruleId).sort()).toEqual(['directive-tone', 'directive-tone', 'missing-consequence', 'missing-rationale']);
    expect(english.filter((finding) => finding.confidence !== undefined).map((finding) => finding.ruleId).sort()).toEqual(['directive-tone', 'directive-tone', 'spam-likeness']);
  });
});

describe('least privilege', () => {
  test.each(['lint', 'web'] as const)('the %s function may only write its logs and traces', (name) => {
    expect(actionsOf(stack[name]!)).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  test('the templates function reads and writes items, and sends nothing', () => {
    const actions = actionsOf(stack.templates);
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect(actions.filter((action) => action.startsWith('sns:'))).toEqual([]);
  });

  test('the dispatch function reads, writes and updates items and publishes SMS, but not to topics', () => {
    const actions = actionsOf(stack.dispatch);
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual([
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(statementsOf(stack.dispatch)).toEqual(
      expect.arrayContaining([
        { Effect: 'Allow', Action: 'sns:Publish', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': { Ref: 'AWS::Region' } } } },
        { Effect: 'Deny', Action: 'sns:Publish', Resource: 'arn:*:sns:*:*:*' },
      ]),
    );
  });

  test('only the dispatch function may use the idempotency HMAC key, and only to make MACs', () => {
    const keyArn = { 'Fn::GetAtt': [stack.getLogicalId(stack.idempotencyKey.node.defaultChild as never), 'Arn'] };
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: { KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' },
    });
    expect(statementsOf(stack.dispatch).filter((s) => [s.Action].flat().some((a) => a.startsWith('kms:')))).toEqual([
      { Effect: 'Allow', Action: 'kms:GenerateMac', Resource: keyArn },
    ]);
    for (const fn of [stack.lint, stack.templates, stack.web!]) expect(actionsOf(fn).filter((action) => action.startsWith('kms:'))).toEqual([]);
    const variables = template.findResources('AWS::Lambda::Function')[logicalId(stack.dispatch)].Properties.Environment.Variables;
    expect(variables.IDEMPOTENCY_KEY_ARN).toEqual(keyArn);
  });

  test('table grants name the table, and no function may scan, delete or act on the whole table', () => {
    const tableArn = { 'Fn::GetAtt': [stack.getLogicalId(stack.table.node.defaultChild as never), 'Arn'] };
    for (const fn of [stack.templates, stack.dispatch]) {
      const tableStatements = statementsOf(fn).filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
      expect(tableStatements.map((s) => s.Resource)).toEqual([[tableArn]]);
    }
    const everyAction = [stack.lint, stack.templates, stack.dispatch, stack.web!].flatMap((fn) => actionsOf(fn));
    for (const forbidden of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:*', 'sns:*', '*']) {
      expect(everyAction).not.toContain(forbidden);
    }
  });
});

describe('the API', () => {
  const routes = [
    ['POST', '/v1/lint', 'lint'],
    ['POST', '/v1/lint/batch', 'lint'],
    ['GET', '/v1/config', 'lint'],
    ['GET', '/v1/openapi.json', 'lint'],
    ['PUT', '/v1/templates/{templateId}', 'templates'],
    ['GET', '/v1/templates/{templateId}', 'templates'],
    ['DELETE', '/v1/templates/{templateId}', 'templates'],
    ['GET', '/v1/templates', 'templates'],
    ['GET', '/v1/templates/{templateId}/dispatches', 'templates'],
    ['GET', '/v1/health', 'templates'],
    ['GET', '/v1/templates/{templateId}/versions', 'templates'],
    ['GET', '/v1/templates/{templateId}/versions/{version}', 'templates'],
    ['POST', '/v1/templates/{templateId}/versions/{version}/approval', 'templates'],
    ['POST', '/v1/templates/{templateId}/versions/{version}/relint', 'templates'],
    ['POST', '/v1/templates/{templateId}/versions/{version}/retire', 'templates'],
    ['POST', '/v1/templates/{templateId}/dispatch', 'dispatch'],
  ] as const;
  const apis = { 'the IAM API': () => stack.api, "the people's API": () => stack.pageApi };
  const methodsOf = (api: ServiceApi) =>
    Object.values(template.findResources('AWS::ApiGateway::Method', { Properties: { RestApiId: { Ref: stack.getLogicalId(api.api.node.defaultChild as never) } } }));

  test('every method of the IAM API requires a SigV4 signature and goes through the request validator', () => {
    const methods = methodsOf(stack.api);
    expect(methods).toHaveLength(routes.length);
    for (const { Properties } of methods) {
      expect(Properties.AuthorizationType).toBe('AWS_IAM');
      expect(Properties.RequestValidatorId).toEqual({ Ref: stack.getLogicalId(stack.api.api.node.findChild('Validator').node.defaultChild as never) });
    }
    template.resourcePropertiesCountIs('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true }, 2);
  });

  test("the people's API has the same routes and the page, each through its request validator", () => {
    const methods = methodsOf(stack.pageApi);
    expect(methods).toHaveLength(routes.length + 1);
    for (const { Properties } of methods) {
      expect(Properties.RequestValidatorId).toEqual({ Ref: stack.getLogicalId(stack.pageApi.api.node.findChild('Validator').node.defaultChild as never) });
    }
  });

  test('GET / of the people\'s API is served by the web function', () => {
    const node = stack.pageApi.api.root.node.findChild('GET');
    const cfn = template.findResources('AWS::ApiGateway::Method')[stack.getLogicalId(node.node.defaultChild as never)];
    expect(JSON.stringify(cfn.Properties.Integration.Uri)).toContain(logicalId(stack.web!));
    expect(stack.api.api.root.node.tryFindChild('GET')).toBeUndefined();
  });

  test("the API routes to each function exactly the routes its handler serves", () => {
    // The route tables only need their dependencies when a request comes in.
    const served = {
      lint: [...lintRoutes(), ...configRoutes(defaultServiceConfig)],
      templates: [
        ...templateRoutes({ store: {} as never, now: () => new Date() }),
        ...reviewRoutes({ store: {} as never, now: () => new Date() }),
        ...healthRoutes({} as never, {} as never),
      ],
      dispatch: dispatchRoutes({ store: {} as never, publisher: {} as never, logger: {} as never, now: () => new Date(), newId: () => '', requestMac: {} as never }),
    };
    for (const [fn, handlerRoutes] of Object.entries(served)) {
      expect(handlerRoutes.map((route) => `${route.method} ${route.pattern}`).sort()).toEqual(
        routes.filter((route) => route[2] === fn).map(([method, path]) => `${method} ${path}`).sort(),
      );
    }
  });

  describe.each(Object.entries(apis))('%s', (_name, apiOf) => {
    test.each(routes)('%s %s is served by the %s function', (method, path, fn) => {
      const node = apiOf().api.root.resourceForPath(path).node.findChild(method);
      const cfn = template.findResources('AWS::ApiGateway::Method')[stack.getLogicalId(node.node.defaultChild as never)];
      expect(JSON.stringify(cfn.Properties.Integration.Uri)).toContain(logicalId(stack[fn]));
      const pathParameters = [...path.matchAll(/\{(\w+)\}/g)].map((match) => `method.request.path.${match[1]}`);
      for (const parameter of pathParameters) expect(cfn.Properties.RequestParameters[parameter]).toBe(true);
    });
  });

  test('request bodies are checked against models made from the handlers own JSON Schemas', () => {
    const modelOf = (path: string, method: string) => {
      const node = stack.api.api.root.resourceForPath(path).node.findChild(method);
      const models = template.findResources('AWS::ApiGateway::Method')[stack.getLogicalId(node.node.defaultChild as never)].Properties
        .RequestModels as Record<string, { Ref: string }>;
      expect(models['$default']).toEqual(models['application/json']);
      return template.findResources('AWS::ApiGateway::Model')[models['application/json'].Ref].Properties.Schema;
    };
    expect(modelOf('/v1/lint', 'POST')).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      required: ['template'],
      properties: { template: { required: ['locale', 'category', 'body'] } },
    });
    expect(modelOf('/v1/templates/{templateId}', 'PUT')).toMatchObject({ required: ['locale', 'category', 'body'], additionalProperties: false });
    expect(modelOf('/v1/templates/{templateId}/dispatch', 'POST')).toMatchObject({
      required: ['variables', 'to'],
      properties: { to: { pattern: expect.stringContaining('+') } },
    });
  });

  test('the stage is throttled, access-logged as JSON, traced, and never logs bodies', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{.*"requestId"') },
      MethodSettings: [
        {
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 50,
          ThrottlingBurstLimit: 100,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        },
      ],
    });
  });

  test('dispatch requires an Idempotency-Key header and the lists take optional limit and cursor', () => {
    const parametersOf = (path: string, method: string) => {
      const node = stack.api.api.root.resourceForPath(path).node.findChild(method);
      return template.findResources('AWS::ApiGateway::Method')[stack.getLogicalId(node.node.defaultChild as never)].Properties.RequestParameters;
    };
    expect(parametersOf('/v1/templates/{templateId}/dispatch', 'POST')).toEqual({
      'method.request.path.templateId': true,
      'method.request.header.Idempotency-Key': true,
    });
    for (const path of ['/v1/templates/{templateId}/versions', '/v1/templates/{templateId}/dispatches']) {
      expect(parametersOf(path, 'GET')).toEqual({
        'method.request.path.templateId': true,
        'method.request.querystring.limit': false,
        'method.request.querystring.cursor': false,
      });
    }
    expect(parametersOf('/v1/templates', 'GET')).toEqual({ 'method.request.querystring.limit': false, 'method.request.querystring.cursor': false });
  });

  test('the batch model checks the envelope only: each template is checked by the function, so one bad template fails alone', () => {
    const node = stack.api.api.root.resourceForPath('/v1/lint/batch').node.findChild('POST');
    const models = template.findResources('AWS::ApiGateway::Method')[stack.getLogicalId(node.node.defaultChild as never)].Properties.RequestModels;
    expect(template.findResources('AWS::ApiGateway::Model')[models['application/json'].Ref].Properties.Schema).toMatchObject({
      required: ['templates'],
      properties: { templates: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'object' } } },
    });
  });

  test.each(['BAD_REQUEST_BODY', 'BAD_REQUEST_PARAMETERS'])('a %s refusal answers 400 in the service error shape, as valid JSON', (type) => {
    const [response] = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse', { Properties: { ResponseType: type } }));
    expect(response.Properties.StatusCode).toBe('400');
    // API Gateway substitutes $context.error.messageString as a quoted JSON string.
    const body = response.Properties.ResponseTemplates['application/json'].replace('$context.error.messageString', '"Invalid request body"');
    expect(JSON.parse(body)).toEqual({ error: { code: 'invalid_request', message: 'Invalid request body', details: [] } });
  });
});

describe('alarms', () => {
  test('5xx of either API, dispatch errors and dispatch failures alarm to an encrypted topic', () => {
    const topicId = stack.getLogicalId(stack.alarms.topic.node.defaultChild as never);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    expect(alarms.map((alarm) => alarm.MetricName).sort()).toEqual(['5XXError', '5XXError', 'DispatchFailures', 'Errors']);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: stack.getLogicalId(stack.dispatch.logGroup.node.defaultChild as never) },
      MetricTransformations: [{ MetricNamespace: 'smslint', MetricName: 'DispatchFailures', MetricValue: '1' }],
    });
  });

  test('the topic ARN is a stack output, to subscribe to after deploying', () => {
    const outputs = Object.values(template.findOutputs('*')).map((output) => output.Value);
    expect(outputs).toContainEqual({ Ref: stack.getLogicalId(stack.alarms.topic.node.defaultChild as never) });
  });

  test('only CloudWatch, besides the account, may use the topic key', () => {
    // The other key of the stack is the idempotency HMAC key (KeySpec HMAC_256).
    const key = Object.values(template.findResources('AWS::KMS::Key')).find((candidate) => candidate.Properties.KeySpec === undefined)!;
    const services = (key.Properties.KeyPolicy.Statement as { Principal: { Service?: string } }[]).flatMap((s) => s.Principal.Service ?? []);
    expect(services).toEqual(['cloudwatch.amazonaws.com']);
  });
});

test('the stack is environment-agnostic, so it synthesizes offline with no account lookups', () => {
  expect(Token.isUnresolved(stack.account)).toBe(true);
  expect(Token.isUnresolved(stack.region)).toBe(true);
});

describe('the config', () => {
  test('the nearest smslint.config.json to the templates is bundled into every function that lints, and nowhere else', () => {
    expect(stack.config.config).toEqual(teamConfig);
    for (const fn of [stack.lint, stack.templates, stack.dispatch]) expect(bundleOf(fn)).toContain(JSON.stringify(teamConfig));
    expect(bundleOf(stack.web!)).not.toContain('telvo.uk');
  });

  test.each([
    ['a field out of range', { segmentLimits: { transactional: 0 } }, /smslint config: .*bad\.json: invalid config: \/segmentLimits\/transactional must be >= 1/],
    ['an unknown rule', { rules: { 'no-such-rule': 'off' } }, /\/rules\/no-such-rule is not a rule of smslint/],
  ])('synth stops on a config with %s (-c config=path), naming the field', (_name, config, message) => {
    const file = join(noTemplates.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(config));
    const app = new App({ context: { config: file, 'aws:cdk:bundling-stacks': [] } });
    expect(() => new SmslintStack(app, 'Bad', { templatesDir: noTemplates.dir })).toThrow(DeployGateError);
    expect(() => new SmslintStack(new App({ context: { config: file, 'aws:cdk:bundling-stacks': [] } }), 'Bad', { templatesDir: noTemplates.dir })).toThrow(message);
  });
});
