import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type Model,
  RequestValidator,
  ResponseType,
  RestApi,
  type IResource,
  type MethodOptions,
  type JsonSchema,
} from 'aws-cdk-lib/aws-apigateway';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

const STAGE_NAME = 'prod';

export interface ServiceApiProps {
  /** Steady requests per second for the whole stage. */
  readonly rateLimit: number;
  /** Requests the stage absorbs in a burst above the rate. */
  readonly burstLimit: number;
  /**
   * People of this pool call the API with their ID token (a Cognito authorizer on every
   * method). @default every method requires a SigV4 signature (IAM)
   */
  readonly users?: IUserPool;
  /**
   * Another API of the stack that sets the account's API Gateway logging role, which is one
   * per account and region. @default this API sets it
   */
  readonly loggingRoleOf?: ServiceApi;
}

export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/v1/templates/{templateId}`: each `{name}` segment becomes a required path parameter. */
  readonly path: string;
  readonly handler: IFunction;
  /** The request body's model: API Gateway refuses a body that does not fit, before any Lambda runs. */
  readonly body?: { readonly modelName: string; readonly schema: JsonSchema };
  /** Optional query string parameters the route accepts. */
  readonly query?: readonly string[];
  /** Headers the route requires: API Gateway refuses a request without them. */
  readonly requiredHeaders?: readonly string[];
  /** Why anyone may call it, unauthenticated (recorded with the cdk-nag acknowledgements). @default authenticated */
  readonly openBecause?: string;
}

/**
 * A REST API: every method authenticated, by a SigV4 signature (IAM) or a person's ID token
 * from the user pool (Cognito), unless a route says why it is open; bodies and parameters
 * validated by API Gateway, stage throttling, JSON access logs, execution logs at ERROR
 * level (never request or response bodies: they carry phone numbers), and X-Ray tracing.
 */
export class ServiceApi extends Construct {
  readonly api: RestApi;
  /** Checks ID tokens of the user pool, on an API for people; undefined on the IAM API. */
  readonly authorizer?: CognitoUserPoolsAuthorizer;
  private readonly validator: RequestValidator;
  /** Models by name: routes that take the same body share one. */
  private readonly models = new Map<string, Model>();

  constructor(scope: Construct, id: string, props: ServiceApiProps) {
    super(scope, id);
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new RestApi(this, 'Api', {
      description: 'smslint: lint, store and dispatch SMS templates',
      endpointTypes: [EndpointType.REGIONAL],
      defaultMethodOptions: { authorizationType: AuthorizationType.IAM },
      // The role API Gateway logs with is one per account and region: kept on stack
      // deletion so other APIs of the account keep logging.
      ...(props.loggingRoleOf ? { cloudWatchRole: false } : { cloudWatchRole: true, cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN }),
      deployOptions: {
        stageName: STAGE_NAME,
        throttlingRateLimit: props.rateLimit,
        throttlingBurstLimit: props.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
      },
    });
    if (props.loggingRoleOf) {
      // The stage logs only once the account's logging role is set.
      this.api.deploymentStage.node.addDependency(props.loggingRoleOf.api.node.findChild('Account'));
    } else {
      acknowledge(
        this.api.node.findChild('CloudWatchRole'),
        'AwsSolutions-IAM4',
        "AmazonAPIGatewayPushToCloudWatchLogs is AWS's policy for the account's API Gateway logging role; it changes with the service's needs.",
        'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
      );
    }
    if (props.users) this.authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [props.users] });
    acknowledge(
      this.api.deploymentStage,
      'AwsSolutions-APIG3',
      `Every method requires ${this.authorizer ? "a person's ID token (but the static page, which holds no data)" : 'a SigV4 signature'}, so anonymous traffic is refused before any function runs, and stage throttling caps the rest; a WAF web ACL (from $5 a month) adds little to that.`,
    );
    this.validator = this.api.addRequestValidator('Validator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // Refusals by API Gateway itself answer in the service's error shape. Only the
    // pre-quoted `messageString` is used: gateway responses are plain substitution (no
    // escaping), and `validationErrorString` holds double quotes that would break the JSON.
    for (const type of [ResponseType.BAD_REQUEST_BODY, ResponseType.BAD_REQUEST_PARAMETERS]) {
      this.api.addGatewayResponse(type.responseType, {
        type,
        statusCode: '400',
        templates: { 'application/json': '{"error":{"code":"invalid_request","message":$context.error.messageString,"details":[]}}' },
      });
    }
    if (this.authorizer) {
      // The authorizer's refusal (no token, an expired one, one of another pool) as the page shows errors.
      this.api.addGatewayResponse(ResponseType.UNAUTHORIZED.responseType, {
        type: ResponseType.UNAUTHORIZED,
        statusCode: '401',
        templates: { 'application/json': '{"error":{"code":"unauthorized","message":"sign in: this route needs a valid ID token","details":[]}}' },
      });
    }
  }

  /**
   * The stage's root URL, as `RestApi.url` but made of the API's id alone: what names it does
   * not wait for the deployment, so the page's client can name the page that refers to it.
   */
  get rootUrl(): string {
    return `https://${this.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${STAGE_NAME}/`;
  }

  addRoute(route: ApiRoute): void {
    const resource = route.path
      .split('/')
      .filter((segment) => segment !== '')
      .reduce<IResource>((parent, segment) => parent.getResource(segment) ?? parent.addResource(segment), this.api.root);
    const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    const requestParameters = Object.fromEntries([
      ...pathParameters.map((name) => [`method.request.path.${name}`, true]),
      ...(route.query ?? []).map((name) => [`method.request.querystring.${name}`, false]),
      ...(route.requiredHeaders ?? []).map((name) => [`method.request.header.${name}`, true]),
    ]);
    const method = resource.addMethod(route.method, new LambdaIntegration(route.handler, { allowTestInvoke: false }), {
      requestValidator: this.validator,
      requestParameters,
      requestModels: route.body ? this.modelsFor(route.body) : undefined,
      ...this.authorizationOf(route),
    });
    if (route.openBecause) {
      for (const id of ['AwsSolutions-APIG4', 'AwsSolutions-COG4']) acknowledge(method, id, route.openBecause);
    } else if (!this.authorizer) {
      acknowledge(
        method,
        'AwsSolutions-COG4',
        'The method is authorized by IAM (SigV4): callers are AWS principals of the account, not Cognito users.',
      );
    }
  }

  private authorizationOf(route: ApiRoute): MethodOptions {
    if (route.openBecause) return { authorizationType: AuthorizationType.NONE };
    if (this.authorizer) return { authorizationType: AuthorizationType.COGNITO, authorizer: this.authorizer };
    return { authorizationType: AuthorizationType.IAM };
  }

  /**
   * The model under `application/json` and under `$default`: API Gateway validates a body
   * against the model of its Content-Type, so without `$default` a body sent as
   * `text/plain` would reach the function unchecked.
   */
  private modelsFor(body: NonNullable<ApiRoute['body']>): Record<string, Model> {
    const model = this.models.get(body.modelName) ?? this.api.addModel(body.modelName, { contentType: 'application/json', schema: body.schema });
    this.models.set(body.modelName, model);
    return { 'application/json': model, $default: model };
  }
}
