import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnMethod } from 'aws-cdk-lib/aws-apigateway';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { ServiceApi } from '../../lib/stack/api';
import { SmslintStack } from '../../lib/stack/smslint-stack';
import { emptyTemplatesDir } from './no-templates';

const noTemplates = emptyTemplatesDir();
afterAll(() => noTemplates.remove());

/** The stack as synthesized with these cdk context values; the tests read resources, not bundles. */
function synth(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new SmslintStack(app, 'Smslint', { templatesDir: noTemplates.dir });
  return { stack, template: Template.fromStack(stack) };
}

let stack: SmslintStack;
let template: Template;
beforeAll(() => ({ stack, template } = synth()));

const ref = (construct: { node: { defaultChild?: unknown } }) => ({ Ref: stack.getLogicalId(construct.node.defaultChild as never) });
const only = (type: string) => {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0];
};

/** How each method of an API is authorized, by `METHOD /path`. */
function authorizationOf(api: ServiceApi): Record<string, unknown> {
  return Object.fromEntries(
    api.api.methods.map((method) => {
      const { authorizationType, authorizerId, authorizationScopes } = method.node.defaultChild as CfnMethod;
      return [`${method.httpMethod} ${method.resource.path}`, stack.resolve({ authorizationType, authorizerId, authorizationScopes })];
    }),
  );
}

const serviceRoutes = [
  'POST /v1/lint',
  'POST /v1/lint/batch',
  'GET /v1/config',
  'GET /v1/openapi.json',
  'PUT /v1/templates/{templateId}',
  'GET /v1/templates/{templateId}',
  'DELETE /v1/templates/{templateId}',
  'GET /v1/templates',
  'GET /v1/templates/{templateId}/dispatches',
  'GET /v1/health',
  'GET /v1/templates/{templateId}/versions',
  'GET /v1/templates/{templateId}/versions/{version}',
  'POST /v1/templates/{templateId}/versions/{version}/approval',
  'POST /v1/templates/{templateId}/versions/{version}/relint',
  'POST /v1/templates/{templateId}/versions/{version}/retire',
  'POST /v1/templates/{templateId}/dispatch',
];

describe('the user pool', () => {
  test('takes no sign-up, requires MFA by authenticator app (not SMS) and strong passwords, and outlives the stack', () => {
    expect(only('AWS::Cognito::UserPool')).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'ON',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
        AliasAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        DeletionProtection: 'ACTIVE',
      },
    });
  });

  test('has exactly the groups writers, approvers and senders', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties);
    expect(groups).toEqual([
      { GroupName: 'writers', UserPoolId: ref(stack.signIn.userPool) },
      { GroupName: 'approvers', UserPoolId: ref(stack.signIn.userPool) },
      { GroupName: 'senders', UserPoolId: ref(stack.signIn.userPool) },
    ]);
  });

  test('signs people in on its hosted pages, at smslint-<account id> unless the context names another prefix', () => {
    expect(only('AWS::Cognito::UserPoolDomain').Properties).toEqual({
      Domain: { 'Fn::Join': ['', ['smslint-', { Ref: 'AWS::AccountId' }]] },
      UserPoolId: ref(stack.signIn.userPool),
    });
    const custom = synth({ signInDomainPrefix: 'acme-sms' }).template.findResources('AWS::Cognito::UserPoolDomain');
    expect(Object.values(custom).map((domain) => domain.Properties.Domain)).toEqual(['acme-sms']);
  });

  test('its id is a stack output, for the commands that create users', () => {
    expect(template.findOutputs('UserPoolId')).toEqual({ UserPoolId: { Value: ref(stack.signIn.userPool), Description: expect.any(String) } });
  });
});

