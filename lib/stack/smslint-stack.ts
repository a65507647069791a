import { existsSync } from 'node:fs';
import { Aws, CfnOutput, Lazy, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { JsonSchema } from 'aws-cdk-lib/aws-apigateway';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { templateSchema } from '../engine';
import { SourceError } from '../cli/sources';
import { bundledConfigDefine } from '../service/bundled-config';
import { lambdaEntries } from '../service/bundling';
import type { ServiceConfig } from '../service/config';
import { loadServiceConfig } from '../service/config-file';
import { batchLintRequestSchema, decisionRequestSchema, dispatchRequestSchema, lintRequestSchema, toApiGatewayModelSchema } from '../service/schemas';
import { tableKeys } from '../service/table';
import { renderPlaygroundPage } from '../web/page';
import { ALARM_PERIOD, ServiceAlarms } from './alarms';
import { ServiceApi } from './api';
import { DeployGateError, enforceDeployGate } from './deploy-gate';
import { acknowledge } from './nag';
import { fromRoot } from './paths';
import { ServiceFunction } from './service-function';
import { SignIn } from './sign-in';

export interface SmslintStackProps extends StackProps {
  /**
   * The folder of SMS templates that must pass smslint before anything deploys.
   * @default the cdk context value `templatesDir`, else `lib/templates`
   */
  readonly templatesDir?: string;
  /**
   * The `smslint.config.json` the functions lint with and the deploy gate lints every
   * template with. @default the cdk context value `config`, else the nearest one to the
   * templates folder (the gate then uses each file's nearest, as the CLI does)
   */
  readonly configPath?: string;
}

/**
 * The smslint service: two REST APIs with the same routes over one function per concern
 * (lint, templates, dispatch), one for machine clients (IAM-signed) and one for people
 * signed in through a Cognito user pool, which also serves the playground page; one
 * DynamoDB table, SMS through SNS, and alarms. Constructing it first runs the deploy gate
 * over the templates folder.
 *
 * Sign-in takes three cdk context values: `signInCallbackUrls` and `signOutUrls` (a list in
 * cdk.json, or comma-separated with `-c`; each defaults to the page's URL on the people's
 * API) and `signInDomainPrefix` (default `smslint-<account id>`).
 */
export class SmslintStack extends Stack {
  readonly table: Table;
  /** The HMAC key of idempotency fingerprints: only the dispatch function may use it, and the table never holds it. */
  readonly idempotencyKey: Key;
  readonly lint: ServiceFunction;
  readonly templates: ServiceFunction;
  readonly dispatch: ServiceFunction;
  /** The playground page's function, when `lambdas/web.ts` exists. */
  readonly web?: ServiceFunction;
  /** The API of machine clients (CI, back-ends): every method requires a SigV4 signature. */
  readonly api: ServiceApi;
  /** The API of people: the playground page, and every route with a person's ID token. */
  readonly pageApi: ServiceApi;
  readonly signIn: SignIn;
  readonly alarms: ServiceAlarms;
  /** The config every function lints with, read and validated at synth. */
  readonly config: ServiceConfig;

  constructor(scope: Construct, id: string, props: SmslintStackProps = {}) {
    super(scope, id, props);
    const templatesDir = fromRoot(props.templatesDir ?? this.node.tryGetContext('templatesDir') ?? 'lib/templates');
    const configPath: string | undefined = props.configPath ?? this.node.tryGetContext('config');
    this.config = loadStackConfig(templatesDir, configPath && fromRoot(configPath));
    enforceDeployGate(this, templatesDir, configPath && fromRoot(configPath));
    // The config goes into each bundle (esbuild `define`): the functions read no file at run time.
    const define = bundledConfigDefine(this.config);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableKeys.partitionKey.name, type: AttributeType.STRING },
      sortKey: { name: tableKeys.sortKey.name, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // The account's aws/dynamodb key: unlike the default AWS-owned key its use shows in
      // CloudTrail; a customer-managed key would add a key policy to keep right and a
      // grant per function for no gain, as the table's IAM grants already decide who reads what.
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const environment = { TABLE_NAME: this.table.tableName };
    this.idempotencyKey = new Key(this, 'IdempotencyKey', {
      description: 'smslint: HMAC-SHA256 of dispatch requests for idempotency claims',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      // Kept with the table: without it no stored claim can be compared with a retry.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.lint = new ServiceFunction(this, 'Lint', {
      entry: lambdaEntries.lint,
      description: 'smslint: lint one or a batch, the config, the OpenAPI document (no storage, no SMS)',
      reservedConcurrency: 20,
      memorySize: 512,
      define,
    });
    this.templates = new ServiceFunction(this, 'Templates', {
      entry: lambdaEntries.templates,
      description: 'smslint: store, list and archive templates, read their versions and dispatches, health',
      reservedConcurrency: 10,
      environment,
      define,
    });
    this.dispatch = new ServiceFunction(this, 'Dispatch', {
      entry: lambdaEntries.dispatch,
      description: 'smslint: send a stored template as SMS through SNS',
      // Each call costs money: a low cap bounds a runaway client's bill.
      reservedConcurrency: 5,
      environment: { ...environment, IDEMPOTENCY_KEY_ARN: this.idempotencyKey.keyArn },
      define,
    });

    this.grantTableAccess();
    this.grantSmsPublish();
    this.idempotencyKey.grant(this.dispatch.function, 'kms:GenerateMac');

    this.api = new ServiceApi(this, 'Api', { rateLimit: 50, burstLimit: 100 });
    // The client needs the page's URL and the page's API needs the pool: the URL is read once both exist.
    const pageUrl = Lazy.string({ produce: () => this.pageApi.rootUrl });
    this.signIn = new SignIn(this, 'SignIn', {
      callbackUrls: contextList(this, 'signInCallbackUrls') ?? [pageUrl],
      logoutUrls: contextList(this, 'signOutUrls') ?? [pageUrl],
      domainPrefix: this.node.tryGetContext('signInDomainPrefix') ?? `smslint-${Aws.ACCOUNT_ID}`,
    });
    this.pageApi = new ServiceApi(this, 'PageApi', { rateLimit: 50, burstLimit: 100, users: this.signIn.userPool, loggingRoleOf: this.api });
    new CfnOutput(this, 'UserPoolId', { value: this.signIn.userPool.userPoolId, description: 'The user pool of the people who use the playground' });
    for (const api of [this.api, this.pageApi]) this.addRoutes(api);
    this.web = this.addPlayground();

    this.alarms = new ServiceAlarms(this, 'Alarms');
    this.addAlarms();
  }

  /**
   * Only the item actions each handler calls (see `lib/service/dynamo-store.ts`): versions
   * are written once with a conditional put, so only dispatch updates (its status and its
   * idempotency claim). No Scan, no DeleteItem, no batch or table-wide action.
   */
  private grantTableAccess(): void {
    this.table.grant(this.templates.function, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query');
    this.table.grant(this.dispatch.function, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem');
  }

  /**
   * SNS checks `sns:Publish` to a phone number against no resource ARN, so the Allow
   * needs `Resource: *`. The Deny takes back every ARN-addressed target (topics, mobile
   * push endpoints), leaving direct SMS only, and the region condition keeps it to this
   * stack's region (and its SMS spending limit).
   */
  private grantSmsPublish(): void {
    const smsPublish = new Policy(this, 'SmsPublish', {
      statements: [
        new PolicyStatement({
          actions: ['sns:Publish'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:RequestedRegion': Aws.REGION } },
        }),
        new PolicyStatement({ effect: Effect.DENY, actions: ['sns:Publish'], resources: ['arn:*:sns:*:*:*'] }),
      ],
    });
    smsPublish.attachToRole(this.dispatch.function.role!);
    acknowledge(
      smsPublish,
      'AwsSolutions-IAM5',
      'SNS authorizes sns:Publish to a phone number against no resource ARN; the Deny in the same policy takes back every topic and endpoint ARN, leaving direct SMS in this region only.',
      'Resource::*',
    );
  }

  private addRoutes(api: ServiceApi): void {
    const lint = this.lint.function;
    const templates = this.templates.function;
    const dispatch = this.dispatch.function;
    api.addRoute({ method: 'POST', path: '/v1/lint', handler: lint, body: model('LintRequest', lintRequestSchema) });
    api.addRoute({ method: 'POST', path: '/v1/lint/batch', handler: lint, body: model('BatchLintRequest', batchLintRequestSchema) });
    api.addRoute({ method: 'GET', path: '/v1/config', handler: lint });
    api.addRoute({ method: 'GET', path: '/v1/openapi.json', handler: lint });
    api.addRoute({ method: 'PUT', path: '/v1/templates/{templateId}', handler: templates, body: model('Template', templateSchema) });
    api.addRoute({ method: 'GET', path: '/v1/templates/{templateId}', handler: templates });
    api.addRoute({ method: 'DELETE', path: '/v1/templates/{templateId}', handler: templates });
    api.addRoute({ method: 'GET', path: '/v1/templates', handler: templates, query: ['limit', 'cursor'] });
    api.addRoute({ method: 'GET', path: '/v1/templates/{templateId}/dispatches', handler: templates, query: ['limit', 'cursor'] });
    api.addRoute({ method: 'GET', path: '/v1/health', handler: templates });
    api.addRoute({ method: 'GET', path: '/v1/templates/{templateId}/versions', handler: templates, query: ['limit', 'cursor'] });
    api.addRoute({ method: 'GET', path: '/v1/templates/{templateId}/versions/{version}', handler: templates });
    // One route per decision, so that IAM grants each to its own role (see README); people's groups gate the same ones.
    const decision = model('DecisionRequest', decisionRequestSchema);
    api.addRoute({ method: 'POST', path: '/v1/templates/{templateId}/versions/{version}/approval', handler: templates, body: decision });
    api.addRoute({ method: 'POST', path: '/v1/templates/{templateId}/versions/{version}/relint', handler: templates });
    api.addRoute({ method: 'POST', path: '/v1/templates/{templateId}/versions/{version}/retire', handler: templates, body: decision });
    api.addRoute({
      method: 'POST',
      path: '/v1/templates/{templateId}/dispatch',
      handler: dispatch,
      body: model('DispatchRequest', dispatchRequestSchema),
      requiredHeaders: ['Idempotency-Key'],
    });
  }

  /**
   * The playground page at `GET /` of the people's API, once its handler exists. The page is
   * compiled into the bundle: the handler reads the global `PLAYGROUND_HTML` (declared in
   * `lambdas/web.ts`) and adds where to sign in, from its environment.
   */
  private addPlayground(): ServiceFunction | undefined {
    const entry = fromRoot('lambdas', 'web.ts');
    if (!existsSync(entry)) return undefined;
    const web = new ServiceFunction(this, 'Web', {
      entry,
      description: 'smslint: the playground page',
      reservedConcurrency: 5,
      environment: { SIGN_IN_URL: this.signIn.url, SIGN_IN_CLIENT_ID: this.signIn.client.userPoolClientId },
      define: { PLAYGROUND_HTML: JSON.stringify(renderPlaygroundPage()) },
    });
    this.pageApi.addRoute({
      method: 'GET',
      path: '/',
      handler: web.function,
      openBecause: 'A browser loads the page before anyone can sign in: it is the same static page for everyone, with no data and no secret (a public client id); every call it makes needs the ID token.',
    });
    return web;
  }

  private addAlarms(): void {
    this.alarms.alarmOn(
      'Api5xx',
      this.api.api.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      'The API answered 5xx: a function failed or timed out.',
    );
    this.alarms.alarmOn(
      'PageApi5xx',
      this.pageApi.api.metricServerError({ period: ALARM_PERIOD, statistic: 'Sum' }),
      "The people's API answered 5xx: a function failed or timed out.",
    );
    this.alarms.alarmOn(
      'DispatchErrors',
      this.dispatch.function.metricErrors({ period: ALARM_PERIOD, statistic: 'Sum' }),
      'The dispatch function failed (crash or timeout).',
    );
    const dispatchFailures = new MetricFilter(this, 'DispatchFailedFilter', {
      logGroup: this.dispatch.logGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', 'dispatch failed'),
      metricNamespace: 'smslint',
      metricName: 'DispatchFailures',
      metricValue: '1',
    });
    this.alarms.alarmOn(
      'DispatchFailures',
      dispatchFailures.metric({ period: ALARM_PERIOD, statistic: 'Sum' }),
      'SNS refused an SMS (the dispatch function logged "dispatch failed").',
    );
  }
}

/** The service's config for the stack; one that cannot be read or does not fit stops the synthesis, naming the file and the field. */
function loadStackConfig(templatesDir: string, configPath: string | undefined): ServiceConfig {
  try {
    return loadServiceConfig(templatesDir, configPath).config;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    throw new DeployGateError(`smslint config: ${error.message}`);
  }
}

/** A list from the cdk context: an array in cdk.json, or comma-separated text from `-c key=a,b`. */
function contextList(stack: Stack, key: string): string[] | undefined {
  const value: unknown = stack.node.tryGetContext(key);
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map((item) => String(item).trim()).filter((item) => item !== '');
}

/** An API Gateway model from one of the JSON Schemas the handlers validate with. */
function model(modelName: string, schema: { readonly [key: string]: unknown }): { modelName: string; schema: JsonSchema } {
  return { modelName, schema: toApiGatewayModelSchema(schema) as JsonSchema };
}
