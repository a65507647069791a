import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  type Model,
  RequestValidator,
  ResponseType,
  RestApi,
  type IResource,
  type JsonSchema,
} from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

export interface ServiceApiProps {
  /** Steady requests per second for the whole stage. */
  readonly rateLimit: number;
  /** Requests the stage absorbs in a burst above the rate. */
  readonly burstLimit: number;
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
}

/**
 * The REST API: every method signed with SigV4 (AWS_IAM), bodies and parameters
 * validated by API Gateway, stage throttling, JSON access logs, execution logs at ERROR
 * level (never request or response bodies: they carry phone numbers), and X-Ray tracing.
 */
export class ServiceApi extends Construct {
  readonly api: RestApi;
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
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: 'prod',
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
    acknowledge(
      this.api.node.findChild('CloudWatchRole'),
      'AwsSolutions-IAM4',
      "AmazonAPIGatewayPushToCloudWatchLogs is AWS's policy for the account's API Gateway logging role; it changes with the service's needs.",
      'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
    );
    acknowledge(
      this.api.deploymentStage,
      'AwsSolutions-APIG3',
      'Every method requires a SigV4 signature, so unsigned traffic is refused before any function runs, and stage throttling caps the rest; a WAF web ACL (from $5 a month) adds little to that.',
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
    });
    acknowledge(
      method,
      'AwsSolutions-COG4',
      'The method is authorized by IAM (SigV4): callers are AWS principals of the account, not Cognito users.',
    );
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
