import { GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';

/**
 * Keyed fingerprints of dispatch requests: HMAC-SHA256 under a key that the table never
 * holds, so a claim tells a retry from another request without letting whoever reads the
 * table test guesses of the phone number. KMS in AWS, a key file in local mode.
 */
export interface RequestMac {
  /** HMAC-SHA256 of `message` as 64 hex digits. */
  mac(message: string): Promise<string>;
}

/** `kms:GenerateMac` with an HMAC_256 key: the key never leaves KMS, and only the dispatch function may use it. */
export class KmsRequestMac implements RequestMac {
  constructor(
    private readonly kms: KMSClient,
    private readonly keyId: string,
  ) {}

  async mac(message: string): Promise<string> {
    const { Mac } = await this.kms.send(new GenerateMacCommand({ KeyId: this.keyId, MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from(message, 'utf8') }));
    if (!Mac) throw new Error('KMS answered without a MAC');
    return Buffer.from(Mac).toString('hex');
  }
}
