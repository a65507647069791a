import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, Mfa, OAuthScope, UserPool, UserPoolClient, UserPoolClientIdentityProvider, UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { userGroups } from '../service/groups';
import { acknowledge } from './nag';

export interface SignInProps {
  /** Where the hosted sign-in may send people back with a code: the page's URL, as the page computes it. */
  readonly callbackUrls: string[];
  /** Where it may send people after signing out. */
  readonly logoutUrls: string[];
  /** The hosted sign-in is at `https://<prefix>.auth.<region>.amazoncognito.com`; the prefix is unique in the region. */
  readonly domainPrefix: string;
}

/**
 * Sign-in for the people who use the playground in AWS: a user pool whose users an
 * administrator creates (no self sign-up) and puts in the groups that decide what they may
 * do, its hosted sign-in, and the page's client. The page is a public client: it holds no
 * secret, uses the authorization code flow with PKCE, and keeps its tokens in memory.
 */
export class SignIn extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  /** The hosted sign-in's origin, which the page sends people to and takes tokens from. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      // People sign in with the username an administrator gave them (their principal in
      // the service, immutable) or their email address.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // These people can send SMS to customers: a password alone is not enough.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      // The users and their groups outlive the stack, as the table of what they did does.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'The Essentials plan: users exist only when an administrator creates them, and MFA is required; the Plus plan adds threat protection billed per active user, a choice for each team.',
    );
    for (const groupName of userGroups) this.userPool.addGroup(groupName, { groupName });

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.url = this.domain.baseUrl();
    this.client = this.userPool.addClient('Page', {
      // A page cannot keep a secret: it is a public client, and PKCE protects its codes.
      generateSecret: false,
      // Of the API sign-in flows only the refresh token (the flag named here is off): people
      // sign in on the hosted pages, which are not an API flow.
      authFlows: { userSrp: false },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
      },
      preventUserExistenceErrors: true,
      // The page keeps its tokens in memory and asks for new ones by signing in again.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(1),
    });
  }
}