describe("the page's client", () => {
  test('is public (no secret) and may only use the authorization code flow, on the hosted pages', () => {
    expect(only('AWS::Cognito::UserPoolClient').Properties).toMatchObject({
      UserPoolId: ref(stack.signIn.userPool),
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      SupportedIdentityProviders: ['COGNITO'],
      PreventUserExistenceErrors: 'ENABLED',
      IdTokenValidity: 60,
    });
  });

  test("sends people back to the page on the people's API after signing in and out", () => {
    const pageUrl = stack.resolve(stack.pageApi.rootUrl);
    expect(pageUrl).toEqual({
      'Fn::Join': ['', ['https://', ref(stack.pageApi.api), '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod/']],
    });
    expect(only('AWS::Cognito::UserPoolClient').Properties).toMatchObject({ CallbackURLs: [pageUrl], LogoutURLs: [pageUrl] });
  });

  test('takes its callback and sign-out URLs from the cdk context: a list (cdk.json) or comma-separated text (-c)', () => {
    const custom = synth({ signInCallbackUrls: ['https://sms.example.com/'], signOutUrls: 'https://sms.example.com/, https://example.com/bye' }).template;
    expect(Object.values(custom.findResources('AWS::Cognito::UserPoolClient'))[0].Properties).toMatchObject({
      CallbackURLs: ['https://sms.example.com/'],
      LogoutURLs: ['https://sms.example.com/', 'https://example.com/bye'],
    });
  });

  test('the page function is told where to sign in and with which client, and nothing of the table', () => {
    const web = template.findResources('AWS::Lambda::Function')[stack.getLogicalId(stack.web!.function.node.defaultChild as CfnFunction)];
    const variables = web.Properties.Environment.Variables;
    expect(variables.SIGN_IN_CLIENT_ID).toEqual(ref(stack.signIn.client));
    expect(variables.SIGN_IN_URL).toEqual(stack.resolve(stack.signIn.domain.baseUrl()));
    expect(variables).not.toHaveProperty('TABLE_NAME');
  });
});

describe('authorization per route', () => {
  test("the people's API checks ID tokens of the user pool (no scopes: an ID token, not an access token)", () => {
    expect(only('AWS::ApiGateway::Authorizer').Properties).toEqual({
      Name: expect.any(String),
      Type: 'COGNITO_USER_POOLS',
      RestApiId: ref(stack.pageApi.api),
      IdentitySource: 'method.request.header.Authorization',
      ProviderARNs: [{ 'Fn::GetAtt': [stack.getLogicalId(stack.signIn.userPool.node.defaultChild as never), 'Arn'] }],
    });
  });

  test("every route of the people's API needs that authorizer, but the page", () => {
    const cognito = { authorizationType: 'COGNITO_USER_POOLS', authorizerId: ref(stack.pageApi.authorizer!) };
    expect(authorizationOf(stack.pageApi)).toEqual({
      ...Object.fromEntries(serviceRoutes.map((route) => [route, cognito])),
      'GET /': { authorizationType: 'NONE' },
    });
  });

  test('every route of the IAM API needs a SigV4 signature, and it serves no page', () => {
    expect(authorizationOf(stack.api)).toEqual(Object.fromEntries(serviceRoutes.map((route) => [route, { authorizationType: 'AWS_IAM' }])));
  });

  test("a request the authorizer refuses is 401 in the service's error shape, which the page shows", () => {
    const [response] = Object.values(template.findResources('AWS::ApiGateway::GatewayResponse', { Properties: { ResponseType: 'UNAUTHORIZED' } }));
    expect(response.Properties.RestApiId).toEqual(ref(stack.pageApi.api));
    expect(response.Properties.StatusCode).toBe('401');
    expect(JSON.parse(response.Properties.ResponseTemplates['application/json'])).toEqual({
      error: { code: 'unauthorized', message: 'sign in: this route needs a valid ID token', details: [] },
    });
  });

  test('no method of the stack is open but the page', () => {
    const open = Object.entries(template.findResources('AWS::ApiGateway::Method'))
      .filter(([, method]) => !['AWS_IAM', 'COGNITO_USER_POOLS'].includes(method.Properties.AuthorizationType))
      .map(([id]) => id);
    expect(open).toEqual([stack.getLogicalId(stack.pageApi.api.root.node.findChild('GET').node.defaultChild as never)]);
  });
});
