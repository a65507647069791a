/**
 * What the SDK clients' default credential chain (`@aws-sdk/credential-provider-node`) is
 * replaced by in the Lambda bundles (`lambdaBundling.alias`): Lambda gives a function its
 * role's credentials in the environment, so the chain's other sources (profiles, SSO, web
 * identity, the instance metadata service) and the STS and SSO clients they bring are never
 * read there. Without them each bundle is 118-133 KiB smaller and loads about 5 ms sooner.
 * The local service and the tests give their clients credentials of their own.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
